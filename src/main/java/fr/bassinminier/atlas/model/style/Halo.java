package fr.bassinminier.atlas.model.style;

import fr.bassinminier.atlas.model.Feature;

/** A glow around label letters. SLD's defaults: 1 pixel, white. */
public record Halo(Expression radius, Fill fill) {
    public double radiusFor(Feature feature) {
        return Math.max(0, Expression.number(radius, feature, 1));
    }

    public String colorFor(Feature feature) {
        return fill == null ? "#ffffff" : Expression.color(fill.color(), feature, "#ffffff");
    }

    public double opacityFor(Feature feature) {
        return fill == null ? 1 : fill.opacityFor(feature);
    }
}
