package fr.bassinminier.atlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.Formats;
import fr.bassinminier.atlas.io.project.ProjectLoader;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.LoadedProject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesAGeoPackageAndAProjectThatOpensIt() throws Exception {
        Path gpkg = dir.resolve("big.gpkg");
        Path project = dir.resolve("big.atlas.json");
        CliTest.Result r = CliTest.run("generate", "footprints", "--count", "2000", "--out", gpkg.toString(),
                "--seed", "3", "--center", "700000,7000000", "--project", project.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2000 emprises"), r.out());
        VectorLayer l = Formats.read(gpkg).layers().get(0);
        assertEquals(2000, l.size());
        assertEquals("EPSG:2154", l.crs().code());
        assertTrue(l.schema().indexOf("usage") >= 0 && l.schema().indexOf("hauteur") >= 0);
        LoadedProject p = ProjectLoader.open(project);
        assertTrue(p.errors().isEmpty(), p.errors().toString());
        assertEquals(2000, p.layers().get(0).data().size());
        assertEquals(2, p.project().bookmarks().size());
        assertTrue(Files.size(gpkg) > 0);
    }

    @Test
    void helpIsFrenchAndBadOptionsAreRefused() {
        assertTrue(CliTest.run("generate", "--help").out().contains("emprises de bâtiments"));
        assertEquals(2, CliTest.run("generate", "footprints", "--count", "0", "--out", dir.resolve("x.gpkg").toString()).code());
        assertEquals(2, CliTest.run("generate", "footprints", "--center", "abc", "--out", dir.resolve("x.gpkg").toString()).code());
        assertEquals(2, CliTest.run("generate", "trees", "--out", dir.resolve("x.gpkg").toString()).code());
    }
}
