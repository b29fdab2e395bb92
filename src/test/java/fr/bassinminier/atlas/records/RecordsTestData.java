package fr.bassinminier.atlas.records;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Shared fixtures: small records, and a copy of the demo project in a temporary folder. */
public final class RecordsTestData {
    private RecordsTestData() {
    }

    public static Path repo() {
        return Path.of(System.getProperty("atlas.projectDir", "."));
    }

    /** The demo map project and its data, copied so that tests never create files in the repository. */
    public static Path copyDemo(Path dir) throws IOException {
        Path maps = repo().resolve("maps");
        Path target = dir.resolve("maps");
        Files.createDirectories(target.resolve("data"));
        Files.copy(maps.resolve("bassin-minier.atlas.json"), target.resolve("bassin-minier.atlas.json"));
        try (var files = Files.list(maps.resolve("data"))) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.endsWith(".geojson") || n.endsWith(".json") || n.endsWith(".gpkg")) Files.copy(f, target.resolve("data").resolve(n));
            }
        }
        return target.resolve("bassin-minier.atlas.json");
    }

    public static Cite chateau() {
        return new Cite("c-1", "7", "Cité du Château", List.of(new Commune("Lens", "62498"), Commune.named("Liévin")),
                "CALL", List.of(new Owner("Maisons et Cités", 400), new Owner("SIA", 205)), 605, UnescoStatus.INSCRIT,
                Set.of(Programme.ERBM, Programme.FEDER), "ERBM ; « lot 3 », dit \"le grand\"",
                List.of(new FeatureLink("cites", "t1-7")), "Note sur deux lignes ;\nseconde ligne", "Rapport 2016");
    }
}
