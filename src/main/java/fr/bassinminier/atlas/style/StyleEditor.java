package fr.bassinminier.atlas.style;

import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.project.LabelRule;
import fr.bassinminier.atlas.model.project.LayerStyle;
import fr.bassinminier.atlas.model.style.Expression;
import fr.bassinminier.atlas.model.style.FeatureTypeStyle;
import fr.bassinminier.atlas.model.style.Filter;
import fr.bassinminier.atlas.model.style.Rule;
import fr.bassinminier.atlas.model.style.Style;
import fr.bassinminier.atlas.style.sld.Styles;
import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What the simple style dialog makes: one colour, width and opacity, an optional label field,
 * and optionally one class per value of an attribute (cités by renovation status, terrils by
 * form), as an SLD style that QGIS and GeoServer read back.
 *
 * @param classField attribute whose values get a class each; null for one class
 * @param labelMaxScale labels up to this scale denominator; 0 for every scale
 */
public record StyleEditor(String color, double strokeWidth, double opacity, String labelField, double labelMaxScale,
                          String classField) {
    /** Distinct colours that stay readable on the map's cream background and in print. */
    static final String[] PALETTE = {"#2e7d32", "#e07b1a", "#f2c14e", "#8e7cc3", "#1f77b4", "#c0392b", "#17becf",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#393b79"};
    /** More classes than this would make a legend nobody can read: the rest go to "Autres". */
    public static final int MAX_CLASSES = PALETTE.length;

    /** The distinct non-empty values of a field, sorted the French way. */
    public static List<String> values(List<Feature> features, String field) {
        Collator c = Collator.getInstance(Locale.FRANCE);
        TreeSet<String> set = new TreeSet<>(c);
        for (Feature f : features) {
            String v = f.text(field).strip();
            if (!v.isEmpty()) set.add(v);
        }
        return new ArrayList<>(set);
    }

    public Style build(GeometryType type, List<Feature> features) {
        List<Rule> rules = new ArrayList<>();
        if (classField == null) {
            rules.add(Rule.of(null, symbolizers(color, type)));
        } else {
            List<String> values = values(features, classField);
            for (int i = 0; i < Math.min(values.size(), MAX_CLASSES); i++) {
                String v = values.get(i);
                Filter f = new Filter.Comparison(Filter.Op.EQUAL, Expression.property(classField), Expression.literal(v), true);
                rules.add(new Rule(v, capitalised(v), null, f, false, 0, Double.POSITIVE_INFINITY,
                        symbolizers(PALETTE[i], type)));
            }
            rules.add(new Rule("autres", "Autres", null, null, true, 0, Double.POSITIVE_INFINITY, symbolizers(color, type)));
        }
        List<FeatureTypeStyle> fts = new ArrayList<>();
        fts.add(new FeatureTypeStyle(null, rules));
        if (labelField != null && !labelField.isBlank()) {
            // Labels in a pass of their own: an ElseFilter class must not be suppressed by them.
            Style labelled = Styles.fromSimple(simple(color, type), new LabelRule(labelField, labelMaxScale, 10, "#222222", 1,
                    false), type);
            List<Rule> labelRules = labelled.rules().subList(1, labelled.rules().size());
            fts.add(new FeatureTypeStyle("etiquettes", labelRules));
        }
        return new Style(null, null, fts);
    }

    private List<fr.bassinminier.atlas.model.style.Symbolizer> symbolizers(String fill, GeometryType type) {
        return Styles.fromSimple(simple(fill, type), null, type).rules().get(0).symbolizers();
    }

    private LayerStyle simple(String fill, GeometryType type) {
        boolean line = type.family() == GeometryType.Family.LINE;
        String outline = line ? fill : darker(fill);
        return new LayerStyle(line ? null : fill, opacity, outline, strokeWidth, null, 7, null);
    }

    static String darker(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        int r = (int) (((rgb >> 16) & 0xff) * 0.6);
        int g = (int) (((rgb >> 8) & 0xff) * 0.6);
        int b = (int) ((rgb & 0xff) * 0.6);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.FRANCE) + s.substring(1);
    }
}
