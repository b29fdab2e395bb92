package fr.bassinminier.atlas.model.style;

import fr.bassinminier.atlas.model.Feature;

/**
 * A stroked line. An absent Stroke draws the SLD default (1 pixel black).
 *
 * @param perpendicularOffset pixels to the left of the line direction (negative: right), may be null
 */
public record LineSymbolizer(Stroke stroke, Expression perpendicularOffset) implements Symbolizer {
    public Stroke strokeOrDefault() {
        return stroke != null ? stroke : Stroke.DEFAULT;
    }

    public double perpendicularOffsetFor(Feature feature) {
        return Expression.number(perpendicularOffset, feature, 0);
    }
}
