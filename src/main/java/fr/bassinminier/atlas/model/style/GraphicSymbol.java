package fr.bassinminier.atlas.model.style;

/** What a Graphic shows: a well-known mark or an external image. */
public sealed interface GraphicSymbol permits Mark, ExternalGraphic {
}
