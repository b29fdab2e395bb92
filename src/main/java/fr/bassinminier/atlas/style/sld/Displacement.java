package fr.bassinminier.atlas.style.sld;

/** A pixel offset; y points up, as in SLD. */
public record Displacement(double x, double y) {
}
