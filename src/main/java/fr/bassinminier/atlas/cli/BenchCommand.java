package fr.bassinminier.atlas.cli;

import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.render.ImageRenderer;
import fr.bassinminier.atlas.render.RenderOptions;
import fr.bassinminier.atlas.render.Viewport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `atlas bench PROJECT`: load and render timings, so that speed claims rest on printed figures. */
@Command(name = "bench", sortOptions = false,
        description = "Mesure le chargement d'un projet et le rendu de sa vue initiale (médiane et p95).")
final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJET", description = "Projet de carte (*.atlas.json).")
    Path project;

    @Option(names = "--width", defaultValue = "1920", description = "Largeur en pixels (défaut : ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "1080", description = "Hauteur en pixels (défaut : ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--runs", defaultValue = "30", description = "Rendus mesurés après échauffement (défaut : ${DEFAULT-VALUE}).")
    int runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (runs < 1 || width < 1 || height < 1) {
            spec.commandLine().getErr().println("Erreur : --runs, --width et --height doivent être positifs.");
            return 2;
        }
        long t0 = System.nanoTime();
        LoadedProject p = AtlasCommand.loadProject(project, spec.commandLine().getErr());
        if (p == null) return 1;
        double loadMs = (System.nanoTime() - t0) / 1e6;
        Viewport vp = Viewport.fit(p.initialExtent(), width, height);
        RenderOptions opts = ImageRenderer.optionsFor(p, RenderOptions.SCREEN);
        ImageRenderer r = new ImageRenderer();
        long t1 = System.nanoTime();
        r.render(p, vp, opts, () -> false);
        double firstMs = (System.nanoTime() - t1) / 1e6;
        for (int i = 0; i < Math.min(runs, 10); i++) r.render(p, vp, opts, () -> false);
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            r.render(p, vp, opts, () -> false);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        int features = p.layers().stream().filter(l -> l.isLoaded()).mapToInt(l -> l.data().size()).sum();
        out.printf(Locale.ROOT, "projet: %s (%d couches, %d entités)%n", project.getFileName(), p.layers().size(), features);
        out.printf(Locale.ROOT, "chargement: %.1f ms%n", loadMs);
        out.printf(Locale.ROOT, "premier rendu %dx%d: %.1f ms%n", width, height, firstMs);
        out.printf(Locale.ROOT, "rendu (%d mesures): médiane %.1f ms, p95 %.1f ms, min %.1f ms%n", runs,
                ms[runs / 2], ms[Math.min(runs - 1, (int) Math.ceil(runs * 0.95) - 1)], ms[0]);
        return 0;
    }
}
