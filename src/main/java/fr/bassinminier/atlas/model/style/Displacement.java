package fr.bassinminier.atlas.model.style;

/** A pixel offset; y points up, as in SLD. */
public record Displacement(double x, double y) {
}
