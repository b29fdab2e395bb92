package fr.bassinminier.atlas.cli;

import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.Formats;
import fr.bassinminier.atlas.io.project.ProjectFile;
import fr.bassinminier.atlas.io.synthetic.FootprintGenerator;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.Bookmark;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.LayerStyle;
import fr.bassinminier.atlas.model.project.MapProject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `atlas generate footprints --count N --out FILE`: synthetic data for load tests. */
@Command(name = "generate", sortOptions = false,
        description = {"Génère des données synthétiques pour les essais de charge.",
                "footprints : emprises de bâtiments fictives (rectangles et L de 6 à 25 m, par îlots le long "
                        + "de rues, autour de Lens), en Lambert-93, avec les attributs id, usage et hauteur."})
final class GenerateCommand implements Callable<Integer> {
    enum Kind { footprints }

    @Parameters(index = "0", paramLabel = "GENRE", description = "Genre de données : ${COMPLETION-CANDIDATES}.")
    Kind kind;

    @Option(names = "--count", defaultValue = "500000", paramLabel = "N",
            description = "Nombre d'emprises (défaut : ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--out", required = true, paramLabel = "FICHIER",
            description = "Fichier à écrire : .gpkg (GeoPackage) ou .geojson.")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Graine : mêmes options, même fichier (défaut : ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--center", paramLabel = "X,Y",
            description = "Centre en Lambert-93, en mètres (défaut : Lens, 688100,7037200).")
    String center;

    @Option(names = "--project", paramLabel = "PROJET.atlas.json",
            description = "Écrit aussi un projet de carte qui affiche la couche (avec des vues au 1:25 000 et au 1:5 000).")
    Path project;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (count < 1 || count > 20_000_000) {
            err.println("Erreur : --count doit être compris entre 1 et 20 000 000.");
            return 2;
        }
        double cx = FootprintGenerator.LENS_X;
        double cy = FootprintGenerator.LENS_Y;
        if (center != null) {
            String[] xy = center.split(",");
            try {
                if (xy.length != 2) throw new NumberFormatException();
                cx = Double.parseDouble(xy[0].trim());
                cy = Double.parseDouble(xy[1].trim());
            } catch (NumberFormatException e) {
                err.println("Erreur : --center attend X,Y en mètres Lambert-93, par exemple 688100,7037200.");
                return 2;
            }
        }
        if (project != null && !ProjectFile.isProjectFile(project)) {
            err.println("Erreur : --project doit se terminer par " + ProjectFile.EXTENSION + ".");
            return 2;
        }
        long t0 = System.nanoTime();
        VectorLayer layer = FootprintGenerator.generate(count, seed, cx, cy);
        long t1 = System.nanoTime();
        try {
            Formats.write(out, List.of(layer));
        } catch (DataException e) {
            err.println("Erreur : " + e.getMessage());
            return 1;
        }
        long t2 = System.nanoTime();
        stdout.printf(Locale.ROOT, "%d emprises générées en %.1f s ; %s écrit en %.1f s (%.1f Mo)%n", layer.size(),
                (t1 - t0) / 1e9, out.getFileName(), (t2 - t1) / 1e9, size(out) / 1e6);
        if (project != null) {
            try {
                ProjectFile.write(project, project(layer, cx, cy));
            } catch (DataException e) {
                err.println("Erreur : " + e.getMessage());
                return 1;
            }
            stdout.println("projet : " + project);
        }
        return 0;
    }

    private MapProject project(VectorLayer layer, double cx, double cy) {
        Path dir = project.toAbsolutePath().getParent();
        String source = dir.relativize(out.toAbsolutePath()).toString().replace('\\', '/');
        LayerStyle style = new LayerStyle("#d9c4a6", 1, "#8a6d4b", 0.6, null, 6, null);
        LayerEntry e = new LayerEntry("batiments", "Bâtiments (synthétiques)", "Essais", source, null, true, 1, style,
                null, "Données synthétiques générées par atlas generate", true,
                layer.size() + " emprises fictives, graine " + seed + ".");
        return new MapProject("Essai de charge : " + layer.size() + " bâtiments synthétiques", CrsId.LAMBERT_93,
                layer.bounds(), List.of(e), List.of(view("Lens 1:25 000", cx, cy, 25_000), view("Lens 1:5 000", cx, cy, 5_000)),
                null);
    }

    /** The ground a 1920×1080 screen shows at this scale (0.28 mm pixels), centred on (x, y). */
    private static Bookmark view(String name, double x, double y, double scale) {
        double res = scale * 0.00028;
        return new Bookmark(name, new Envelope(x - 960 * res, x + 960 * res, y - 540 * res, y + 540 * res));
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
