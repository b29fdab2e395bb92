package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.project.Bookmark;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.render.Viewport;
import java.awt.geom.Point2D;
import java.text.NumberFormat;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.locationtech.jts.geom.Envelope;

/**
 * State and logic of the map window, with no controls: the project and its layers, the current
 * view and its history, the highlighted features, and the status texts. Unit-tested without a
 * window.
 */
public final class MapViewModel {
    private static final double MIN_RESOLUTION = 0.02;
    private static final double MAX_RESOLUTION = 2000;
    private static final Pattern SCALE = Pattern.compile("^\\s*(?:1\\s*[:/]\\s*)?([0-9][0-9  \\u202f.,]*)\\s*$");

    private final ReadOnlyObjectWrapper<LoadedProject> project = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>();
    private final StringProperty scaleText = new SimpleStringProperty("");
    private final StringProperty positionText = new SimpleStringProperty("");
    private final StringProperty statusText = new SimpleStringProperty(Messages.get("status.ready"));
    private final BooleanProperty dirty = new SimpleBooleanProperty(false);
    private final ObservableList<Feature> highlighted = FXCollections.observableArrayList();
    private final CrsTransforms.PointTransform toWgs84 = CrsTransforms.between(CrsId.LAMBERT_93, CrsId.WGS84);
    private final List<Viewport> history = new ArrayList<>();
    private int historyIndex = -1;
    private final BooleanProperty canGoBack = new SimpleBooleanProperty(false);
    private final BooleanProperty canGoForward = new SimpleBooleanProperty(false);

    public MapViewModel() {
        viewport.addListener((o, a, v) -> scaleText.set(v == null ? "" : formatScale(v.scaleDenominator())));
    }

    static String formatScale(double denominator) {
        return "1:" + String.format(Locale.FRANCE, "%,.0f", denominator);
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

    public Viewport viewport() {
        return viewport.get();
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

    /** True when the project has changes not yet saved. */
    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public ObservableList<Feature> highlighted() {
        return highlighted;
    }

    public BooleanProperty canGoBackProperty() {
        return canGoBack;
    }

    public BooleanProperty canGoForwardProperty() {
        return canGoForward;
    }

    /** Shows a project at its initial extent in a view of the given pixel size. */
    public void setProject(LoadedProject p, int width, int height) {
        // The view first, then the project: the map's listener (the first one) then starts the
        // render at once, before the layer tree and the side panel are rebuilt on this thread.
        Envelope e = p.initialExtent();
        viewport.set(e == null || e.isNull() ? null : Viewport.fit(e, Math.max(1, width), Math.max(1, height)));
        project.set(p);
        highlighted.clear();
        history.clear();
        historyIndex = -1;
        dirty.set(false);
        recordView();
    }

    public void resize(int width, int height) {
        Viewport v = viewport.get();
        if (v != null && width > 0 && height > 0) viewport.set(v.withSize(width, height));
    }

    private void show(Viewport z) {
        if (z.resolution() < MIN_RESOLUTION || z.resolution() > MAX_RESOLUTION) return;
        viewport.set(z);
    }

    public void zoomAt(double factor, double px, double py) {
        Viewport v = viewport.get();
        if (v == null) return;
        show(v.zoomAt(factor, px, py));
    }

    public void zoom(double factor) {
        Viewport v = viewport.get();
        if (v == null) return;
        zoomAt(factor, v.width() / 2.0, v.height() / 2.0);
        recordView();
    }

    public void pan(double dx, double dy) {
        Viewport v = viewport.get();
        if (v != null) viewport.set(v.panPixels(dx, dy));
    }

    /** Shows the envelope, with a margin, and records the view in the history. */
    public void zoomTo(Envelope e) {
        Viewport v = viewport.get();
        if (v == null || e == null || e.isNull()) return;
        Envelope m = new Envelope(e);
        // A point or a single cité gets its neighbourhood too: urbanists read a cité in its town.
        double min = 2500;
        if (m.getWidth() < min || m.getHeight() < min) m.expandBy(Math.max(0, (min - m.getWidth()) / 2),
                Math.max(0, (min - m.getHeight()) / 2));
        m.expandBy(m.getWidth() * 0.1, m.getHeight() * 0.1);
        Viewport z = Viewport.fit(m, v.width(), v.height());
        if (z.resolution() < MIN_RESOLUTION) z = new Viewport(z.centerX(), z.centerY(), MIN_RESOLUTION, v.width(), v.height());
        viewport.set(z);
        recordView();
    }

    public void zoomToFull() {
        LoadedProject p = project.get();
        if (p != null) zoomTo(p.fullExtent());
    }

    public void zoomToLayer(String id) {
        LoadedProject p = project.get();
        if (p == null) return;
        p.layer(id).filter(ProjectLayer::isLoaded).ifPresent(l -> zoomTo(l.data().bounds()));
    }

    public void zoomToHighlighted() {
        Envelope e = new Envelope();
        for (Feature f : highlighted) if (f.geometry() != null) e.expandToInclude(f.geometry().getEnvelopeInternal());
        zoomTo(e);
    }

    /**
     * Sets the scale from what the user typed ("25000", "1:25 000", "1/25.000"); false when the
     * text is not a scale, so the field can show the error.
     */
    public boolean setScale(String text) {
        Viewport v = viewport.get();
        if (v == null || text == null) return false;
        Matcher m = SCALE.matcher(text);
        if (!m.matches()) return false;
        String digits = m.group(1).replaceAll("[  \\u202f.,]", "");
        double denom;
        try {
            denom = NumberFormat.getIntegerInstance(Locale.ROOT).parse(digits).doubleValue();
        } catch (ParseException e) {
            return false;
        }
        double res = denom * Viewport.OGC_PIXEL_METRES;
        if (!(res >= MIN_RESOLUTION && res <= MAX_RESOLUTION)) return false;
        viewport.set(new Viewport(v.centerX(), v.centerY(), res, v.width(), v.height()));
        recordView();
        return true;
    }

    /** Remembers the current view (after a zoom, a drag, a search…) for back/forward. */
    public void recordView() {
        Viewport v = viewport.get();
        if (v == null) return;
        if (historyIndex >= 0 && sameView(history.get(historyIndex), v)) return;
        while (history.size() > historyIndex + 1) history.remove(history.size() - 1);
        history.add(v);
        if (history.size() > 100) history.remove(0);
        historyIndex = history.size() - 1;
        updateHistoryFlags();
    }

    private static boolean sameView(Viewport a, Viewport b) {
        return Math.abs(a.centerX() - b.centerX()) < a.resolution() && Math.abs(a.centerY() - b.centerY()) < a.resolution()
                && Math.abs(a.resolution() / b.resolution() - 1) < 1e-6;
    }

    public void back() {
        if (historyIndex > 0) goTo(--historyIndex);
    }

    public void forward() {
        if (historyIndex < history.size() - 1) goTo(++historyIndex);
    }

    private void goTo(int i) {
        Viewport h = history.get(i);
        Viewport v = viewport.get();
        viewport.set(v == null ? h : new Viewport(h.centerX(), h.centerY(), h.resolution(), v.width(), v.height()));
        updateHistoryFlags();
    }

    private void updateHistoryFlags() {
        canGoBack.set(historyIndex > 0);
        canGoForward.set(historyIndex < history.size() - 1);
    }

    /** The ground point under pixel (px, py), in the project CRS. */
    public Optional<Point2D> groundAt(double px, double py) {
        Viewport v = viewport.get();
        return v == null ? Optional.empty() : Optional.of(v.toWorld(px, py));
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

    private void updateLayers(java.util.function.UnaryOperator<List<ProjectLayer>> change) {
        LoadedProject p = project.get();
        if (p == null) return;
        project.set(p.withLayers(change.apply(new ArrayList<>(p.layers()))));
        dirty.set(true);
    }

    public void setLayerVisible(String id, boolean visible) {
        updateLayers(ls -> ls.stream().map(l -> l.entry().id().equals(id) ? l.withEntry(l.entry().withVisible(visible)) : l)
                .toList());
    }

    public void setLayerOpacity(String id, double opacity) {
        double o = Math.max(0, Math.min(1, opacity));
        updateLayers(ls -> ls.stream().map(l -> l.entry().id().equals(id) ? l.withEntry(l.entry().withOpacity(o)) : l)
                .toList());
    }

    /** Records where a layer's data come from (the user named its producer): prints then credit it. */
    public void setLayerProvenance(String id, fr.bassinminier.atlas.model.project.Provenance pv, String attribution) {
        updateLayers(ls -> ls.stream().map(l -> l.entry().id().equals(id)
                ? l.withEntry(l.entry().withProvenance(pv, attribution)) : l).toList());
    }

    /** Puts a new version of a layer (same id) in its place: a WFS layer brought up to date. */
    public void replaceLayer(ProjectLayer fresh) {
        String id = fresh.entry().id();
        updateLayers(ls -> ls.stream().map(l -> l.entry().id().equals(id) ? fresh : l).toList());
    }

    public void removeLayer(String id) {
        updateLayers(ls -> ls.stream().filter(l -> !l.entry().id().equals(id)).toList());
    }

    /**
     * Shows only the features of a layer whose {@code field} equals {@code value} (null value:
     * every feature again), e.g. the cités of one EPCI, landlord, programme or status.
     */
    public void filterLayer(String id, String field, String value) {
        fr.bassinminier.atlas.model.style.Filter f = field == null || value == null ? null
                : new fr.bassinminier.atlas.model.style.Filter.Comparison(fr.bassinminier.atlas.model.style.Filter.Op.EQUAL,
                        fr.bassinminier.atlas.model.style.Expression.property(field),
                        fr.bassinminier.atlas.model.style.Expression.literal(value), true);
        updateLayers(ls -> ls.stream().map(l -> l.entry().id().equals(id) ? l.withShown(f) : l).toList());
    }

    /**
     * Replaces layers' data without marking the project changed: derived data (the records'
     * renovation states) that the project file does not hold.
     */
    public void refreshLayers(java.util.function.UnaryOperator<List<ProjectLayer>> derive) {
        LoadedProject p = project.get();
        if (p == null) return;
        boolean wasDirty = dirty.get();
        project.set(p.withLayers(derive.apply(new ArrayList<>(p.layers()))));
        dirty.set(wasDirty);
    }

    /** Gives a layer a new SLD style (already written to {@code file}). */
    public void setLayerStyle(String id, fr.bassinminier.atlas.model.style.Style style, java.nio.file.Path file) {
        LoadedProject p = project.get();
        String ref = file.toAbsolutePath().toString();
        if (p != null && p.file() != null) {
            try {
                ref = p.file().toAbsolutePath().getParent().relativize(file.toAbsolutePath()).toString().replace('\\', '/');
            } catch (IllegalArgumentException differentRoot) {
                // Keep the absolute path: another drive cannot be reached relatively.
            }
        }
        String sld = ref;
        updateLayers(ls -> ls.stream().map(l -> l.entry().id().equals(id)
                ? l.withEntry(l.entry().withSld(sld)).withStyle(style, null) : l).toList());
    }

    /**
     * Where a layer's SLD is written: its current SLD file, else "styles/ID.sld" beside the
     * project file (or in the working folder for a project never saved).
     */
    public java.nio.file.Path sldPathFor(fr.bassinminier.atlas.model.project.LayerEntry e) {
        LoadedProject p = project.get();
        java.nio.file.Path base = p == null || p.file() == null ? java.nio.file.Path.of("").toAbsolutePath()
                : p.file().toAbsolutePath().getParent();
        if (e.sld() != null) return base.resolve(e.sld()).normalize();
        return base.resolve("styles").resolve(e.id() + ".sld");
    }

    /** Moves a layer to a new position in the layer-tree order (0 = top). */
    public void moveLayer(String id, int newIndex) {
        updateLayers(ls -> {
            ProjectLayer moved = ls.stream().filter(l -> l.entry().id().equals(id)).findFirst().orElse(null);
            if (moved == null) return ls;
            ls.remove(moved);
            ls.add(Math.max(0, Math.min(newIndex, ls.size())), moved);
            return ls;
        });
    }

    /** Adds layers on top of the tree, giving them ids unique in the project. */
    public List<ProjectLayer> addLayers(List<ProjectLayer> added) {
        List<ProjectLayer> out = new ArrayList<>();
        updateLayers(ls -> {
            for (ProjectLayer l : added) {
                String id = l.entry().id();
                int n = 2;
                while (true) {
                    String candidate = id;
                    if (ls.stream().noneMatch(x -> x.entry().id().equals(candidate))
                            && out.stream().noneMatch(x -> x.entry().id().equals(candidate))) break;
                    id = l.entry().id() + "-" + n++;
                }
                ProjectLayer fixed = id.equals(l.entry().id()) ? l : l.withEntry(withId(l, id));
                out.add(fixed);
            }
            List<ProjectLayer> all = new ArrayList<>(out);
            all.addAll(ls);
            return all;
        });
        return out;
    }

    private static fr.bassinminier.atlas.model.project.LayerEntry withId(ProjectLayer l, String id) {
        var e = l.entry();
        return new fr.bassinminier.atlas.model.project.LayerEntry(id, e.title(), e.group(), e.source(), e.layerName(),
                e.visible(), e.opacity(), e.style(), e.label(), e.attribution(), e.indicative(), e.description(), e.sld(),
                e.provenance());
    }

    /** The project as it should be saved: current layers, current view as initial extent, bookmarks. */
    public LoadedProject snapshotForSave(List<Bookmark> bookmarks) {
        LoadedProject p = project.get();
        Viewport v = viewport.get();
        Envelope extent = v == null ? p.project().initialExtent() : v.ground();
        return new LoadedProject(p.project().withView(extent, bookmarks), p.file(), p.layers());
    }

    public void markSaved(LoadedProject saved) {
        project.set(saved);
        dirty.set(false);
    }

    public void highlight(List<Feature> features) {
        highlighted.setAll(features);
    }

    public void setStatus(String s) {
        statusText.set(s);
    }
}
