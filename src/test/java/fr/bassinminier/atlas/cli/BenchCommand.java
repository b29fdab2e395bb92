package fr.bassinminier.atlas.cli;

import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.render.ImageRenderer;
import fr.bassinminier.atlas.render.RenderRequest;
import fr.bassinminier.atlas.render.Viewport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `atlas bench PROJECT`: load and render timings, so that speed claims rest on printed figures. */
@Command(name = "bench", sortOptions = false,
        description = {"Mesure le chargement d'un projet et le rendu de sa vue initiale (médiane et p95).",
                "Avec --views : un tableau par vue (étendue complète, échelles) et par densité de pixels, "
                        + "avec le temps d'arrêt d'un rendu annulé."})
final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJET", description = "Projet de carte (*.atlas.json).")
    Path project;

    @Option(names = "--width", defaultValue = "1920", description = "Largeur en pixels (défaut : ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "1080", description = "Hauteur en pixels (défaut : ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--runs", defaultValue = "30", description = "Rendus mesurés après échauffement (défaut : ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--views", split = ",", paramLabel = "VUE",
            description = "Vues à mesurer : « full » (étendue du projet ou --extent) et/ou des dénominateurs "
                    + "d'échelle (25000, 5000), centrés sur --center.")
    List<String> views;

    @Option(names = "--extent", paramLabel = "minx,miny,maxx,maxy",
            description = "Étendue de la vue « full » (défaut : vue initiale du projet).")
    String extent;

    @Option(names = "--center", paramLabel = "X,Y",
            description = "Centre des vues à échelle donnée (défaut : centre de la vue initiale).")
    String center;

    @Option(names = "--pixel-ratio", split = ",", paramLabel = "R", defaultValue = "1",
            description = "Densités de pixels (2 = écran HiDPI : image deux fois plus grande, même échelle) ; "
                    + "défaut : ${DEFAULT-VALUE}.")
    List<Double> pixelRatios;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (runs < 1 || width < 1 || height < 1) {
            err.println("Erreur : --runs, --width et --height doivent être positifs.");
            return 2;
        }
        Envelope full = null;
        double[] c = null;
        try {
            if (extent != null) {
                double[] e = numbers(extent, 4, "--extent");
                full = new Envelope(e[0], e[2], e[1], e[3]);
            }
            if (center != null) c = numbers(center, 2, "--center");
            for (double r : pixelRatios) if (!(r > 0 && r <= 4)) throw new IllegalArgumentException("--pixel-ratio entre 0 et 4.");
            if (views != null) for (String v : views) if (!"full".equals(v)) scale(v);
        } catch (IllegalArgumentException e) {
            err.println("Erreur : " + e.getMessage());
            return 2;
        }
        long t0 = System.nanoTime();
        LoadedProject p = AtlasCommand.loadProject(project, err);
        if (p == null) return 1;
        double loadMs = (System.nanoTime() - t0) / 1e6;
        // A big project is hundreds of megabytes of young objects: promote them now rather than
        // in collection pauses during the first timed renders.
        System.gc();
        if (full == null) full = p.initialExtent();
        if (full == null || full.isNull()) {
            err.println("Erreur : le projet n'a aucune couche chargée, rien à mesurer.");
            return 1;
        }
        int features = p.layers().stream().filter(ProjectLayer::isLoaded).mapToInt(l -> l.data().size()).sum();
        out.printf(Locale.ROOT, "projet: %s (%d couches, %d entités)%n", project.getFileName(), p.layers().size(), features);
        out.printf(Locale.ROOT, "chargement: %.1f ms%n", loadMs);
        if (views == null) {
            initialView(out, p, full);
        } else {
            table(out, p, full, c == null ? new double[] {full.centre().x, full.centre().y} : c);
        }
        return 0;
    }

    private void initialView(PrintWriter out, LoadedProject p, Envelope full) {
        Viewport vp = Viewport.fit(full, width, height);
        RenderRequest req = ImageRenderer.marksFor(p, RenderRequest.of(vp, 1));
        ImageRenderer r = new ImageRenderer();
        long t1 = System.nanoTime();
        r.render(p, req);
        double firstMs = (System.nanoTime() - t1) / 1e6;
        for (int i = 0; i < Math.min(runs, 10); i++) r.render(p, req);
        double[] ms = time(r, p, req, runs);
        out.printf(Locale.ROOT, "premier rendu %dx%d: %.1f ms%n", width, height, firstMs);
        out.printf(Locale.ROOT, "rendu (%d mesures): médiane %.1f ms, p95 %.1f ms, min %.1f ms%n", runs,
                ms[runs / 2], p95(ms), ms[0]);
    }

    /** One line per view and pixel ratio: the views a user pans through, timed as the screen draws them. */
    private void table(PrintWriter out, LoadedProject p, Envelope full, double[] c) {
        ImageRenderer r = new ImageRenderer();
        record Case(String view, double ratio, Viewport logical, Viewport device, RenderRequest req) {
        }
        List<Case> cases = new ArrayList<>();
        for (double ratio : pixelRatios) {
            for (String v : views) {
                // The logical view (what the user sees at this scale), then the device pixels it is drawn on.
                Viewport logical = "full".equals(v) ? Viewport.fit(full, width, height)
                        : new Viewport(c[0], c[1], scale(v) * Viewport.OGC_PIXEL_METRES, width, height);
                Viewport device = new Viewport(logical.centerX(), logical.centerY(), logical.resolution() / ratio,
                        (int) Math.round(width * ratio), (int) Math.round(height * ratio));
                cases.add(new Case(v, ratio, logical, device, ImageRenderer.marksFor(p, RenderRequest.of(device, ratio))));
            }
        }
        Case first = cases.get(0);
        long t = System.nanoTime();
        r.render(p, first.req());
        out.printf(Locale.ROOT, "premier rendu (index spatial compris) %dx%d: %.1f ms%n", first.device().width(),
                first.device().height(), (System.nanoTime() - t) / 1e6);
        // Warm-up: every view once round, then each again before it is timed, so that the first
        // view is not timed while the JIT is still compiling the drawing loops.
        int warm = Math.max(1, Math.min(runs, 10) / 2);
        for (Case k : cases) for (int i = 0; i < warm; i++) r.render(p, k.req());
        List<String[]> rows = new ArrayList<>();
        for (Case k : cases) {
            for (int i = 0; i < warm; i++) r.render(p, k.req());
            double[] ms = time(r, p, k.req(), runs);
            double[] stop = cancelLatency(r, p, k.req(), ms[runs / 2], Math.max(5, runs));
            int inView = 0;
            for (ProjectLayer l : p.layers()) {
                if (l.isLoaded() && l.entry().visible()) inView += l.data().queryIndices(k.device().ground()).length;
            }
            rows.add(new String[] {"full".equals(k.view()) ? "étendue" : "1:" + k.view(),
                    String.format(Locale.ROOT, "1:%.0f", k.logical().scaleDenominator()),
                    fmt(k.ratio()), k.device().width() + "x" + k.device().height(), Integer.toString(inView),
                    fmt(ms[runs / 2]), fmt(p95(ms)), fmt(ms[0]), fmt(stop[stop.length / 2]), fmt(p95(stop)),
                    fmt(stop[stop.length - 1])});
        }
        String[] head = {"vue", "échelle", "ratio", "pixels", "entités", "médiane ms", "p95 ms", "min ms",
                "arrêt méd. ms", "arrêt p95 ms", "arrêt max ms"};
        int[] w = new int[head.length];
        for (int i = 0; i < head.length; i++) {
            w[i] = head[i].length();
            for (String[] row : rows) w[i] = Math.max(w[i], row[i].length());
        }
        out.println("rendus (" + runs + " mesures par vue après échauffement ; « arrêt » = délai entre l'annulation "
                + "et la fin d'un rendu annulé en cours) :");
        for (String[] row : prepend(head, rows)) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                sb.append(i < 2 ? String.format("%-" + w[i] + "s", row[i]) : String.format("%" + w[i] + "s", row[i]));
                if (i < row.length - 1) sb.append("  ");
            }
            out.println(sb);
        }
    }

    private static List<String[]> prepend(String[] head, List<String[]> rows) {
        List<String[]> all = new ArrayList<>();
        all.add(head);
        all.addAll(rows);
        return all;
    }

    private static double[] time(ImageRenderer r, LoadedProject p, RenderRequest req, int runs) {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            r.render(p, req);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    /**
     * How long a render goes on once cancelled, as when the view moves again: a render starts on
     * another thread, is cancelled after a random part of its usual time, and the delay until it
     * gives up is measured.
     */
    private static double[] cancelLatency(ImageRenderer r, LoadedProject p, RenderRequest req, double typicalMs,
                                          int trials) {
        SplittableRandom rnd = new SplittableRandom(1);
        double[] ms = new double[trials];
        for (int i = 0; i < trials; i++) {
            AtomicBoolean cancel = new AtomicBoolean();
            AtomicLong ended = new AtomicLong();
            Thread t = new Thread(() -> {
                try {
                    r.render(p, req.withCancel(cancel::get));
                } catch (CancellationException ignored) {
                    // expected
                }
                ended.set(System.nanoTime());
            }, "bench-render");
            t.start();
            long delayNanos = (long) (rnd.nextDouble(0.05, 0.9) * typicalMs * 1e6);
            long target = System.nanoTime() + delayNanos;
            while (System.nanoTime() < target) Thread.onSpinWait();
            long cancelledAt = System.nanoTime();
            cancel.set(true);
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ms;
            }
            ms[i] = Math.max(0, ended.get() - cancelledAt) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double p95(double[] sorted) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)];
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, v == Math.rint(v) && v < 100 ? "%.0f" : "%.1f", v);
    }

    private static double scale(String v) {
        try {
            double s = Double.parseDouble(v.trim());
            if (!(s >= 1)) throw new NumberFormatException();
            return s;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--views : « " + v + " » n'est ni « full » ni un dénominateur d'échelle.");
        }
    }

    private static double[] numbers(String s, int n, String option) {
        String[] parts = s.split(",");
        if (parts.length != n) throw new IllegalArgumentException(option + " attend " + n + " nombres séparés par des virgules.");
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " : « " + parts[i].trim() + " » n'est pas un nombre.");
            }
        }
        return out;
    }
}
