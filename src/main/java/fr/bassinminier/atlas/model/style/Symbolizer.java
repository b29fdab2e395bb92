package fr.bassinminier.atlas.model.style;

/** How one rule draws a feature. */
public sealed interface Symbolizer permits PolygonSymbolizer, LineSymbolizer, PointSymbolizer, TextSymbolizer {
}
