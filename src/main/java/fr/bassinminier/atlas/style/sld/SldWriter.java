package fr.bassinminier.atlas.style.sld;

import fr.bassinminier.atlas.model.style.*;

import fr.bassinminier.atlas.model.style.LabelPlacement.LinePlacement;
import fr.bassinminier.atlas.model.style.LabelPlacement.PointPlacement;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Style} as SLD 1.0 the way GeoServer's own styles are written (default SLD
 * namespace, ogc: filters, CssParameter), which GeoServer and QGIS ("Load style → SLD") both
 * open. A few elements that SLD 1.0 lacks but GeoServer reads are written only when used:
 * PerpendicularOffset, Graphic Displacement, Priority and VendorOption.
 *
 * <p>Hand-written rather than through XMLStreamWriter so that the output is indented like a
 * file a cartographer would keep under version control, with mixed content (labels) on one line.
 */
public final class SldWriter {
    private static final String OGC = "ogc:";

    private final StringBuilder out = new StringBuilder();
    private int indent;

    private SldWriter() {
    }

    /** The document as text. */
    public static String toXml(Style style) {
        SldWriter w = new SldWriter();
        w.document(style);
        return w.out.toString();
    }

    /** Writes the document in UTF-8; the stream is flushed, not closed. */
    public static void write(Style style, OutputStream stream) throws IOException {
        Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        w.write(toXml(style));
        w.flush();
    }

    private void document(Style style) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        open("StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\""
                + " xmlns:ogc=\"http://www.opengis.net/ogc\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:schemaLocation=\"http://www.opengis.net/sld"
                + " http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd\"");
        open("NamedLayer");
        leaf("Name", style.name() == null ? "" : style.name());
        open("UserStyle");
        if (style.name() != null) leaf("Name", style.name());
        if (style.title() != null) leaf("Title", style.title());
        for (FeatureTypeStyle fts : style.featureTypeStyles()) {
            open("FeatureTypeStyle");
            if (fts.name() != null) leaf("Name", fts.name());
            for (Rule rule : fts.rules()) rule(rule);
            close("FeatureTypeStyle");
        }
        close("UserStyle");
        close("NamedLayer");
        close("StyledLayerDescriptor");
    }

    private void rule(Rule rule) {
        open("Rule");
        if (rule.name() != null) leaf("Name", rule.name());
        if (rule.title() != null) leaf("Title", rule.title());
        if (rule.description() != null) leaf("Abstract", rule.description());
        if (rule.filter() != null) {
            open(OGC + "Filter");
            filter(rule.filter());
            close(OGC + "Filter");
        }
        if (rule.elseFilter()) line("<ElseFilter/>");
        if (rule.minScale() > 0) leaf("MinScaleDenominator", Numbers.format(rule.minScale()));
        if (rule.maxScale() != Double.POSITIVE_INFINITY) leaf("MaxScaleDenominator", Numbers.format(rule.maxScale()));
        for (Symbolizer s : rule.symbolizers()) symbolizer(s);
        close("Rule");
    }

    // ---------------------------------------------------------------- filters

    private void filter(Filter f) {
        if (f instanceof Filter.Comparison c) {
            String tag = OGC + c.op().element();
            open(c.matchCase() ? tag : tag + " matchCase=\"false\"");
            operand(c.left());
            operand(c.right());
            close(tag);
        } else if (f instanceof Filter.Like l) {
            String tag = OGC + "PropertyIsLike";
            open(tag + " wildCard=\"" + attr(String.valueOf(l.wildCard())) + "\" singleChar=\""
                    + attr(String.valueOf(l.singleChar())) + "\" escape=\"" + attr(String.valueOf(l.escape())) + "\""
                    + (l.matchCase() ? "" : " matchCase=\"false\""));
            operand(l.value());
            leaf(OGC + "Literal", l.pattern());
            close(tag);
        } else if (f instanceof Filter.Between b) {
            open(OGC + "PropertyIsBetween");
            operand(b.value());
            open(OGC + "LowerBoundary");
            operand(b.lower());
            close(OGC + "LowerBoundary");
            open(OGC + "UpperBoundary");
            operand(b.upper());
            close(OGC + "UpperBoundary");
            close(OGC + "PropertyIsBetween");
        } else if (f instanceof Filter.IsNull n) {
            open(OGC + "PropertyIsNull");
            operand(n.value());
            close(OGC + "PropertyIsNull");
        } else if (f instanceof Filter.And a) {
            logical("And", a.filters());
        } else if (f instanceof Filter.Or o) {
            logical("Or", o.filters());
        } else if (f instanceof Filter.Not n) {
            open(OGC + "Not");
            filter(n.filter());
            close(OGC + "Not");
        }
    }

    private void logical(String name, List<Filter> parts) {
        open(OGC + name);
        for (Filter p : parts) filter(p);
        close(OGC + name);
    }

    private void operand(Expression e) {
        if (e instanceof Expression.Property p) {
            leaf(OGC + "PropertyName", p.name());
        } else if (e instanceof Expression.Literal l) {
            leaf(OGC + "Literal", l.value());
        } else {
            // OGC filters have no concatenation operand without functions.
            throw new IllegalArgumentException("concaténation dans un filtre : non exprimable en SLD 1.0 sans fonction");
        }
    }

    // ---------------------------------------------------------------- symbolizers

    private void symbolizer(Symbolizer s) {
        if (s instanceof PolygonSymbolizer p) {
            open("PolygonSymbolizer");
            if (p.fill() != null) fill(p.fill());
            if (p.stroke() != null) stroke(p.stroke());
            close("PolygonSymbolizer");
        } else if (s instanceof LineSymbolizer l) {
            open("LineSymbolizer");
            if (l.stroke() != null) stroke(l.stroke());
            expressionLeaf("PerpendicularOffset", l.perpendicularOffset());
            close("LineSymbolizer");
        } else if (s instanceof PointSymbolizer p) {
            open("PointSymbolizer");
            if (p.graphic() != null) graphic(p.graphic());
            close("PointSymbolizer");
        } else if (s instanceof TextSymbolizer t) {
            text(t);
        }
    }

    private void text(TextSymbolizer t) {
        open("TextSymbolizer");
        expressionLeaf("Label", t.label());
        if (t.font() != null) {
            Font f = t.font();
            open("Font");
            param("font-family", f.family());
            param("font-size", f.size());
            param("font-style", f.style());
            param("font-weight", f.weight());
            close("Font");
        }
        if (t.placement() != null) {
            open("LabelPlacement");
            if (t.placement() instanceof PointPlacement pp) {
                open("PointPlacement");
                if (pp.anchor() != null) {
                    open("AnchorPoint");
                    leaf("AnchorPointX", Numbers.format(pp.anchor().x()));
                    leaf("AnchorPointY", Numbers.format(pp.anchor().y()));
                    close("AnchorPoint");
                }
                displacement(pp.displacement());
                expressionLeaf("Rotation", pp.rotation());
                close("PointPlacement");
            } else if (t.placement() instanceof LinePlacement lp) {
                open("LinePlacement");
                expressionLeaf("PerpendicularOffset", lp.perpendicularOffset());
                close("LinePlacement");
            }
            close("LabelPlacement");
        }
        if (t.halo() != null) {
            open("Halo");
            expressionLeaf("Radius", t.halo().radius());
            if (t.halo().fill() != null) fill(t.halo().fill());
            close("Halo");
        }
        if (t.fill() != null) fill(t.fill());
        expressionLeaf("Priority", t.priority());
        for (Map.Entry<String, String> e : t.vendorOptions().entrySet()) {
            line("<VendorOption name=\"" + attr(e.getKey()) + "\">" + escape(e.getValue()) + "</VendorOption>");
        }
        close("TextSymbolizer");
    }

    private void fill(Fill f) {
        open("Fill");
        if (f.graphicFill() != null) {
            open("GraphicFill");
            graphic(f.graphicFill());
            close("GraphicFill");
        }
        param("fill", f.color());
        param("fill-opacity", f.opacity());
        close("Fill");
    }

    private void stroke(Stroke s) {
        open("Stroke");
        param("stroke", s.color());
        param("stroke-width", s.width());
        param("stroke-opacity", s.opacity());
        if (s.lineJoin() != null) param("stroke-linejoin", Expression.literal(s.lineJoin()));
        if (s.lineCap() != null) param("stroke-linecap", Expression.literal(s.lineCap()));
        if (!s.dashArray().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (Double d : s.dashArray()) {
                if (sb.length() > 0) sb.append(' ');
                sb.append(Numbers.format(d));
            }
            param("stroke-dasharray", Expression.literal(sb.toString()));
        }
        param("stroke-dashoffset", s.dashOffset());
        close("Stroke");
    }

    private void graphic(Graphic g) {
        open("Graphic");
        for (GraphicSymbol sym : g.symbols()) {
            if (sym instanceof ExternalGraphic e) {
                open("ExternalGraphic");
                line("<OnlineResource xlink:type=\"simple\" xlink:href=\"" + attr(e.href()) + "\"/>");
                if (e.format() != null) leaf("Format", e.format());
                close("ExternalGraphic");
            } else if (sym instanceof Mark m) {
                open("Mark");
                leaf("WellKnownName", m.wellKnownName());
                if (m.fill() != null) fill(m.fill());
                if (m.stroke() != null) stroke(m.stroke());
                close("Mark");
            }
        }
        expressionLeaf("Opacity", g.opacity());
        expressionLeaf("Size", g.size());
        expressionLeaf("Rotation", g.rotation());
        displacement(g.displacement());
        close("Graphic");
    }

    private void displacement(Displacement d) {
        if (d == null) return;
        open("Displacement");
        leaf("DisplacementX", Numbers.format(d.x()));
        leaf("DisplacementY", Numbers.format(d.y()));
        close("Displacement");
    }

    // ---------------------------------------------------------------- output

    private void param(String name, Expression value) {
        if (value == null) return;
        line("<CssParameter name=\"" + name + "\">" + inline(value) + "</CssParameter>");
    }

    private void expressionLeaf(String tag, Expression value) {
        if (value == null) return;
        line("<" + tag + ">" + inline(value) + "</" + tag + ">");
    }

    /** Mixed content on one line: literal text as is, attributes as ogc:PropertyName. */
    private static String inline(Expression e) {
        if (e instanceof Expression.Literal l) return escape(l.value());
        if (e instanceof Expression.Property p) return "<ogc:PropertyName>" + escape(p.name()) + "</ogc:PropertyName>";
        StringBuilder sb = new StringBuilder();
        for (Expression part : ((Expression.Concat) e).parts()) sb.append(inline(part));
        return sb.toString();
    }

    /** Opens an element; the start tag may carry attributes. */
    private void open(String startTag) {
        line("<" + startTag + ">");
        indent++;
    }

    private void close(String tag) {
        indent--;
        line("</" + tag + ">");
    }

    private void leaf(String tag, String text) {
        line("<" + tag + ">" + escape(text) + "</" + tag + ">");
    }

    private void line(String s) {
        out.append("  ".repeat(Math.max(0, indent))).append(s).append('\n');
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\r' -> sb.append("&#13;");
                default -> {
                    // Characters XML 1.0 cannot carry at all are dropped rather than making the file unreadable.
                    if (c < 0x20 && c != '\n' && c != '\t' || c == 0xFFFE || c == 0xFFFF) continue;
                    sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    private static String attr(String s) {
        return escape(s).replace("\"", "&quot;").replace("\n", "&#10;").replace("\t", "&#9;");
    }
}
