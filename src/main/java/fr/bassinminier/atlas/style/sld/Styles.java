package fr.bassinminier.atlas.style.sld;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.model.style.*;

import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.project.LabelRule;
import fr.bassinminier.atlas.model.project.LayerStyle;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.style.DefaultStyles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Rule selection, and the bridge from the project's simple style to SLD, so the renderer has one path. */
public final class Styles {
    /** A simple label's halo: opaque white, as the map has always drawn it. */
    private static final String HALO_OPACITY = "1";

    private Styles() {
    }

    /**
     * The rules that draw a feature at a scale, in document order: in each feature type style,
     * the regular rules in scale whose filter accepts it, or, when none does, its ElseFilter
     * rules in scale (rules out of scale do not count as matching, as in GeoServer).
     */
    public static List<Rule> rulesFor(Style style, Feature feature, double scaleDenominator) {
        List<Rule> out = new ArrayList<>();
        for (FeatureTypeStyle fts : style.featureTypeStyles()) {
            out.addAll(rulesFor(fts, feature, scaleDenominator));
        }
        return out;
    }

    /** The same within one feature type style (one drawing pass). */
    public static List<Rule> rulesFor(FeatureTypeStyle fts, Feature feature, double scaleDenominator) {
        List<Rule> out = new ArrayList<>();
        boolean matched = false;
        for (Rule r : fts.rules()) {
            if (r.elseFilter() || !r.appliesAt(scaleDenominator)) continue;
            if (r.filter() == null || r.filter().test(feature)) {
                out.add(r);
                matched = true;
            }
        }
        if (!matched) {
            for (Rule r : fts.rules()) {
                if (r.elseFilter() && r.appliesAt(scaleDenominator)) out.add(r);
            }
        }
        return out;
    }

    /**
     * What the style asks for that the renderer reads but does not draw (yet), in the user's language, once
     * each: the map is drawn without it, and the user is told rather than left to wonder.
     */
    public static List<String> notDrawn(Style style) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (Rule r : style.rules()) {
            for (Symbolizer sym : r.symbolizers()) {
                if (sym instanceof TextSymbolizer t) {
                    if (t.placement() != null) out.add(Localization.get("style.notDrawn.placement"));
                    if (t.font() != null && !t.font().familyFor(null).replace("-", "").equalsIgnoreCase("sansserif")) out.add(Localization.get("style.notDrawn.fontFamily"));
                    if (t.font() != null && t.font().style() != null && t.font().isItalicFor(null)) {
                        out.add(Localization.get("style.notDrawn.fontStyle"));
                    }
                    if (!t.vendorOptions().isEmpty()) out.add(Localization.get("style.notDrawn.vendorOptions", String.join(", ", t.vendorOptions().keySet())));
                } else if (sym instanceof LineSymbolizer l && l.perpendicularOffset() != null) {
                    out.add(Localization.get("style.notDrawn.offset"));
                } else if (sym instanceof PointSymbolizer p && p.graphicOrDefault().mark() == null) {
                    out.add(Localization.get("style.notDrawn.externalGraphic"));
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The style a layer is drawn, labelled and keyed with: its SLD style, else its simple style
     * and label compiled to SLD ({@code ordinal}, its place in the layer list, picks the default
     * colour of a layer without either). Every consumer sees SLD only.
     */
    public static Style of(ProjectLayer layer, int ordinal) {
        if (layer.style() != null) return layer.style();
        GeometryType type = layer.isLoaded() ? layer.data().geometryType() : GeometryType.POLYGON;
        return fromSimple(DefaultStyles.resolve(layer.entry().style(), type, ordinal), layer.entry().label(), type);
    }

    /**
     * The project's simple style and label as an SLD style: one rule drawing the geometry
     * (fill, optional hatching, outline; or a circle for points) and, when labelled, one rule
     * with the label up to its scale. A null style gets the default for the geometry type.
     *
     * <p>Two approximations: LabelRule shows up to maxScale inclusive, an SLD rule exclusive
     * (the two differ only at exactly that scale); a mixed-geometry layer gets a polygon and a
     * point symbolizer, which in SLD terms also marks the centroid of its polygons.
     */
    public static Style fromSimple(LayerStyle simple, LabelRule label, GeometryType type) {
        LayerStyle s = simple != null ? simple : DefaultStyles.forLayer(type, 0);
        List<Rule> rules = new ArrayList<>();
        rules.add(Rule.of(null, geometrySymbolizers(s, type)));
        if (label != null && label.field() != null && !label.field().isBlank()) {
            double max = label.maxScale() > 0 ? label.maxScale() : Double.POSITIVE_INFINITY;
            rules.add(new Rule("etiquettes", null, null, null, false, 0, max, List.of(label(label))));
        }
        return new Style(null, null, List.of(new FeatureTypeStyle(null, rules)));
    }

    private static List<Symbolizer> geometrySymbolizers(LayerStyle s, GeometryType type) {
        Stroke stroke = s.stroke() == null || s.strokeWidth() <= 0 ? null : stroke(s);
        Fill fill = s.fill() == null ? null : Fill.of(s.fill(), s.fillOpacity());
        List<Symbolizer> out = new ArrayList<>();
        switch (type.family()) {
            case POINT -> out.add(point(s));
            case LINE -> out.add(new LineSymbolizer(stroke != null ? stroke : Stroke.of("#000000", 0), null));
            default -> {
                if (s.hatch() != null) {
                    out.add(new PolygonSymbolizer(fill, null));
                    out.add(new PolygonSymbolizer(hatch(s), stroke));
                } else {
                    out.add(new PolygonSymbolizer(fill, stroke));
                }
                if (type.family() == GeometryType.Family.MIXED) out.add(point(s));
            }
        }
        return out;
    }

    private static Stroke stroke(LayerStyle s) {
        List<Double> dash = new ArrayList<>();
        if (s.dash() != null) {
            for (double d : s.dash()) dash.add(d);
        }
        // The renderer draws solid lines round-capped and dashed ones butt-capped, both round-joined.
        return new Stroke(Expression.literal(s.stroke()), Expression.literal(Numbers.format(s.strokeWidth())), null,
                dash, null, dash.isEmpty() ? "round" : "butt", "round");
    }

    /** The renderer's hatching: lines in the stroke colour, 0.7 pixel wide, every 8 pixels. */
    private static Fill hatch(LayerStyle s) {
        String shape = switch (s.hatch().toLowerCase(Locale.ROOT)) {
            case "backslash" -> "shape://backslash";
            case "horizontal", "horline" -> "shape://horline";
            case "vertical", "vertline" -> "shape://vertline";
            case "cross", "plus" -> "shape://plus";
            default -> "shape://slash";
        };
        String color = s.stroke() != null ? s.stroke() : "#808080";
        Mark mark = new Mark(shape, null, Stroke.of(color, 0.7));
        return new Fill(null, null, new Graphic(List.of(mark), null, Expression.literal("8"), null, null));
    }

    private static PointSymbolizer point(LayerStyle s) {
        Fill fill = s.fill() == null ? null : Fill.of(s.fill(), s.fillOpacity());
        Stroke stroke = s.stroke() == null ? null : Stroke.of(s.stroke(), 0.8);
        Mark circle = new Mark("circle", fill, stroke);
        return new PointSymbolizer(new Graphic(List.of(circle), null, Expression.literal(Numbers.format(s.pointSize())),
                null, null));
    }

    private static TextSymbolizer label(LabelRule l) {
        Font font = new Font(Expression.literal("SansSerif"), Expression.literal(Numbers.format(l.fontSize())),
                Expression.literal("normal"), Expression.literal(l.bold() ? "bold" : "normal"));
        Halo halo = new Halo(Expression.literal("1.5"),
                new Fill(Expression.literal("#ffffff"), Expression.literal(HALO_OPACITY), null));
        Fill fill = l.color() == null ? null : Fill.of(l.color(), 1);
        return new TextSymbolizer(Expression.property(l.field()), font, null, halo, fill,
                Expression.literal(Integer.toString(l.priority())), Map.of());
    }
}
