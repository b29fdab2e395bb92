package fr.bassinminier.atlas.cli;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.project.OfficialData;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `atlas official-data --from DIR --out FILE.gpkg`: rebuilds the default map's GeoPackage from the
 * official open data, so the shipped copy can be redone by anyone (Licence Ouverte).
 */
@Command(name = "official-data", sortOptions = false)
final class OfficialDataCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "${bundle:cli.label.folder}", descriptionKey = "cli.OfficialDataCommand.from")
    Path from;

    @Option(names = "--out", required = true, paramLabel = "${bundle:cli.label.gpkgFile}", descriptionKey = "cli.OfficialDataCommand.out")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            OfficialData.Result r = OfficialData.build(from, out);
            o.println(Localization.text("cli.written", r.file()));
            for (OfficialData.Built b : r.layers()) {
                o.printf(Localization.get("cli.features2"), b.name(), b.features(), b.files());
            }
            for (String n : r.notes()) o.println("  " + n);
            return 0;
        } catch (DataException e) {
            err.println(Localization.text("cli.error", e.getMessage()));
            return 1;
        }
    }
}
