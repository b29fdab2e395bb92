package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.render.ImageRenderer;
import fr.bassinminier.atlas.render.RenderRequest;
import fr.bassinminier.atlas.render.Viewport;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The map control. Rendering runs on a background thread; while the user pans or zooms, the last
 * image is moved and scaled at once to where it belongs in the new view, then replaced when the
 * new render lands, so the map never goes blank and the FX thread never waits for a render.
 */
public final class MapView extends Pane {
    /** Bounds of the pause after which a gesture is taken as finished and its view rendered. */
    private static final long MIN_SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(40);
    private static final long MAX_SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /** A render still drawing after this long is shown as it fills, and again each time it passes (QGIS: 250 ms). */
    private static final long PARTIAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private final MapViewModel vm;
    private final ImageView image = new ImageView();
    private final ScheduledExecutorService renderThread;
    private final ScheduledExecutorService progressThread;
    private final AtomicLong generation = new AtomicLong();
    private final ImageRenderer renderer = new ImageRenderer();
    private final Canvas overlay = new Canvas();
    private final PauseTransition settle = new PauseTransition(Duration.millis(400));
    private volatile RenderObserver observer = new RenderObserver() { };
    private Viewport imageViewport;
    private long lastRequest;
    private long gestureGap;
    private double dragX;
    private double dragY;
    private double pressX;
    private double pressY;
    private BiConsumer<Double, Double> onClick = (x, y) -> { };
    private BiConsumer<Double, Double> onDoubleClick = (x, y) -> { };
    private List<Point2D> sketch = List.of();
    private volatile fr.bassinminier.atlas.io.tiles.TileService basemap;
    private final javafx.scene.control.Label attribution = new javafx.scene.control.Label();
    private final javafx.scene.control.Label tileProblem = new javafx.scene.control.Label();
    private final java.util.concurrent.atomic.AtomicBoolean tileRepaintQueued = new java.util.concurrent.atomic.AtomicBoolean();
    private boolean sketchClosed;

    /** A map with its own render thread (a view on its own, without a window's task runner). */
    public MapView(MapViewModel vm) {
        this(vm, daemon("atlas-render"), daemon("atlas-render-progress"));
    }

    private static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** A map whose render thread belongs to the window's task runner, stopped with it. */
    public MapView(MapViewModel vm, TaskRunner tasks) {
        this(vm, tasks.singleThread("atlas-render"), tasks.singleThread("atlas-render-progress"));
    }

    private MapView(MapViewModel vm, ScheduledExecutorService renderThread, ScheduledExecutorService progressThread) {
        this.vm = vm;
        this.renderThread = renderThread;
        this.progressThread = progressThread;
        getStyleClass().add("map-view");
        image.setManaged(false);
        image.setSmooth(true);
        overlay.setManaged(false);
        overlay.setMouseTransparent(true);
        overlay.widthProperty().bind(widthProperty());
        overlay.heightProperty().bind(heightProperty());
        attribution.getStyleClass().add("map-attribution");
        attribution.setManaged(false);
        attribution.setMouseTransparent(true);
        attribution.setVisible(false);
        tileProblem.getStyleClass().add("map-tile-problem");
        tileProblem.setManaged(false);
        tileProblem.setMouseTransparent(true);
        tileProblem.setVisible(false);
        tileProblem.setWrapText(true);
        getChildren().addAll(image, overlay, attribution, tileProblem);
        settle.setOnFinished(e -> vm.recordView());
        vm.highlighted().addListener((ListChangeListener<fr.bassinminier.atlas.model.Feature>) c -> drawOverlay());
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);

        widthProperty().addListener((o, a, b) -> vm.resize((int) getWidth(), (int) getHeight()));
        heightProperty().addListener((o, a, b) -> vm.resize((int) getWidth(), (int) getHeight()));
        vm.viewportProperty().addListener((o, a, v) -> {
            placeImage();
            drawOverlay();
            requestRender();
        });
        // A change of the project (a layer arrived, restyled, shown) is no gesture: drawn at once.
        vm.projectProperty().addListener((o, a, p) -> requestRender(false));
        // The first render may start before the window is shown (at its default scale): on a HiDPI
        // screen, or moved to one, the window's output scale changes and the map is drawn again.
        javafx.beans.value.ChangeListener<Number> scaleChanged = (o, a, k) -> requestRender(false);
        sceneProperty().addListener((o, a, sc) -> {
            if (sc == null) return;
            if (sc.getWindow() != null) sc.getWindow().outputScaleXProperty().addListener(scaleChanged);
            sc.windowProperty().addListener((o2, w0, w) -> {
                if (w0 != null) w0.outputScaleXProperty().removeListener(scaleChanged);
                if (w != null) w.outputScaleXProperty().addListener(scaleChanged);
            });
        });

        setOnScroll(e -> {
            if (e.getDeltaY() == 0) return;
            vm.zoomAt(e.getDeltaY() > 0 ? 1.25 : 0.8, e.getX(), e.getY());
            settle.playFromStart();
            e.consume();
        });
        setOnMousePressed(e -> {
            requestFocus();
            if (e.getButton() == MouseButton.PRIMARY) {
                dragX = e.getX();
                dragY = e.getY();
                pressX = e.getX();
                pressY = e.getY();
            }
        });
        setOnMouseReleased(e -> {
            if (e.getButton() != MouseButton.PRIMARY) return;
            boolean click = Math.abs(e.getX() - pressX) < 4 && Math.abs(e.getY() - pressY) < 4;
            if (!click) {
                vm.recordView();
            } else if (e.getClickCount() >= 2) {
                onDoubleClick.accept(e.getX(), e.getY());
            } else {
                onClick.accept(e.getX(), e.getY());
            }
        });
        setOnMouseDragged(e -> {
            if (!e.isPrimaryButtonDown()) return;
            if (Math.abs(e.getX() - pressX) < 4 && Math.abs(e.getY() - pressY) < 4) return;
            vm.pan(e.getX() - dragX, e.getY() - dragY);
            dragX = e.getX();
            dragY = e.getY();
        });
        setOnMouseMoved(e -> vm.pointerAt(e.getX(), e.getY()));
        setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case ADD, PLUS, EQUALS -> vm.zoom(1.5);
                case SUBTRACT, MINUS -> vm.zoom(1 / 1.5);
                case ESCAPE -> onDoubleClick.accept(Double.NaN, Double.NaN);
                case LEFT -> vm.pan(80, 0);
                case RIGHT -> vm.pan(-80, 0);
                case UP -> vm.pan(0, 80);
                case DOWN -> vm.pan(0, -80);
                default -> {
                    return;
                }
            }
            settle.playFromStart();
            e.consume();
        });
    }

    /**
     * Shows a background map under the layers (null: none). Its tiles arrive on their own
     * threads; each arrival asks for a redraw, at most one every 120 ms, which draws what has come.
     */
    public void setBasemap(fr.bassinminier.atlas.io.tiles.TileService tiles) {
        // None before and none now (the start's choice, "aucun"): the render under way stands.
        if (tiles == null && basemap == null) return;
        fr.bassinminier.atlas.io.tiles.TileService old = basemap;
        basemap = tiles;
        if (old != null) {
            old.setOnArrival(null);
            old.setOnProblem(null);
            renderThread.execute(old::close);
        }
        showTileProblem(null);
        if (tiles != null) {
            tiles.setOnArrival(() -> {
                if (!tileRepaintQueued.getAndSet(true)) scheduleTileRepaint(tiles);
            });
            tiles.setOnProblem(m -> Platform.runLater(() -> {
                if (basemap == tiles) showTileProblem(m);
            }));
            String a = tiles.basemap().attribution();
            attribution.setText(a == null ? "" : a);
            attribution.setVisible(a != null && !a.isBlank());
        } else {
            attribution.setVisible(false);
        }
        requestLayout();
        requestRender();
    }

    /**
     * A redraw for arrived tiles, 120 ms on; during a gesture it waits for the gesture's own
     * render (which draws the tiles there are) rather than start renders the next step cancels.
     */
    private void scheduleTileRepaint(fr.bassinminier.atlas.io.tiles.TileService tiles) {
        renderThread.schedule(() -> Platform.runLater(() -> {
            if (basemap != tiles) {
                tileRepaintQueued.set(false);
            } else if (System.nanoTime() - lastRequest < MAX_SETTLE_NANOS) {
                scheduleTileRepaint(tiles);
            } else {
                tileRepaintQueued.set(false);
                requestRender(false);
            }
        }), 120, TimeUnit.MILLISECONDS);
    }

    public fr.bassinminier.atlas.io.tiles.TileService basemap() {
        return basemap;
    }

    /** Redraws with the background's new look (greyscale, opacity). */
    public void refresh() {
        requestRender();
    }

    /** The discreet note that tiles are missing (offline, server failing); null removes it. */
    private void showTileProblem(String message) {
        tileProblem.setText(message == null ? "" : message);
        tileProblem.setVisible(message != null);
        requestLayout();
    }

    /** The background's failure note, or null (for tests). */
    public String tileProblemText() {
        return FxThread.read(() -> tileProblem.isVisible() ? tileProblem.getText() : null);
    }

    public String attributionText() {
        return FxThread.read(() -> attribution.isVisible() ? attribution.getText() : null);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        attribution.autosize();
        attribution.relocate(Math.max(0, getWidth() - attribution.getWidth() - 4),
                Math.max(0, getHeight() - attribution.getHeight() - 2));
        double maxW = Math.max(80, Math.min(getWidth() * 0.6, 520));
        tileProblem.setMaxWidth(maxW);
        tileProblem.resize(maxW, tileProblem.prefHeight(maxW));
        tileProblem.relocate(6, Math.max(0, getHeight() - tileProblem.getHeight() - 6));
    }

    /** What a click (not a drag) does, given the pixel position. */
    public void setOnMapClick(BiConsumer<Double, Double> handler) {
        this.onClick = handler;
    }

    public void setOnMapDoubleClick(BiConsumer<Double, Double> handler) {
        this.onDoubleClick = handler;
    }

    /** The measuring line or polygon being drawn, in ground coordinates. */
    public void setSketch(List<Point2D> groundPoints, boolean closed) {
        this.sketch = List.copyOf(groundPoints);
        this.sketchClosed = closed;
        drawOverlay();
    }

    /**
     * Highlights and sketches are drawn on a canvas above the map image, so that selecting a
     * feature shows at once, without waiting for a new render.
     */
    private void drawOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        Viewport v = vm.viewportProperty().get();
        if (v == null) return;
        g.setStroke(Color.web("#00b7ff"));
        g.setFill(Color.web("#00b7ff", 0.25));
        g.setLineWidth(3);
        for (var f : vm.highlighted()) {
            Geometry geom = f.geometry();
            if (geom == null) continue;
            for (int i = 0; i < geom.getNumGeometries(); i++) drawGeometry(g, v, geom.getGeometryN(i));
        }
        if (!sketch.isEmpty()) {
            g.setStroke(Color.web("#d1006f"));
            g.setFill(Color.web("#d1006f", 0.2));
            g.setLineWidth(2);
            g.setLineDashes(6, 4);
            double[] xs = new double[sketch.size()];
            double[] ys = new double[sketch.size()];
            for (int i = 0; i < xs.length; i++) {
                Point2D p = v.toScreen(sketch.get(i).getX(), sketch.get(i).getY());
                xs[i] = p.getX();
                ys[i] = p.getY();
                g.fillOval(xs[i] - 3, ys[i] - 3, 6, 6);
            }
            if (sketchClosed && xs.length > 2) {
                g.fillPolygon(xs, ys, xs.length);
                g.strokePolygon(xs, ys, xs.length);
            } else {
                g.strokePolyline(xs, ys, xs.length);
            }
            g.setLineDashes();
        }
    }

    private static void drawGeometry(GraphicsContext g, Viewport v, Geometry geom) {
        if (geom instanceof Polygon poly) {
            path(g, v, poly.getExteriorRing().getCoordinates(), true);
            for (int i = 0; i < poly.getNumInteriorRing(); i++) path(g, v, poly.getInteriorRingN(i).getCoordinates(), true);
        } else if (geom.getDimension() == 1) {
            path(g, v, geom.getCoordinates(), false);
        } else if (!geom.isEmpty()) {
            Point2D p = v.toScreen(geom.getCoordinate().x, geom.getCoordinate().y);
            g.strokeOval(p.getX() - 8, p.getY() - 8, 16, 16);
        }
    }

    private static void path(GraphicsContext g, Viewport v, Coordinate[] cs, boolean closed) {
        double[] xs = new double[cs.length];
        double[] ys = new double[cs.length];
        for (int i = 0; i < cs.length; i++) {
            Point2D p = v.toScreen(cs[i].x, cs[i].y);
            xs[i] = p.getX();
            ys[i] = p.getY();
        }
        if (closed) {
            g.fillPolygon(xs, ys, xs.length);
            g.strokePolygon(xs, ys, xs.length);
        } else {
            g.strokePolyline(xs, ys, xs.length);
        }
    }

    /** Moves and scales the last rendered image to where its ground lies in the current view. */
    private void placeImage() {
        Viewport now = vm.viewportProperty().get();
        if (imageViewport == null || now == null) return;
        double s = imageViewport.resolution() / now.resolution();
        Point2D topLeft = now.toScreen(imageViewport.toWorld(0, 0).getX(), imageViewport.toWorld(0, 0).getY());
        double x = topLeft.getX();
        double y = topLeft.getY();
        if (Math.abs(s - 1) < 1e-9) {
            // Unscaled (a pan): on whole device pixels, the image is copied rather than resampled.
            double k = outputScale();
            x = Math.rint(x * k) / k;
            y = Math.rint(y * k) / k;
        }
        image.setX(x);
        image.setY(y);
        image.setFitWidth(imageViewport.width() * s);
        image.setFitHeight(imageViewport.height() * s);
    }

    private void requestRender() {
        requestRender(true);
    }

    /** @param step true for a step of the user (pan, zoom), false for a redraw as tiles arrive */
    private void requestRender(boolean step) {
        LoadedProject p = vm.project();
        Viewport v = vm.viewportProperty().get();
        if (p == null || v == null) return;
        long gen = generation.incrementAndGet();
        double ratio = outputScale();
        Viewport device = new Viewport(v.centerX(), v.centerY(), v.resolution() / ratio,
                (int) Math.round(v.width() * ratio), (int) Math.round(v.height() * ratio));
        RenderRequest req = RenderRequest.of(device, ratio).withBasemap(basemap, false)
                .withCancel(() -> generation.get() != gen);
        vm.setStatus(Messages.get("status.rendering"));
        observer.requested();
        // A step soon after another is a gesture under way: its render waits for a pause of twice
        // the gesture's rhythm (its longest recent gap between steps: 40 ms at 60 steps a second),
        // so that renders do not take the processors from the frames only to be cancelled at the
        // next step. A single step (a key, a wheel notch after a pause) renders at once.
        long now = System.nanoTime();
        long delay = 0;
        if (step) {
            long gap = now - lastRequest;
            lastRequest = now;
            gestureGap = gap < MAX_SETTLE_NANOS ? Math.max(gap, gestureGap * 3 / 4) : 0;
            delay = gestureGap == 0 ? 0 : Math.min(MAX_SETTLE_NANOS, Math.max(MIN_SETTLE_NANOS, 2 * gestureGap));
        }
        renderThread.schedule(() -> {
            if (generation.get() != gen) {
                observer.skipped();
                return;
            }
            observer.started();
            StartTrace.mark("map: render started");
            long t0 = System.nanoTime();
            ImageRenderer.Rendered r;
            AtomicBoolean over = new AtomicBoolean();
            AtomicReference<ScheduledFuture<?>> partials = new AtomicReference<>();
            try {
                // Premultiplied ARGB: the pixels JavaFX shows as they are, without a copy.
                r = renderer.render(p, req, BufferedImage.TYPE_INT_ARGB_PRE, img -> partials.set(
                        progressThread.scheduleAtFixedRate(() -> showPartial(img, gen, v, over),
                                PARTIAL_NANOS, PARTIAL_NANOS, TimeUnit.NANOSECONDS)));
            } catch (CancellationException e) {
                observer.cancelled();
                return;
            } catch (RuntimeException e) {
                Platform.runLater(() -> vm.setStatus(Messages.get("error.title") + " : " + e.getMessage()));
                return;
            } finally {
                over.set(true);
                ScheduledFuture<?> f = partials.get();
                if (f != null) f.cancel(false);
            }
            observer.finished(System.nanoTime() - t0);
            StartTrace.mark("map: render finished");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            BufferedImage img = r.image();
            PixelBuffer<IntBuffer> buffer = pixels(img, ((DataBufferInt) img.getRaster().getDataBuffer()).getData());
            int drawn = r.stats().featuresDrawn();
            Platform.runLater(() -> {
                if (generation.get() != gen) {
                    observer.dropped();
                    return;
                }
                show(buffer, v);
                StartTrace.mark("map: image set (" + drawn + " features)");
                var failed = req.notices().isEmpty() ? null : req.notices().get(0);
                vm.setStatus(failed == null ? Messages.get("status.rendered", drawn, ms)
                        : Messages.get("status.layerNotDrawn", failed.layerTitle(), failed.problem()));
                observer.landed(v);
            });
        }, delay, TimeUnit.NANOSECONDS);
    }

    /**
     * The image of a render still drawing, shown as it is so far: a large layer appears as it is
     * read instead of after it all (a copy of the pixels; a feature being drawn may show half).
     * Never after the render's own image, nor once the view has moved on.
     */
    private void showPartial(BufferedImage img, long gen, Viewport v, AtomicBoolean over) {
        if (over.get() || generation.get() != gen) return;
        PixelBuffer<IntBuffer> buffer = pixels(img, ((DataBufferInt) img.getRaster().getDataBuffer()).getData().clone());
        Platform.runLater(() -> {
            if (over.get() || generation.get() != gen) return;
            show(buffer, v);
            observer.partial(v);
        });
    }

    /** Premultiplied ARGB pixels of an image as JavaFX shows them, without a copy. */
    private static PixelBuffer<IntBuffer> pixels(BufferedImage img, int[] px) {
        return new PixelBuffer<>(img.getWidth(), img.getHeight(), IntBuffer.wrap(px), PixelFormat.getIntArgbPreInstance());
    }

    /** On the FX thread: the pixels on screen as the image of view {@code v}. */
    private void show(PixelBuffer<IntBuffer> buffer, Viewport v) {
        image.setImage(new WritableImage(buffer));
        imageViewport = v;
        placeImage();
    }

    private double outputScale() {
        return getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1;
    }

    /**
     * What becomes of each background render, reported from the render thread and the FX
     * thread: requested, skipped (overtaken before its turn), started, cancelled on the way,
     * finished, then dropped (the view moved) or landed on screen. Benchmarks count them.
     */
    public interface RenderObserver {
        default void requested() {
        }

        default void skipped() {
        }

        default void started() {
        }

        /** An image of a render still drawing went on screen. */
        default void partial(Viewport view) {
        }

        default void cancelled() {
        }

        default void finished(long nanos) {
        }

        default void dropped() {
        }

        default void landed(Viewport view) {
        }
    }

    public void setRenderObserver(RenderObserver o) {
        observer = o;
    }

    /** The image on screen, or null before the first render lands (for tests and screenshots). */
    public javafx.scene.image.Image currentImage() {
        return FxThread.read(image::getImage);
    }

    public void dispose() {
        fr.bassinminier.atlas.io.tiles.TileService b = basemap;
        basemap = null;
        if (b != null) b.close();
        renderThread.shutdownNow();
        progressThread.shutdownNow();
    }
}
