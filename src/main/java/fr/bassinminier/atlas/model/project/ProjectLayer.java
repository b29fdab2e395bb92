package fr.bassinminier.atlas.model.project;

import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.style.Filter;
import fr.bassinminier.atlas.model.style.Style;

/**
 * A project layer once loaded: its entry, and either its data (in the project CRS) or the
 * French message saying why it could not be loaded. A missing file does not stop the others.
 * {@code style} is the layer's SLD style when it has one; null means "draw with the entry's
 * simple style". {@code styleError} says why a given SLD could not be used (the layer then
 * falls back to its simple style and still shows). {@code shown} restricts what the map draws
 * (e.g. only the cités of one landlord); null shows every feature. {@code notice} tells the user
 * something about a layer that did load (a WFS layer read from its cached copy), null when none.
 */
public record ProjectLayer(LayerEntry entry, VectorLayer data, String error, Style style, String styleError,
                           Filter shown, String notice) {
    public ProjectLayer(LayerEntry entry, VectorLayer data, String error, Style style, String styleError) {
        this(entry, data, error, style, styleError, null, null);
    }

    public ProjectLayer(LayerEntry entry, VectorLayer data, String error, Style style, String styleError, Filter shown) {
        this(entry, data, error, style, styleError, shown, null);
    }

    public ProjectLayer withShown(Filter f) {
        return new ProjectLayer(entry, data, error, style, styleError, f, notice);
    }

    public ProjectLayer withNotice(String n) {
        return new ProjectLayer(entry, data, error, style, styleError, shown, n);
    }

    public static ProjectLayer loaded(LayerEntry entry, VectorLayer data) {
        return new ProjectLayer(entry, data, null, null, null);
    }

    public static ProjectLayer failed(LayerEntry entry, String error) {
        return new ProjectLayer(entry, null, error, null, null);
    }

    public ProjectLayer withStyle(Style s, String problem) {
        return new ProjectLayer(entry, data, error, s, problem, shown, notice);
    }

    /**
     * A layer the window is still opening: neither its data nor an error yet. It is listed, not
     * drawn; the layer that arrives takes its place.
     */
    public static ProjectLayer pending(LayerEntry entry) {
        return new ProjectLayer(entry, null, null, null, null);
    }

    public boolean isPending() {
        return data == null && error == null;
    }

    public boolean isLoaded() {
        return data != null;
    }

    public ProjectLayer withEntry(LayerEntry e) {
        return new ProjectLayer(e, data, error, style, styleError, shown, notice);
    }
}
