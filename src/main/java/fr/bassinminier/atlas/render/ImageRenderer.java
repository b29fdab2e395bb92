package fr.bassinminier.atlas.render;

import fr.bassinminier.atlas.model.project.LoadedProject;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Renders a loaded project into an image: the PNG export and the screen both go through here.
 *
 * <p>The layers are drawn in horizontal bands, shared between the processors (the rendering
 * thread and helpers): each band queries only the features that reach it and draws them clipped
 * to its rows, with the same transform as the whole view, so the image is the same as drawn in
 * one go. A file read whole for the view is read once, in chunks the bands share
 * ({@link SharedScans}). Labels and marks are then drawn once over the whole image.
 */
public final class ImageRenderer {
    /** Threads helping the rendering thread: one per extra processor, at most 3. */
    private static final int HELPERS = Math.min(3, Runtime.getRuntime().availableProcessors() - 1);
    private static final ExecutorService POOL = HELPERS <= 0 ? null : Executors.newFixedThreadPool(HELPERS, r -> {
        Thread t = new Thread(r, "atlas-render-band");
        t.setDaemon(true);
        return t;
    });

    private final MapRenderer renderer = new MapRenderer();

    /** An image and what drawing it took. */
    public record Rendered(BufferedImage image, MapRenderer.Stats stats) {
    }

    public BufferedImage render(LoadedProject project, RenderRequest req) {
        return render(project, req, BufferedImage.TYPE_INT_ARGB).image();
    }

    /**
     * Renders into a new image of the given type (TYPE_INT_ARGB for files, TYPE_INT_ARGB_PRE for
     * the screen, whose pixels JavaFX then shows without conversion).
     *
     * @throws CancellationException when the request is cancelled before the end
     */
    public Rendered render(LoadedProject project, RenderRequest req, int imageType) {
        return render(project, req, imageType, bands(req.viewport()), img -> { });
    }

    /**
     * @param drawing given the image before its layers are drawn into it, so that a screen can
     *                show it as it fills (read from another thread, it may show a feature half drawn)
     */
    public Rendered render(LoadedProject project, RenderRequest req, int imageType, Consumer<BufferedImage> drawing) {
        return render(project, req, imageType, bands(req.viewport()), drawing);
    }

    /** With a given number of bands (the tests compare one band with several). */
    Rendered render(LoadedProject project, RenderRequest req, int imageType, int bands) {
        return render(project, req, imageType, bands, img -> { });
    }

    private Rendered render(LoadedProject project, RenderRequest req, int imageType, int bands,
                            Consumer<BufferedImage> drawing) {
        long t0 = System.nanoTime();
        Viewport vp = req.viewport();
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), imageType);
        if (req.basemap() != null) {
            // Background and tiles once over the whole image; the bands then only add the layers.
            Graphics2D bg = img.createGraphics();
            try {
                if (req.background() != null) {
                    bg.setColor(req.background());
                    bg.fillRect(0, 0, vp.width(), vp.height());
                }
                MapRenderer.drawBasemap(bg, req);
            } finally {
                bg.dispose();
            }
            req = req.withBackground(null);
        }
        drawing.accept(img);
        int[] counts = bands == 1 ? band(img, project, req, 0, vp.height(), null)
                : parallel(img, project, req, bands);
        Graphics2D g = img.createGraphics();
        try {
            MapRenderer.hints(g);
            renderer.drawOverlays(g, project.layers(), req);
        } finally {
            g.dispose();
        }
        return new Rendered(img, new MapRenderer.Stats(counts[0], counts[1], System.nanoTime() - t0));
    }

    /**
     * One band per processor. Each band queries its layers for its own strip, and a GeoPackage's
     * rows of one strip lie all over the file: two bands per processor (meant to even out a band
     * full of buildings) read the pages twice as often, 10–13 % more time for 500,000 footprints,
     * and no gain on the official map.
     */
    private static int bands(Viewport vp) {
        if (POOL == null || vp.height() < 64) return 1;
        return Math.min(HELPERS + 1, vp.height() / 32);
    }

    private int[] parallel(BufferedImage img, LoadedProject project, RenderRequest req, int bands) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int[][] counts = new int[bands][];
        Viewport vp = req.viewport();
        RenderRequest stop = req.withCancel(() -> failure.get() != null || req.cancelled());
        SharedScans scans = new SharedScans();
        Runnable worker = () -> {
            for (int b; (b = next.getAndIncrement()) < bands && failure.get() == null; ) {
                int rowMin = vp.height() * b / bands;
                int rowMax = vp.height() * (b + 1) / bands;
                try {
                    counts[b] = band(img, project, stop, rowMin, rowMax, scans);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }
        };
        int helpers = Math.min(HELPERS, bands - 1);
        CountDownLatch done = new CountDownLatch(helpers);
        for (int i = 0; i < helpers; i++) {
            POOL.execute(() -> {
                try {
                    worker.run();
                } finally {
                    done.countDown();
                }
            });
        }
        worker.run();
        try {
            done.await();
        } catch (InterruptedException e) {
            failure.compareAndSet(null, new CancellationException());
            Thread.currentThread().interrupt();
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) throw re;
        if (t instanceof Error er) throw er;
        if (t != null) throw new IllegalStateException(t);
        int layers = 0;
        int features = 0;
        for (int[] c : counts) {
            layers = Math.max(layers, c[0]);
            features += c[1];
        }
        return new int[] {layers, features};
    }

    /** The background and the layers on the rows [rowMin, rowMax). */
    private int[] band(BufferedImage img, LoadedProject project, RenderRequest req, int rowMin, int rowMax,
                       SharedScans scans) {
        Viewport vp = req.viewport();
        Graphics2D g = img.createGraphics();
        try {
            g.clipRect(0, rowMin, vp.width(), rowMax - rowMin);
            MapRenderer.hints(g);
            if (req.background() != null) {
                g.setColor(req.background());
                g.fillRect(0, rowMin, vp.width(), rowMax - rowMin);
            }
            return renderer.drawLayers(g, rowMin, rowMax, project.layers(), req, DotRaster.of(img, rowMin, rowMax), scans);
        } finally {
            g.dispose();
        }
    }

    /** The marks a project asks for: its indicative-data notice and its layers' sources. */
    public static RenderRequest marksFor(LoadedProject p, RenderRequest base) {
        String notice = indicativeNotice(p);
        java.util.LinkedHashSet<String> sources = new java.util.LinkedHashSet<>();
        for (var l : p.layers()) {
            if (l.isLoaded() && l.entry().visible() && l.entry().credit() != null) sources.add(l.entry().credit());
        }
        if (base.basemap() != null && base.basemap().basemap().attribution() != null) {
            sources.add(fr.bassinminier.atlas.l10n.Localization.get("render.basemap", base.basemap().basemap().attribution()));
        }
        String attribution = sources.isEmpty() ? null
                : fr.bassinminier.atlas.l10n.Localization.get("render.sources", String.join(" ; ", sources));
        return base.withMarks(notice, attribution);
    }

    /**
     * The "indicative data" mark, naming the indicative layers shown; null when every layer shown
     * is official (the mark is about layers, never about the project as a whole).
     */
    public static String indicativeNotice(LoadedProject p) {
        java.util.List<String> shown = p.indicativeShown();
        return shown.isEmpty() ? null : fr.bassinminier.atlas.l10n.Localization.get("render.indicative", String.join(", ", shown));
    }
}
