package fr.bassinminier.atlas.cli;

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
@Command(name = "official-data", sortOptions = false,
        description = {"Construit le GeoPackage Lambert-93 de la carte par défaut à partir des données officielles "
                + "ouvertes (Mission Bassin Minier, services de l'État ; Licence Ouverte 2.0).",
                "Le dossier source est organisé comme ../shared/geodata (unesco/, terrils/, cites-minieres/, erbm/, "
                        + "zone-tampon/, puits/, communes/)."})
final class OfficialDataCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "DOSSIER", description = "Dossier des données officielles.")
    Path from;

    @Option(names = "--out", required = true, paramLabel = "FICHIER.gpkg", description = "GeoPackage à écrire.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            OfficialData.Result r = OfficialData.build(from, out);
            o.println("Écrit : " + r.file());
            for (OfficialData.Built b : r.layers()) {
                o.printf("  %-24s %6d entités  ← %s%n", b.name(), b.features(), b.files());
            }
            for (String n : r.notes()) o.println("  " + n);
            return 0;
        } catch (DataException e) {
            err.println("Erreur : " + e.getMessage());
            return 1;
        }
    }
}
