package fr.bassinminier.atlas.model.style;

/**
 * Area fill and outline. As in SLD, an absent Fill means no fill and an absent Stroke no
 * outline (an empty {@code <Fill/>} is the default grey).
 */
public record PolygonSymbolizer(Fill fill, Stroke stroke) implements Symbolizer {
}
