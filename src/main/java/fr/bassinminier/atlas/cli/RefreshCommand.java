package fr.bassinminier.atlas.cli;

import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.Dataset;
import fr.bassinminier.atlas.io.Formats;
import fr.bassinminier.atlas.io.HttpService;
import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.io.wfs.LayerDiff;
import fr.bassinminier.atlas.io.wfs.WfsClient;
import fr.bassinminier.atlas.io.wfs.WfsSource;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.VectorLayer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * `atlas refresh FILE --from wfs:…`: an official layer brought up to date from its source WFS
 * (the Mission Bassin Minier's), with what changed. The whole layer is downloaded first, every
 * page; only then is the file replaced, atomically — a download that fails half-way leaves it as it was.
 */
@Command(name = "refresh", sortOptions = false,
        description = {"Met à jour une couche officielle depuis son service WFS (Mission Bassin Minier) et résume ce "
                + "qui a changé : objets ajoutés, supprimés, modifiés.",
                "Exemple : atlas refresh maps/data/terrils.geojson --from "
                        + "\"wfs:https://www.geo2france.fr/geoserver/mission_bassin_minier/ows?typeName=mission_bassin_minier:zt_terrils\""})
final class RefreshCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FICHIER", description = "La couche à mettre à jour (GeoJSON, GeoPackage, shapefile).")
    Path file;

    @Option(names = "--from", required = true, paramLabel = "wfs:URL?typeName=…", description = "La couche source sur le service WFS.")
    String from;

    @Option(names = "--key", paramLabel = "CHAMP", description = "Champ identifiant les objets (défaut : id_unesco, "
            + "no_element, id_lsm, no_terril, id… le premier présent et unique).")
    String key;

    @Option(names = "--tolerance", defaultValue = "0.5", paramLabel = "MÈTRES",
            description = "Écart de géométrie en deçà duquel un objet est inchangé (défaut : ${DEFAULT-VALUE} m).")
    double tolerance;

    @Option(names = "--dry-run", description = "Résume les changements sans écrire le fichier.")
    boolean dryRun;

    @Option(names = "--project", paramLabel = "PROJET", description = "Projet dont les couches lisant ce fichier prennent "
            + "la date de la nouvelle copie dans leur provenance.")
    Path project;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDES", description = "Délai d'attente du service (défaut : ${DEFAULT-VALUE} s).")
    int timeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WfsSource source;
        try {
            source = WfsSource.parse(from);
            if (source.typeName() == null) throw new IllegalArgumentException("--from : typeName manquant (…?typeName=espace:couche).");
            if (timeout < 1 || timeout > 3600) throw new IllegalArgumentException("--timeout entre 1 et 3 600 s.");
        } catch (IllegalArgumentException e) {
            err.println("Erreur : " + e.getMessage());
            return 2;
        }
        VectorLayer before;
        try {
            Dataset ds = Formats.read(file);
            if (ds.layers().size() != 1) {
                err.println("Erreur : « " + file.getFileName() + " » contient " + ds.layers().size()
                        + " couches ; la mise à jour porte sur un fichier d'une couche.");
                return 1;
            }
            before = ds.layers().get(0);
        } catch (DataException e) {
            err.println("Erreur : " + e.getMessage());
            return 1;
        }
        WfsClient.Result fresh;
        try {
            // no cache here: the point is the service's current state
            fresh = source.load(source.client(new HttpService(Duration.ofSeconds(timeout))));
        } catch (ServiceException e) {
            err.println("Erreur : " + e.getMessage());
            err.println("« " + file.getFileName() + " » n'a pas été modifié.");
            return 1;
        }
        VectorLayer after = likeBefore(fresh.layer(), before);
        LayerDiff diff;
        try {
            diff = LayerDiff.compare(before, after, key, tolerance);
        } catch (IllegalArgumentException e) {
            err.println("Erreur : " + e.getMessage());
            return 2;
        }
        out.println("Source : " + source + " (" + fresh.layer().size() + " objets, " + fresh.pages() + " page"
                + (fresh.pages() > 1 ? "s" : "") + ")");
        out.println("Changements (clé « " + diff.key() + " ») : " + diff.summary());
        list(out, "ajoutés", diff.added());
        list(out, "supprimés", diff.removed());
        list(out, "modifiés", diff.modified());
        if (dryRun) {
            out.println("Simulation (--dry-run) : « " + file.getFileName() + " » n'a pas été modifié.");
            return 0;
        }
        if (diff.isEmpty()) {
            out.println("Aucun changement : « " + file.getFileName() + " » est à jour (" + LocalDate.now() + ").");
            return dateInProject(out, err);
        }
        try {
            Formats.write(file, List.of(after));
        } catch (DataException e) {
            err.println("Erreur : " + e.getMessage());
            return 1;
        }
        out.println("« " + file.getFileName() + " » mis à jour le " + LocalDate.now() + " depuis " + source.endpoint().getHost() + ".");
        return dateInProject(out, err);
    }

    /** The copy checked against its source today: the project's layers reading the file say so in their provenance. */
    private int dateInProject(PrintWriter out, PrintWriter err) {
        if (project == null) return 0;
        String today = LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString();
        try {
            List<String> ids = fr.bassinminier.atlas.io.project.ProjectFile.setCopyDate(project, file, today);
            if (ids.isEmpty()) {
                err.println("Attention : aucune couche de « " + project.getFileName() + " » ne lit « " + file.getFileName()
                        + " » ; provenance inchangée.");
            } else {
                out.println("Provenance datée du " + today + " dans « " + project.getFileName() + " » : "
                        + String.join(", ", ids) + ".");
            }
            return 0;
        } catch (DataException e) {
            err.println("Erreur : " + e.getMessage());
            return 1;
        }
    }

    private static void list(PrintWriter out, String what, List<String> keys) {
        if (keys.isEmpty()) return;
        int shown = Math.min(keys.size(), 20);
        out.println("  " + what + " : " + String.join(", ", keys.subList(0, shown))
                + (keys.size() > shown ? " … (+" + (keys.size() - shown) + ")" : ""));
    }

    /** The downloaded layer under the kept name, its fields named as the kept file names them (NOM → nom). */
    static VectorLayer likeBefore(VectorLayer fresh, VectorLayer before) {
        List<Field> fields = new ArrayList<>();
        for (Field f : fresh.schema().fields()) {
            String name = before.schema().fields().stream().map(Field::name).filter(n -> n.equalsIgnoreCase(f.name()))
                    .findFirst().orElse(f.name());
            fields.add(new Field(name, f.type(), f.length(), f.decimals()));
        }
        Schema schema = new Schema(fields);
        List<Feature> features = new ArrayList<>(fresh.size());
        for (Feature f : fresh.features()) {
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) values[i] = f.get(i);
            features.add(new Feature(f.id(), f.geometry(), schema, values));
        }
        return new VectorLayer(before.name(), fresh.geometryType(), fresh.crs(), schema, features);
    }
}
