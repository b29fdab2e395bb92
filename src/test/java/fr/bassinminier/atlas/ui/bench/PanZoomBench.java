package fr.bassinminier.atlas.ui.bench;

import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.project.ProjectLoader;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.render.Viewport;
import fr.bassinminier.atlas.ui.MapView;
import fr.bassinminier.atlas.ui.MapViewModel;
import fr.bassinminier.atlas.ui.RenderCounters;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

/**
 * How the window stays responsive while the user pans and zooms a big layer: opens a real
 * window with the map control on a project, drives scripted pan and zoom steps through the
 * view-model at the pulse rate (60 Hz), and measures on the FX thread itself:
 * <ul>
 * <li>the interval between consecutive frames (a stalled FX thread shows as a long interval);</li>
 * <li>the CPU time the FX thread spends per frame: step handlers, the landing of new images,
 * the pulse (CSS, layout, sync to the render thread);</li>
 * <li>the renders requested, skipped, cancelled, dropped and shown;</li>
 * <li>the time from the last step of a burst, and from single steps, until the full render of
 * the new view is on screen.</li>
 * </ul>
 *
 * <pre>
 * xvfb-run -a -s "-screen 0 2000x1200x24" java -cp target/atlas.jar:target/test-classes \
 *     fr.bassinminier.atlas.ui.bench.PanZoomBench big.atlas.json [--center X,Y] [--steps 200]
 * </pre>
 * With {@code -Dglass.gtk.uiScale=2} (and a 3900x2300 screen) the window is HiDPI: the map
 * renders twice as many pixels each way.
 */
public final class PanZoomBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final LoadedProject project;
    private final int width;
    private final int height;
    private final int steps;
    private final double[] center;
    private MapViewModel vm;
    private MapView map;
    private final RenderCounters counters = new RenderCounters();
    private boolean warmedUp;
    private Stage stage;

    private PanZoomBench(LoadedProject project, int width, int height, int steps, double[] center) {
        this.project = project;
        this.width = width;
        this.height = height;
        this.steps = steps;
        this.center = center;
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.FRANCE);
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("Utilisation : PanZoomBench PROJET.atlas.json [--center X,Y] [--steps N] "
                    + "[--width L] [--height H] [--scales full,25000,5000] [--fond plan-ign-gris]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        double[] c = null;
        int steps = 200;
        int w = 1920;
        int h = 1080;
        String scales = "full,25000,5000";
        String background = null;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--center" -> c = Arrays.stream(args[i + 1].split(",")).mapToDouble(Double::parseDouble).toArray();
                case "--steps" -> steps = Integer.parseInt(args[i + 1]);
                case "--width" -> w = Integer.parseInt(args[i + 1]);
                case "--height" -> h = Integer.parseInt(args[i + 1]);
                case "--scales" -> scales = args[i + 1];
                case "--fond" -> background = args[i + 1];
                default -> throw new IllegalArgumentException("option inconnue " + args[i]);
            }
        }
        long t0 = System.nanoTime();
        LoadedProject p;
        try {
            p = ProjectLoader.open(file);
        } catch (DataException e) {
            System.err.println("Erreur : " + e.getMessage());
            System.exit(1);
            return;
        }
        double loadMs = (System.nanoTime() - t0) / 1e6;
        // The loaded layers are hundreds of megabytes of young objects: promote them now, rather
        // than in a long collection pause in the middle of the first measured burst.
        System.gc();
        int features = p.layers().stream().filter(ProjectLayer::isLoaded).mapToInt(l -> l.data().size()).sum();
        if (c == null) c = new double[] {p.initialExtent().centre().x, p.initialExtent().centre().y};
        PanZoomBench bench = new PanZoomBench(p, w, h, steps, c);
        CompletableFuture<Void> shown = new CompletableFuture<>();
        // A background map (-Datlas.wmts.url for a local server): tiles redraw the map as they arrive.
        var tiles = background == null ? null : fr.bassinminier.atlas.io.tiles.Backgrounds.resolve(background)
                .map(b -> {
                    try {
                        return fr.bassinminier.atlas.io.tiles.Backgrounds.service(b);
                    } catch (fr.bassinminier.atlas.io.ServiceException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                }).orElse(null);
        Platform.startup(() -> {
            bench.show();
            bench.map.setBasemap(tiles);
            shown.complete(null);
        });
        shown.get(30, TimeUnit.SECONDS);
        System.out.printf(Locale.ROOT, "projet %s : %d entités, chargé en %.0f ms ; fenêtre %dx%d, densité de pixels %s, "
                        + "%d processeurs, pipeline %s%n", file.getFileName(), features, loadMs, w, h,
                fx(() -> bench.stage.getOutputScaleX()), Runtime.getRuntime().availableProcessors(),
                System.getProperty("prism.order", "par défaut"));
        for (String s : scales.split(",")) bench.scenario(s.trim());
        Platform.runLater(() -> {
            bench.map.dispose();
            bench.stage.close();
        });
        Platform.exit();
        System.exit(0);
    }

    private void show() {
        vm = new MapViewModel();
        map = new MapView(vm);
        map.setRenderObserver(counters);
        map.setPrefSize(width, height);
        map.setMinSize(width, height);
        map.setMaxSize(width, height);
        Label status = new Label();
        status.textProperty().bind(vm.statusTextProperty());
        Label scale = new Label();
        scale.textProperty().bind(vm.scaleTextProperty());
        BorderPane root = new BorderPane(map);
        root.setBottom(new HBox(16, status, scale));
        stage = new Stage();
        stage.setTitle("Atlas — banc d'essai déplacement et zoom");
        stage.setScene(new Scene(root));
        stage.setX(0);
        stage.setY(0);
        stage.show();
        vm.setProject(project, width, height);
    }

    /** One starting view, then a burst of steps at 60 Hz, then single steps one after the other. */
    private void scenario(String name) throws Exception {
        Viewport start = fx(() -> {
            Viewport v = vm.viewportProperty().get();
            return "full".equals(name) ? Viewport.fit(project.initialExtent(), v.width(), v.height())
                    : new Viewport(center[0], center[1], Double.parseDouble(name) * Viewport.OGC_PIXEL_METRES,
                    v.width(), v.height());
        });
        Monitor m = new Monitor(counters);
        runOnFx(m::start);
        // Settle on the view, and warm up: a burst (a full one the first time, while the JIT
        // compiles the FX and Prism code of the frames), then a full render.
        runOnFx(() -> vm.viewportProperty().set(start));
        waitForView(start, 60);
        waitForView(m.burst(warmedUp ? Math.min(40, steps) : steps).get(120, TimeUnit.SECONDS), 60);
        warmedUp = true;
        runOnFx(() -> vm.viewportProperty().set(start));
        waitForView(start, 60);
        Thread.sleep(300);

        RenderCounters c = counters;
        long[] before = {c.requestedCount(), c.skippedCount(), c.startedCount(), c.cancelledCount(),
                c.droppedCount(), c.landedCount()};
        m.phase = BURST;
        Viewport end = m.burst(steps).get(120, TimeUnit.SECONDS);
        m.phase = SETTLING;
        double lastStepToFull = waitForView(end, 60);
        long[] renders = {c.requestedCount() - before[0], c.skippedCount() - before[1], c.startedCount() - before[2],
                c.cancelledCount() - before[3], c.droppedCount() - before[4], c.landedCount() - before[5]};

        // Single steps, as a click or a key press: each waited for until its full render is on screen.
        m.phase = SINGLE;
        double[] single = new double[12];
        for (int i = 0; i < single.length; i++) {
            Thread.sleep(250);
            int k = i;
            long[] at = new long[1];
            Viewport v = fx(() -> {
                at[0] = System.nanoTime();
                switch (k % 4) {
                    case 0 -> vm.pan(-150, 60);
                    case 1 -> vm.zoomAt(1.25, width * 0.6, height * 0.4);
                    case 2 -> vm.pan(150, -60);
                    default -> vm.zoomAt(0.8, width * 0.6, height * 0.4);
                }
                return vm.viewportProperty().get();
            });
            waitForView(v, 60);
            single[i] = (c.lastLandedAt() - at[0]) / 1e6;
        }
        Thread.sleep(100);
        runOnFx(m::stop);
        Arrays.sort(single);

        double[] bi = m.column(BURST, 0);

        double[] bc = m.column(BURST, 1);
        double[] si = m.column(SINGLE, 0);
        double[] sc = m.column(SINGLE, 1);
        double[] sl = m.landing(SINGLE);
        System.out.printf(Locale.ROOT, "%n== vue %s (échelle de départ 1:%.0f) ==%n", "full".equals(name) ? "étendue complète"
                : "1:" + name, start.scaleDenominator());
        System.out.printf(Locale.ROOT, "rafale de %d étapes (déplacements et zooms) à 60 Hz : %d images%n", steps, bi.length);
        System.out.printf(Locale.ROOT, "  travail du thread FX par image (CPU) : p50 %5.1f  p95 %5.1f  max %5.1f ms"
                + " (> 16 ms : %d)%n", pct(bc, 50), pct(bc, 95), max(bc), count(bc, 16));
        System.out.printf(Locale.ROOT, "  intervalle entre images             : p50 %5.1f  p95 %5.1f  max %5.1f ms"
                + " (> 25 ms : %d)%n", pct(bi, 50), pct(bi, 95), max(bi), count(bi, 25));
        double[] unscaled = m.intervals(BURST, false);
        double[] scaled = m.intervals(BURST, true);
        System.out.printf(Locale.ROOT, "    dont image déplacée (%3d images)  : p50 %5.1f  p95 %5.1f  max %5.1f ms%n",
                unscaled.length, pct(unscaled, 50), pct(unscaled, 95), max(unscaled));
        System.out.printf(Locale.ROOT, "    dont image agrandie ou réduite (%3d): p50 %5.1f  p95 %5.1f  max %5.1f ms%n",
                scaled.length, pct(scaled, 50), pct(scaled, 95), max(scaled));
        System.out.printf(Locale.ROOT, "  gestionnaire d'une étape            : p50 %5.2f  p95 %5.2f  max %5.2f ms%n",
                pct(m.handlerMs(), 50), pct(m.handlerMs(), 95), max(m.handlerMs()));
        System.out.printf(Locale.ROOT, "  rendus : %d demandés, %d sautés (remplacés avant de commencer), %d commencés, "
                        + "%d annulés en cours, %d terminés mais dépassés, %d affichés%n", renders[0], renders[1],
                renders[2], renders[3], renders[4], renders[5]);
        System.out.printf(Locale.ROOT, "  rendu complet à l'écran après la dernière étape : %.0f ms%n", lastStepToFull);
        System.out.printf(Locale.ROOT, "%d étapes isolées : rendu complet à l'écran après l'étape : médiane %.0f, p95 %.0f, "
                + "max %.0f ms%n", single.length, pct(single, 50), pct(single, 95), max(single));
        System.out.printf(Locale.ROOT, "  travail du thread FX par image (CPU) : p50 %5.1f  p95 %5.1f  max %5.1f ms"
                + " ; images où un rendu arrive : max %.1f ms%n", pct(sc, 50), pct(sc, 95), max(sc), max(sl));
        System.out.printf(Locale.ROOT, "  intervalle entre images             : p50 %5.1f  p95 %5.1f  max %5.1f ms%n",
                pct(si, 50), pct(si, 95), max(si));
    }

    private static final int WARMUP = 0;
    private static final int BURST = 1;
    private static final int SETTLING = 2;
    private static final int SINGLE = 3;

    /**
     * Runs at every pulse: records each frame's interval since the previous one and the CPU time
     * the FX thread used since then (the step, the pulse, images landing), and during a burst
     * makes one scripted step per frame.
     */
    private final class Monitor extends AnimationTimer {
        private final RenderCounters counters;
        private final List<double[]> frames = new ArrayList<>();
        private final List<Double> handler = new ArrayList<>();
        volatile int phase = WARMUP;
        private long lastWall;
        private long lastCpu;
        private long landed;
        private boolean lastScaled;
        private int step;
        private int steps;
        private CompletableFuture<Viewport> burstDone;

        Monitor(RenderCounters counters) {
            this.counters = counters;
            this.landed = counters.landedCount();
        }

        /** Starts a burst of n steps; completes with the view after the last one. */
        CompletableFuture<Viewport> burst(int n) throws Exception {
            CompletableFuture<Viewport> f = new CompletableFuture<>();
            runOnFx(() -> {
                step = 0;
                steps = n;
                burstDone = f;
                handler.clear();
            });
            return f;
        }

        @Override
        public void handle(long now) {
            long wall = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            if (lastWall != 0) {
                long l = counters.landedCount();
                frames.add(new double[] {(wall - lastWall) / 1e6, (cpu - lastCpu) / 1e6, l != landed ? 1 : 0, phase,
                        lastScaled ? 1 : 0});
                landed = l;
            }
            lastWall = wall;
            lastCpu = cpu;
            // Whether the frame now drawn shows the last image scaled (a zoom not yet rendered).
            Viewport shown = counters.lastLandedView();
            Viewport wanted = vm.viewportProperty().get();
            lastScaled = shown != null && wanted != null && Math.abs(shown.resolution() / wanted.resolution() - 1) > 1e-9;
            if (burstDone != null) {
                if (step < steps) {
                    long h0 = System.nanoTime();
                    step(step++, steps);
                    handler.add((System.nanoTime() - h0) / 1e6);
                } else {
                    CompletableFuture<Viewport> f = burstDone;
                    burstDone = null;
                    f.complete(vm.viewportProperty().get());
                }
            }
        }

        double[] column(int ofPhase, int col) {
            return frames.stream().filter(f -> f[3] == ofPhase).mapToDouble(f -> f[col]).toArray();
        }

        /** Frame intervals of a phase while the image on screen was shown at its own scale (1) or scaled (0). */
        double[] intervals(int ofPhase, boolean scaled) {
            return frames.stream().filter(f -> f[3] == ofPhase && (f[4] == 1) == scaled).mapToDouble(f -> f[0]).toArray();
        }

        double[] landing(int ofPhase) {
            return frames.stream().filter(f -> f[3] == ofPhase && f[2] == 1).mapToDouble(f -> f[1]).toArray();
        }

        double[] handlerMs() {
            return toArray(handler);
        }
    }

    private void step(int i, int n) {
        double phase = (double) i / n;
        if (phase < 0.25) {
            vm.pan(-10, 0);
        } else if (phase < 0.4) {
            vm.zoomAt(1.02, width * 0.6, height * 0.4);
        } else if (phase < 0.65) {
            vm.pan(8, -6);
        } else if (phase < 0.8) {
            vm.zoomAt(1 / 1.02, width * 0.5, height * 0.5);
        } else {
            vm.pan(-6, 8);
        }
    }

    /** Waits until the image of this view is on screen; milliseconds since the call. */
    private double waitForView(Viewport v, int timeoutSeconds) throws InterruptedException {
        long t0 = System.nanoTime();
        RenderCounters c = counters;
        long deadline = t0 + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!v.equals(c.lastLandedView())) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("le rendu de " + v + " n'arrive pas");
            Thread.sleep(1);
        }
        return (c.lastLandedAt() - t0) / 1e6;
    }

    private static <T> T fx(java.util.concurrent.Callable<T> task) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(task.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    private static void runOnFx(Runnable r) throws Exception {
        fx(() -> {
            r.run();
            return null;
        });
    }

    private static double[] toArray(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double pct(double[] v, double p) {
        if (v.length == 0) return Double.NaN;
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, Math.max(0, (int) Math.ceil(s.length * p / 100) - 1))];
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    private static long count(double[] v, double above) {
        return Arrays.stream(v).filter(x -> x > above).count();
    }
}
