package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.render.Viewport;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.locationtech.jts.geom.Envelope;

/**
 * State and logic of the map window, with no controls: the project, the current view, layer
 * visibility and the status texts. Unit-tested without a window.
 */
public final class MapViewModel {
    private static final double MIN_RESOLUTION = 0.05;
    private static final double MAX_RESOLUTION = 2000;

    private final ReadOnlyObjectWrapper<LoadedProject> project = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>();
    private final StringProperty scaleText = new SimpleStringProperty("");
    private final StringProperty positionText = new SimpleStringProperty("");
    private final StringProperty statusText = new SimpleStringProperty(Messages.get("status.ready"));
    private final CrsTransforms.PointTransform toWgs84 = CrsTransforms.between(CrsId.LAMBERT_93, CrsId.WGS84);

    public MapViewModel() {
        viewport.addListener((o, a, v) -> scaleText.set(v == null ? "" : Messages.get("status.scale",
                String.format(Locale.FRANCE, "%,.0f", v.scaleDenominator()))));
    }

    public ReadOnlyObjectProperty<LoadedProject> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public LoadedProject project() {
        return project.get();
    }

    public ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    public StringProperty scaleTextProperty() {
        return scaleText;
    }

    public StringProperty positionTextProperty() {
        return positionText;
    }

    public StringProperty statusTextProperty() {
        return statusText;
    }

    /** Shows a project at its initial extent in a view of the given pixel size. */
    public void setProject(LoadedProject p, int width, int height) {
        project.set(p);
        Envelope e = p.initialExtent();
        viewport.set(e == null || e.isNull() ? null : Viewport.fit(e, Math.max(1, width), Math.max(1, height)));
    }

    public void resize(int width, int height) {
        Viewport v = viewport.get();
        if (v != null && width > 0 && height > 0) viewport.set(v.withSize(width, height));
    }

    public void zoomAt(double factor, double px, double py) {
        Viewport v = viewport.get();
        if (v == null) return;
        Viewport z = v.zoomAt(factor, px, py);
        if (z.resolution() < MIN_RESOLUTION || z.resolution() > MAX_RESOLUTION) return;
        viewport.set(z);
    }

    public void zoom(double factor) {
        Viewport v = viewport.get();
        if (v != null) zoomAt(factor, v.width() / 2.0, v.height() / 2.0);
    }

    public void pan(double dx, double dy) {
        Viewport v = viewport.get();
        if (v != null) viewport.set(v.panPixels(dx, dy));
    }

    public void zoomToFull() {
        LoadedProject p = project.get();
        Viewport v = viewport.get();
        if (p == null || v == null) return;
        viewport.set(Viewport.fit(p.initialExtent(), v.width(), v.height()));
    }

    /** Updates the position text for the pointer at pixel (px, py). */
    public void pointerAt(double px, double py) {
        Viewport v = viewport.get();
        if (v == null) return;
        Point2D w = v.toWorld(px, py);
        double[] ll = toWgs84.apply(w.getX(), w.getY());
        positionText.set(Messages.get("status.position",
                String.format(Locale.FRANCE, "%,.0f  %,.0f", w.getX(), w.getY()),
                String.format(Locale.FRANCE, "%.5f° N  %.5f° E", ll[1], ll[0])));
    }

    public void setLayerVisible(String id, boolean visible) {
        LoadedProject p = project.get();
        if (p == null) return;
        List<ProjectLayer> layers = new ArrayList<>();
        for (ProjectLayer l : p.layers()) {
            layers.add(l.entry().id().equals(id) ? l.withEntry(l.entry().withVisible(visible)) : l);
        }
        List<LayerEntry> entries = layers.stream().map(ProjectLayer::entry).toList();
        project.set(new LoadedProject(p.project().withLayers(entries), p.file(), layers));
    }

    public void setStatus(String s) {
        statusText.set(s);
    }
}
