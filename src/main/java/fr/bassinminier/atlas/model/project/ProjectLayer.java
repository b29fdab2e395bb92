package fr.bassinminier.atlas.model.project;

import fr.bassinminier.atlas.model.VectorLayer;

/**
 * A project layer once loaded: its entry, and either its data (in the project CRS) or the
 * French message saying why it could not be loaded. A missing file does not stop the others.
 */
public record ProjectLayer(LayerEntry entry, VectorLayer data, String error) {
    public static ProjectLayer loaded(LayerEntry entry, VectorLayer data) {
        return new ProjectLayer(entry, data, null);
    }

    public static ProjectLayer failed(LayerEntry entry, String error) {
        return new ProjectLayer(entry, null, error);
    }

    public boolean isLoaded() {
        return data != null;
    }

    public ProjectLayer withEntry(LayerEntry e) {
        return new ProjectLayer(e, data, error);
    }
}
