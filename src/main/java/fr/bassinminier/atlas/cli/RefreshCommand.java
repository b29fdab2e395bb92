package fr.bassinminier.atlas.cli;

import fr.bassinminier.atlas.l10n.Localization;
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
@Command(name = "refresh", sortOptions = false)
final class RefreshCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "${bundle:cli.label.file}", descriptionKey = "cli.RefreshCommand.param0")
    Path file;

    @Option(names = "--from", required = true, paramLabel = "wfs:URL?typeName=…", descriptionKey = "cli.RefreshCommand.from")
    String from;

    @Option(names = "--key", paramLabel = "${bundle:cli.label.field}", descriptionKey = "cli.RefreshCommand.key")
    String key;

    @Option(names = "--tolerance", defaultValue = "0.5", paramLabel = "${bundle:cli.label.metres}",
            descriptionKey = "cli.RefreshCommand.tolerance")
    double tolerance;

    @Option(names = "--dry-run", descriptionKey = "cli.RefreshCommand.dry-run")
    boolean dryRun;

    @Option(names = "--project", paramLabel = "${bundle:cli.label.project}", descriptionKey = "cli.RefreshCommand.project")
    Path project;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "${bundle:cli.label.seconds}", descriptionKey = "cli.RefreshCommand.timeout")
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
            if (source.typeName() == null) throw new IllegalArgumentException(Localization.get("cli.missingTypenameTypenameSpace"));
            if (timeout < 1 || timeout > 3600) throw new IllegalArgumentException(Localization.get("cli.timeoutBetweenS"));
        } catch (IllegalArgumentException e) {
            err.println(Localization.text("cli.error", e.getMessage()));
            return 2;
        }
        VectorLayer before;
        try {
            Dataset ds = Formats.read(file);
            if (ds.layers().size() != 1) {
                err.println(Localization.text("cli.errorHoldsLayersUpdate", file.getFileName(), ds.layers().size()));
                return 1;
            }
            before = ds.layers().get(0);
        } catch (DataException e) {
            err.println(Localization.text("cli.error", e.getMessage()));
            return 1;
        }
        WfsClient.Result fresh;
        try {
            // no cache here: the point is the service's current state
            fresh = source.load(source.client(new HttpService(Duration.ofSeconds(timeout))));
        } catch (ServiceException e) {
            err.println(Localization.text("cli.error", e.getMessage()));
            err.println(Localization.text("cli.changed", file.getFileName()));
            return 1;
        }
        VectorLayer after = likeBefore(fresh.layer(), before);
        LayerDiff diff;
        try {
            diff = LayerDiff.compare(before, after, key, tolerance);
        } catch (IllegalArgumentException e) {
            err.println(Localization.text("cli.error", e.getMessage()));
            return 2;
        }
        out.println("Source : " + source + " (" + fresh.layer().size() + " objets, " + fresh.pages() + " page"
                + (fresh.pages() > 1 ? "s" : "") + ")");
        out.println(Localization.text("cli.changesKey", diff.key(), diff.summary()));
        list(out, Localization.get("cli.added"), diff.added());
        list(out, Localization.get("cli.removed"), diff.removed());
        list(out, Localization.get("cli.changed2"), diff.modified());
        if (dryRun) {
            out.println(Localization.text("cli.dryRunDryRun2", file.getFileName()));
            return 0;
        }
        if (diff.isEmpty()) {
            out.println(Localization.text("cli.changeUpDate", file.getFileName(), Localization.today()));
            return dateInProject(out, err);
        }
        try {
            Formats.write(file, List.of(after));
        } catch (DataException e) {
            err.println(Localization.text("cli.error", e.getMessage()));
            return 1;
        }
        out.println(Localization.text("cli.updated", file.getFileName(), Localization.today(), source.endpoint().getHost()));
        return dateInProject(out, err);
    }

    /** The copy checked against its source today: the project's layers reading the file say so in their provenance. */
    private int dateInProject(PrintWriter out, PrintWriter err) {
        if (project == null) return 0;
        String today = Localization.today().toString();
        try {
            List<String> ids = fr.bassinminier.atlas.io.project.ProjectFile.setCopyDate(project, file, today);
            if (ids.isEmpty()) {
                err.println(Localization.text("cli.warningLayerReadsProvenance", project.getFileName(), file.getFileName()));
            } else {
                out.println(Localization.text("cli.provenanceDated", today, project.getFileName(), String.join(", ", ids)));
            }
            return 0;
        } catch (DataException e) {
            err.println(Localization.text("cli.error", e.getMessage()));
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
