package fr.bassinminier.atlas.model.style;

/** A graphic at each point (or at the centroid of lines and polygons, per SLD). */
public record PointSymbolizer(Graphic graphic) implements Symbolizer {
    /** The graphic, or SLD's default (a 6 pixel grey square) when the symbolizer has none. */
    public Graphic graphicOrDefault() {
        return graphic != null ? graphic : Graphic.DEFAULT;
    }
}
