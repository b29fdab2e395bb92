package fr.bassinminier.atlas.model.project;

/**
 * The simple style a project gives a layer: what the renderer uses when no SLD applies.
 * Colours are "#rrggbb"; null fill means no fill. Kept as plain data so that the model stays
 * free of AWT and JavaFX.
 */
public record LayerStyle(String fill, double fillOpacity, String stroke, double strokeWidth,
                         double[] dash, double pointSize, String hatch) {
    public static final LayerStyle DEFAULT_POLYGON = new LayerStyle("#9e9e9e", 0.5, "#555555", 1, null, 6, null);

    public LayerStyle {
        if (fillOpacity < 0 || fillOpacity > 1) throw new IllegalArgumentException("fillOpacity " + fillOpacity);
        if (strokeWidth < 0) throw new IllegalArgumentException("strokeWidth " + strokeWidth);
    }
}
