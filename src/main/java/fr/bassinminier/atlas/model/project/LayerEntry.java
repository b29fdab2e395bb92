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
 * @param provenance producer, dataset, licence, date and precision of the data; never null
 */
public record LayerEntry(String id, String title, String group, String source, String layerName,
                         boolean visible, double opacity, LayerStyle style, LabelRule label,
                         String attribution, boolean indicative, String description, String sld,
                         Provenance provenance) {
    public LayerEntry {
        if (provenance == null) provenance = Provenance.UNKNOWN;
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        if (opacity < 0 || opacity > 1) throw new IllegalArgumentException("opacity " + opacity);
    }

    public LayerEntry(String id, String title, String group, String source, String layerName, boolean visible,
                      double opacity, LayerStyle style, LabelRule label, String attribution, boolean indicative,
                      String description) {
        this(id, title, group, source, layerName, visible, opacity, style, label, attribution, indicative, description,
                null, null);
    }

    public LayerEntry(String id, String title, String group, String source, String layerName, boolean visible,
                      double opacity, LayerStyle style, LabelRule label, String attribution, boolean indicative,
                      String description, String sld) {
        this(id, title, group, source, layerName, visible, opacity, style, label, attribution, indicative, description,
                sld, null);
    }

    public LayerEntry withOpacity(double o) {
        return new LayerEntry(id, title, group, source, layerName, visible, o, style, label,
                attribution, indicative, description, sld, provenance);
    }

    public LayerEntry withSld(String path) {
        return new LayerEntry(id, title, group, source, layerName, visible, opacity, style, label,
                attribution, indicative, description, path, provenance);
    }

    public LayerEntry withSource(String s) {
        return new LayerEntry(id, title, group, s, layerName, visible, opacity, style, label,
                attribution, indicative, description, sld, provenance);
    }

    public LayerEntry withVisible(boolean v) {
        return new LayerEntry(id, title, group, source, layerName, v, opacity, style, label,
                attribution, indicative, description, sld, provenance);
    }

    public LayerEntry withProvenance(Provenance p, String newAttribution) {
        return new LayerEntry(id, title, group, source, layerName, visible, opacity, style, label,
                newAttribution, indicative, description, sld, p);
    }

    /** The attribution to print: the one given, else the provenance's line. */
    public String credit() {
        if (attribution != null && !attribution.isBlank()) return attribution;
        String l = provenance.line();
        return l.isBlank() ? null : l;
    }
}
