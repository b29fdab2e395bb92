package fr.bassinminier.atlas.model.project;

import java.util.Objects;

/**
 * One layer of a map project as the user arranged it: where its data comes from, its place in
 * the layer tree (group), whether it shows, how it is drawn, and the facts a print must state
 * (attribution, whether the geometry is only indicative).
 *
 * @param source     path of the data file, relative to the project file
 * @param layerName  layer inside a multi-layer source (GeoPackage, zip); null for the first
 * @param label      how features are labelled, and which attribute names them in searches; null for none
 * @param sld        path of an SLD file (relative to the project file) that styles the layer;
 *                   null to use {@code style} and {@code label}
 */
public record LayerEntry(String id, String title, String group, String source, String layerName,
                         boolean visible, double opacity, LayerStyle style, LabelRule label,
                         String attribution, boolean indicative, String description, String sld) {
    public LayerEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        if (opacity < 0 || opacity > 1) throw new IllegalArgumentException("opacity " + opacity);
    }

    public LayerEntry(String id, String title, String group, String source, String layerName, boolean visible,
                      double opacity, LayerStyle style, LabelRule label, String attribution, boolean indicative,
                      String description) {
        this(id, title, group, source, layerName, visible, opacity, style, label, attribution, indicative, description,
                null);
    }

    public LayerEntry withOpacity(double o) {
        return new LayerEntry(id, title, group, source, layerName, visible, o, style, label,
                attribution, indicative, description, sld);
    }

    public LayerEntry withSld(String path) {
        return new LayerEntry(id, title, group, source, layerName, visible, opacity, style, label,
                attribution, indicative, description, path);
    }

    public LayerEntry withSource(String s) {
        return new LayerEntry(id, title, group, s, layerName, visible, opacity, style, label,
                attribution, indicative, description, sld);
    }

    public LayerEntry withVisible(boolean v) {
        return new LayerEntry(id, title, group, source, layerName, v, opacity, style, label,
                attribution, indicative, description, sld);
    }
}
