package fr.bassinminier.atlas.model.style;

import java.util.List;

/**
 * What to draw for the features a filter selects, within a scale range.
 *
 * @param description the Abstract, may be null
 * @param filter null means every feature
 * @param elseFilter true for an ElseFilter rule: it applies to the features no regular rule of
 *                   its feature type style selected
 * @param minScale smallest scale denominator at which the rule applies (inclusive), 0 for none
 * @param maxScale scale denominator from which the rule no longer applies (exclusive),
 *                 {@link Double#POSITIVE_INFINITY} for none
 */
public record Rule(String name, String title, String description, Filter filter, boolean elseFilter,
                   double minScale, double maxScale, List<Symbolizer> symbolizers) {
    public Rule {
        if (elseFilter && filter != null) throw new IllegalArgumentException("ElseFilter et Filter à la fois");
        if (Double.isNaN(minScale) || Double.isNaN(maxScale) || minScale < 0) {
            throw new IllegalArgumentException("échelles " + minScale + " – " + maxScale);
        }
        symbolizers = List.copyOf(symbolizers);
    }

    /** A rule for every feature at every scale. */
    public static Rule of(String title, List<Symbolizer> symbolizers) {
        return new Rule(null, title, null, null, false, 0, Double.POSITIVE_INFINITY, symbolizers);
    }

    /**
     * Min inclusive, max exclusive, as GeoServer and QGIS do: a rule with MaxScaleDenominator
     * 60000 shows at 1:59 999 and not at 1:60 000.
     */
    public boolean appliesAt(double scaleDenominator) {
        return scaleDenominator >= minScale && scaleDenominator < maxScale;
    }

    /** Whether the rule depends on scale at all (legends may say so). */
    public boolean isScaleDependent() {
        return minScale > 0 || maxScale != Double.POSITIVE_INFINITY;
    }

    /** The legend label: the Title, else the Name, else "". */
    public String legendLabel() {
        if (title != null && !title.isBlank()) return title;
        if (name != null && !name.isBlank()) return name;
        return "";
    }
}
