package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.model.project.LoadedProject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * How long the desktop takes to show a map: fresh JVMs, each opening the real main window, timed
 * from the moment the process is started (JVM start included) until
 * <ul>
 * <li>{@code first}: the first map image is on screen (a frame after it landed);</li>
 * <li>{@code complete}: an image of the project with every layer arrived is on screen;</li>
 * <li>with {@code --then P2}: after that, P2 is opened in the same window (Fichier › Ouvrir), timed
 * from the opening to its first image with all its layers drawn ({@code open→image}), and to the
 * first image of it on screen, maybe one still being drawn ({@code open→pixels}).</li>
 * </ul>
 * Runs are interleaved between the JVM option sets given ({@code --variant name=options}, e.g. with
 * and without a class-data-sharing archive); one warm-up round is not counted; medians are printed.
 *
 * <pre>
 * xvfb-run -a -s "-screen 0 1600x1000x24" java -cp target/atlas.jar:target/test-classes \
 *     fr.bassinminier.atlas.ui.DesktopStartBench maps/bassin-minier.atlas.json [--then big.atlas.json] \
 *     [--runs 5] [--variant plain=] [--variant cds=-XX:SharedArchiveFile=target/atlas-desktop.jsa]
 * </pre>
 * A class-data-sharing archive only maps classes from jars: for the CDS variants, put the bench in
 * a jar ({@code jar cf bench.jar -C target/test-classes fr/bassinminier/atlas/ui/DesktopStartBench*.class}),
 * run it with {@code -cp target/atlas.jar:bench.jar}, and record the archive with one child run:
 * {@code java -XX:ArchiveClassesAtExit=desk.jsa -cp target/atlas.jar:bench.jar …DesktopStartBench --child PROJECT}.
 * The background map is off ({@code -Datlas.background=aucun}) unless {@code --fond NAME}: tiles
 * come from the network, which the bench does not measure.
 */
public final class DesktopStartBench {
    private static final long START = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();

    private DesktopStartBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(args);
            return;
        }
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("Utilisation : DesktopStartBench PROJET.atlas.json [--then PROJET2] [--runs 5] "
                    + "[--variant nom=options-jvm]… [--fond aucun]");
            System.exit(2);
        }
        String project = args[0];
        String then = null;
        String background = "aucun";
        int runs = 5;
        Map<String, String> variants = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--then" -> then = args[i + 1];
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--fond" -> background = args[i + 1];
                case "--variant" -> {
                    int eq = args[i + 1].indexOf('=');
                    variants.put(args[i + 1].substring(0, eq), args[i + 1].substring(eq + 1));
                }
                default -> throw new IllegalArgumentException("option inconnue " + args[i]);
            }
        }
        if (variants.isEmpty()) variants.put("jvm", "");
        Map<String, List<long[]>> results = new LinkedHashMap<>();
        variants.keySet().forEach(k -> results.put(k, new ArrayList<>()));
        for (int run = 0; run <= runs; run++) {
            for (var v : variants.entrySet()) {
                long[] r = runChild(project, then, background, v.getValue());
                System.err.printf(Locale.ROOT, "%s run %d%s: first %d ms, complete %d ms%s%n", v.getKey(), run,
                        run == 0 ? " (warm-up)" : "", r[0], r[1],
                        then == null ? "" : ", open→image " + r[2] + " ms, open→pixels " + r[3] + " ms");
                if (run > 0) results.get(v.getKey()).add(r);
            }
        }
        System.out.printf(Locale.ROOT, "%-12s %14s %16s %16s %16s%n", "variant", "launch→first", "launch→complete",
                then == null ? "" : "open→image", then == null ? "" : "open→pixels");
        for (var e : results.entrySet()) {
            System.out.printf(Locale.ROOT, "%-12s %11d ms %13d ms %16s %16s%n", e.getKey(), median(e.getValue(), 0),
                    median(e.getValue(), 1), then == null ? "" : median(e.getValue(), 2) + " ms",
                    then == null ? "" : median(e.getValue(), 3) + " ms");
        }
    }

    private static long median(List<long[]> rows, int col) {
        long[] v = rows.stream().mapToLong(r -> r[col]).sorted().toArray();
        return v.length == 0 ? -1 : v[v.length / 2];
    }

    /** One fresh JVM: milliseconds from its start to first image, to complete map, and P2's open→image. */
    private static long[] runChild(String project, String then, String background, String jvmOptions) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (!jvmOptions.isBlank()) cmd.addAll(Arrays.asList(jvmOptions.trim().split("\\s+")));
        cmd.add("-Datlas.background=" + background);
        if (!cmd.contains("-cp")) { // a variant may bring its own jar (an older build)
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
        }
        cmd.add(DesktopStartBench.class.getName());
        cmd.add("--child");
        cmd.add(project);
        if (then != null) cmd.add(then);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        long start = System.currentTimeMillis();
        Process p = pb.start();
        long[] out = {-1, -1, -1, -1};
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(" ");
                if (f[0].equals("first")) out[0] = Long.parseLong(f[1]) - start;
                if (f[0].equals("complete")) out[1] = Long.parseLong(f[1]) - start;
                if (f[0].equals("then")) out[2] = Long.parseLong(f[1]);
                if (f[0].equals("pixels")) out[3] = Long.parseLong(f[1]);
                if (f[0].equals("done")) break;
            }
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
        return out;
    }

    /** Whether every layer of the project has arrived (loaded, or failed with its message). */
    private static boolean complete(LoadedProject p) {
        return p != null && p.layers().stream().allMatch(l -> l.data() != null || l.error() != null);
    }

    private static void child(String[] args) {
        Locale.setDefault(Locale.FRANCE);
        Path file = Path.of(args[1]).toAbsolutePath();
        Path then = args.length > 2 ? Path.of(args[2]).toAbsolutePath() : null;
        try {
            ProjectPreload.start(file); // as AtlasApp.main: the project is read while JavaFX starts
        } catch (NoClassDefFoundError older) {
            // a build from before the preload (a variant run against an older jar)
        }
        Platform.startup(() -> {
            if (Boolean.getBoolean("atlas.startTrace")) System.err.printf("fx up %d ms%n", System.currentTimeMillis() - START);
            Stage stage = new Stage();
            AtlasApp app = AtlasApp.showOn(stage, Optional.of(file));
            long[] firstShown = {0};
            long[] thenOpened = {0};
            boolean[] pixelsTold = {false};
            if (Boolean.getBoolean("atlas.startTrace")) {
                app.viewModel().projectProperty().addListener((o, a, p) -> System.err.printf("project %d ms: %d of %d layers in%n",
                        System.currentTimeMillis() - START,
                        p.layers().stream().filter(l -> l.data() != null || l.error() != null).count(), p.layers().size()));
            }
            app.mapView().setRenderObserver(new MapView.RenderObserver() {
                private void trace(String what) {
                    if (Boolean.getBoolean("atlas.startTrace")) {
                        System.err.printf("render %s %d ms (%s)%n", what, System.currentTimeMillis() - START,
                                app.viewModel().viewportProperty().get());
                    }
                }

                @Override
                public void requested() {
                    trace("requested");
                }

                @Override
                public void started() {
                    trace("started");
                }

                @Override
                public void cancelled() {
                    trace("cancelled");
                }

                @Override
                public void skipped() {
                    trace("skipped");
                }

                @Override
                public void finished(long nanos) {
                    if (Boolean.getBoolean("atlas.startTrace")) {
                        System.err.printf("render finished %d ms, took %d ms%n", System.currentTimeMillis() - START, nanos / 1_000_000);
                    }
                }

                /** P2's first image on screen, finished or still being drawn. */
                private void pixels() {
                    LoadedProject p = app.viewModel().project();
                    if (thenOpened[0] > 0 && !pixelsTold[0] && complete(p) && p.file().toAbsolutePath().equals(then)) {
                        pixelsTold[0] = true;
                        long t0 = thenOpened[0];
                        onNextFrame(() -> System.out.println("pixels " + (System.nanoTime() - t0) / 1_000_000));
                    }
                }

                @Override
                public void partial(fr.bassinminier.atlas.render.Viewport view) {
                    trace("partial image");
                    pixels();
                }

                @Override
                public void landed(fr.bassinminier.atlas.render.Viewport view) {
                    pixels();
                    LoadedProject p = app.viewModel().project();
                    if (Boolean.getBoolean("atlas.startTrace")) {
                        System.err.printf("landed %d ms: %d of %d layers in%n", System.currentTimeMillis() - START,
                                p.layers().stream().filter(l -> l.data() != null || l.error() != null).count(),
                                p.layers().size());
                    }
                    if (firstShown[0] == 0) {
                        firstShown[0] = 1;
                        onNextFrame(() -> System.out.println("first " + System.currentTimeMillis()));
                    }
                    if (thenOpened[0] == 0 && complete(p) && p.file().toAbsolutePath().equals(file)) {
                        thenOpened[0] = -1;
                        onNextFrame(() -> {
                            System.out.println("complete " + System.currentTimeMillis());
                            if (then == null) {
                                finish();
                                return;
                            }
                            thenOpened[0] = System.nanoTime();
                            app.window().openProject(then);
                        });
                    } else if (thenOpened[0] > 0 && complete(p) && p.file().toAbsolutePath().equals(then)) {
                        long t0 = thenOpened[0];
                        thenOpened[0] = -2;
                        onNextFrame(() -> {
                            System.out.println("then " + (System.nanoTime() - t0) / 1_000_000);
                            finish();
                        });
                    }
                }
            });
        });
    }

    private static void finish() {
        System.out.println("done");
        System.out.flush();
        System.exit(0); // (not halt: a class-data archive asked for with -XX:ArchiveClassesAtExit is written at exit)
    }

    /** Runs {@code r} at the next pulse: the image set on the scene is then drawn. */
    private static void onNextFrame(Runnable r) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames < 2) return;
                stop();
                r.run();
            }
        }.start();
    }
}
