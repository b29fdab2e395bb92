package fr.bassinminier.atlas.model.style;

import fr.bassinminier.atlas.model.Feature;

/**
 * An area's paint: a colour, or a repeated graphic (hatching: a GraphicFill with a Mark
 * {@code shape://slash}…). Absent colour and opacity take SLD's defaults, grey (#808080) and
 * opaque.
 *
 * @param graphicFill the repeated graphic, or null for a plain colour
 */
public record Fill(Expression color, Expression opacity, Graphic graphicFill) {
    public static final String DEFAULT_COLOR = "#808080";

    public static Fill of(String color, double opacity) {
        return new Fill(Expression.literal(color), opacity == 1 ? null : Expression.literal(Numbers.format(opacity)),
                null);
    }

    public String colorFor(Feature feature) {
        return Expression.color(color, feature, DEFAULT_COLOR);
    }

    public double opacityFor(Feature feature) {
        return Numbers.clamp01(Expression.number(opacity, feature, 1));
    }

    /** The mark of the repeated graphic, when the fill is a hatching or pattern of marks. */
    public Mark graphicFillMark() {
        return graphicFill == null ? null : graphicFill.mark();
    }
}
