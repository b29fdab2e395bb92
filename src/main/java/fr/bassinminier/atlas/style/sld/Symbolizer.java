package fr.bassinminier.atlas.style.sld;

/** How one rule draws a feature. */
public sealed interface Symbolizer permits PolygonSymbolizer, LineSymbolizer, PointSymbolizer, TextSymbolizer {
}
