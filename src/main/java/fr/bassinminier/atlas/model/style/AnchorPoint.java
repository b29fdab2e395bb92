package fr.bassinminier.atlas.model.style;

/** Which point of a label sits on the anchor: (0, 0) bottom left, (0.5, 0.5) centre, (1, 1) top right. */
public record AnchorPoint(double x, double y) {
}
