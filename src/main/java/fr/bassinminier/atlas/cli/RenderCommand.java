package fr.bassinminier.atlas.cli;

import fr.bassinminier.atlas.io.AtomicFiles;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.render.ImageRenderer;
import fr.bassinminier.atlas.render.RenderOptions;
import fr.bassinminier.atlas.render.Viewport;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `atlas render PROJECT --out map.png`: the map as an image, with the same renderer as the screen. */
@Command(name = "render", sortOptions = false,
        description = "Dessine un projet de carte dans une image PNG.")
final class RenderCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJET", description = "Projet de carte (*.atlas.json) ou couche WFS "
            + "« wfs:https://…/wfs?typeName=espace:couche&bbox=minx,miny,maxx,maxy ».")
    Path project;

    @Option(names = "--out", required = true, paramLabel = "FICHIER.png", description = "Image PNG à écrire.")
    Path out;

    @Option(names = "--width", defaultValue = "1920", paramLabel = "L", description = "Largeur en pixels (défaut : ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "1080", paramLabel = "H", description = "Hauteur en pixels (défaut : ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--bbox", paramLabel = "minx,miny,maxx,maxy", description = "Emprise à dessiner (défaut : vue initiale du projet).")
    String bbox;

    @Option(names = "--crs", paramLabel = "EPSG:CODE", description = "Système de coordonnées de --bbox (défaut : celui du projet, EPSG:2154).")
    String crs;

    @picocli.CommandLine.Mixin
    WfsCli.ServiceOptions services = new WfsCli.ServiceOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (width <= 0 || height <= 0 || (long) width * height > 200_000_000L) {
            err.println("Erreur : taille d'image invalide " + width + "×" + height + ".");
            return 2;
        }
        long t0 = System.nanoTime();
        LoadedProject p = WfsCli.isWfs(project) ? WfsCli.project(project.toString(), services, err)
                : AtlasCommand.loadProject(project, err);
        if (p == null) return 1;
        long tLoaded = System.nanoTime();
        Envelope extent = p.initialExtent();
        if (bbox != null) {
            try {
                extent = parseBbox(bbox, crs == null ? p.project().crs() : new CrsId(crs.trim(), null), p.project().crs());
            } catch (IllegalArgumentException e) {
                err.println("Erreur : --bbox " + e.getMessage());
                return 2;
            }
        }
        if (extent == null || extent.isNull()) {
            err.println("Erreur : le projet n'a aucune couche chargée, rien à dessiner.");
            return 1;
        }
        Viewport vp = Viewport.fit(extent, width, height);
        BufferedImage img = new ImageRenderer().render(p, vp, ImageRenderer.optionsFor(p, RenderOptions.SCREEN), () -> false);
        long tRendered = System.nanoTime();
        try {
            AtomicFiles.write(out, o -> {
                if (!ImageIO.write(img, "png", o)) throw new java.io.IOException("aucun encodeur PNG");
            });
        } catch (DataException e) {
            err.println("Erreur : " + e.getMessage());
            return 1;
        }
        stdout.printf(Locale.FRANCE, "%s écrit (%d×%d, échelle 1:%,.0f) — chargement %d ms, rendu %d ms%n", out, width, height,
                vp.scaleDenominator(), (tLoaded - t0) / 1_000_000, (tRendered - tLoaded) / 1_000_000);
        return 0;
    }

    static Envelope parseBbox(String text, CrsId from, CrsId to) {
        String[] parts = text.split(",");
        if (parts.length != 4) throw new IllegalArgumentException("attend quatre nombres séparés par des virgules.");
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("« " + parts[i].trim() + " » n'est pas un nombre.");
            }
        }
        if (v[0] >= v[2] || v[1] >= v[3]) throw new IllegalArgumentException("minx < maxx et miny < maxy attendus.");
        if (!CrsTransforms.isSupported(from)) throw new IllegalArgumentException("système de coordonnées « " + from + " » inconnu.");
        var t = CrsTransforms.between(from, to);
        Envelope e = new Envelope();
        // Transform corners and edge midpoints: a box in degrees is not a box in metres.
        for (double fx = 0; fx <= 1; fx += 0.5) {
            for (double fy = 0; fy <= 1; fy += 0.5) {
                double[] p = t.apply(v[0] + fx * (v[2] - v[0]), v[1] + fy * (v[3] - v[1]));
                e.expandToInclude(p[0], p[1]);
            }
        }
        return e;
    }
}
