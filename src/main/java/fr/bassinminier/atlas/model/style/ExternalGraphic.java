package fr.bassinminier.atlas.model.style;

/**
 * An image referenced by the style (an SVG or PNG symbol). Kept as data only: the program
 * never fetches it by itself, since an href may point anywhere on the network.
 */
public record ExternalGraphic(String href, String format) implements GraphicSymbol {
}
