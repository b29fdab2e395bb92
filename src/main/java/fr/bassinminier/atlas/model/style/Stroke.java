package fr.bassinminier.atlas.model.style;

import fr.bassinminier.atlas.model.Feature;
import java.util.List;

/**
 * A line's look. Absent parameters (null) take SLD's defaults: black, 1 pixel, opaque.
 *
 * @param dashArray dash and gap lengths in pixels, empty for a solid line
 * @param lineCap butt, round or square; null for the default (butt)
 * @param lineJoin mitre, round or bevel; null for the default (mitre)
 */
public record Stroke(Expression color, Expression width, Expression opacity, List<Double> dashArray,
                     Expression dashOffset, String lineCap, String lineJoin) {
    public static final String DEFAULT_COLOR = "#000000";
    public static final Stroke DEFAULT = new Stroke(null, null, null, List.of(), null, null, null);

    public Stroke {
        dashArray = dashArray == null ? List.of() : List.copyOf(dashArray);
    }

    public static Stroke of(String color, double width) {
        return new Stroke(Expression.literal(color), Expression.literal(Numbers.format(width)), null, List.of(),
                null, null, null);
    }

    public String colorFor(Feature feature) {
        return Expression.color(color, feature, DEFAULT_COLOR);
    }

    public double widthFor(Feature feature) {
        return Math.max(0, Expression.number(width, feature, 1));
    }

    public double opacityFor(Feature feature) {
        return Numbers.clamp01(Expression.number(opacity, feature, 1));
    }

    public double dashOffsetFor(Feature feature) {
        return Expression.number(dashOffset, feature, 0);
    }
}
