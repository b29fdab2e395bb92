package fr.bassinminier.atlas.model.style;

import fr.bassinminier.atlas.model.Feature;
import java.util.List;

/**
 * A point symbol: marks and external images in order of preference (a renderer draws the first
 * it can), with size in pixels, rotation in degrees clockwise and opacity.
 *
 * @param displacement pixel offset of the symbol, may be null
 */
public record Graphic(List<GraphicSymbol> symbols, Expression opacity, Expression size, Expression rotation,
                      Displacement displacement) {
    /** SLD's default graphic: a 6 pixel grey square. */
    public static final Graphic DEFAULT = new Graphic(List.of(new Mark("square", Fill.of(Fill.DEFAULT_COLOR, 1), null)),
            null, Expression.literal("6"), null, null);

    public Graphic {
        symbols = List.copyOf(symbols);
    }

    /** The first mark, or null when the graphic only has external images. */
    public Mark mark() {
        for (GraphicSymbol s : symbols) {
            if (s instanceof Mark m) return m;
        }
        return null;
    }

    /** The first external image, or null. */
    public ExternalGraphic externalGraphic() {
        for (GraphicSymbol s : symbols) {
            if (s instanceof ExternalGraphic e) return e;
        }
        return null;
    }

    /** Size in pixels; SLD's default is 6 for marks when absent. */
    public double sizeFor(Feature feature) {
        return Math.max(0, Expression.number(size, feature, 6));
    }

    public double rotationFor(Feature feature) {
        return Expression.number(rotation, feature, 0);
    }

    public double opacityFor(Feature feature) {
        return Numbers.clamp01(Expression.number(opacity, feature, 1));
    }
}
