package fr.bassinminier.atlas.style;

import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.project.LayerStyle;

/**
 * The style a layer gets when its project says none: distinct, quiet colours by geometry family
 * so that a file dropped on the map is readable at once.
 */
public final class DefaultStyles {
    private static final String[] PALETTE = {"#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22"};

    private DefaultStyles() {
    }

    public static LayerStyle forLayer(GeometryType type, int ordinal) {
        String c = PALETTE[Math.floorMod(ordinal, PALETTE.length)];
        return switch (type.family()) {
            case POINT -> new LayerStyle(c, 0.9, "#333333", 0.8, null, 7, null);
            case LINE -> new LayerStyle(null, 1, c, 1.6, null, 6, null);
            default -> new LayerStyle(c, 0.35, c, 1.0, null, 6, null);
        };
    }

    public static LayerStyle resolve(LayerStyle declared, GeometryType type, int ordinal) {
        return declared != null ? declared : forLayer(type, ordinal);
    }
}
