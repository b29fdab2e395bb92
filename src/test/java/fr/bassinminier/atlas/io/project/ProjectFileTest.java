package fr.bassinminier.atlas.io.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.MapProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFileTest {
    @TempDir
    Path dir;

    static Path demo() {
        return Path.of(System.getProperty("atlas.projectDir", "."), "maps", DemoProject.FILE);
    }

    @Test
    void demoProjectLoadsAllSixThemesInLambert93() throws Exception {
        LoadedProject p = ProjectLoader.open(demo());
        assertTrue(p.errors().isEmpty(), p.errors().toString());
        assertTrue(p.project().indicative());
        assertNotNull(p.project().notice());
        Set<String> ids = p.layers().stream().map(l -> l.entry().id()).collect(Collectors.toSet());
        assertEquals(Set.of("reperes", "bulles", "cites", "terrils", "parcs", "bien-inscrit", "zone-tampon"), ids);
        for (ProjectLayer l : p.layers()) {
            assertEquals(CrsId.LAMBERT_93, l.data().crs(), l.entry().id());
            assertTrue(l.data().size() > 0, l.entry().id());
            assertTrue(l.entry().indicative(), l.entry().id());
            assertNotNull(l.style(), l.entry().id() + " has its SLD style");
            assertNull(l.styleError(), l.entry().id());
            // Every demo layer lies in the basin (Lambert-93 box around Béthune – Valenciennes).
            var b = l.data().bounds();
            assertTrue(b.getMinX() > 620000 && b.getMaxX() < 770000 && b.getMinY() > 6980000 && b.getMaxY() < 7080000,
                    l.entry().id() + " " + b);
        }
    }

    @Test
    void writeThenReadKeepsEverything() throws Exception {
        MapProject p = ProjectFile.read(demo());
        Path copy = dir.resolve("copie" + ProjectFile.EXTENSION);
        ProjectFile.write(copy, p);
        MapProject back = ProjectFile.read(copy);
        assertEquals(p.title(), back.title());
        assertEquals(p.layers().size(), back.layers().size());
        for (int i = 0; i < p.layers().size(); i++) {
            var a = p.layers().get(i);
            var b = back.layers().get(i);
            assertEquals(a.id(), b.id());
            assertEquals(a.source(), b.source());
            assertEquals(a.style().fill(), b.style().fill());
            assertEquals(a.style().hatch(), b.style().hatch());
        }
        assertEquals(p.initialExtent(), back.initialExtent());
        assertEquals(p.bookmarks().get(0).extent(), back.bookmarks().get(0).extent());
    }

    @Test
    void missingLayerFileKeepsTheRestOfTheMap() throws Exception {
        Files.writeString(dir.resolve("ok.geojson"), """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
                 "geometry":{"type":"Point","coordinates":[2.83,50.43]}}]}""");
        Path proj = dir.resolve("p" + ProjectFile.EXTENSION);
        Files.writeString(proj, """
                {"atlas_project":1,"title":"t","crs":"EPSG:2154","layers":[
                 {"id":"a","title":"Absente","source":"absent.geojson"},
                 {"id":"b","title":"Présente","source":"ok.geojson"}]}""");
        LoadedProject p = ProjectLoader.open(proj);
        assertFalse(p.layers().get(0).isLoaded());
        assertTrue(p.layers().get(0).error().contains("absent.geojson"), p.layers().get(0).error());
        assertTrue(p.layers().get(1).isLoaded());
        assertNull(p.layers().get(1).error());
    }

    @Test
    void newerFormatIsRefusedClearly() throws Exception {
        Path proj = dir.resolve("futur" + ProjectFile.EXTENSION);
        Files.writeString(proj, "{\"atlas_project\":99,\"layers\":[]}");
        DataException e = assertThrows(DataException.class, () -> ProjectFile.read(proj));
        assertTrue(e.getMessage().contains("version plus récente"), e.getMessage());
    }

    @Test
    void duplicateLayerIdsAreRefused() throws Exception {
        Path proj = dir.resolve("d" + ProjectFile.EXTENSION);
        Files.writeString(proj, "{\"atlas_project\":1,\"layers\":[{\"id\":\"a\",\"source\":\"x\"},{\"id\":\"a\",\"source\":\"y\"}]}");
        DataException e = assertThrows(DataException.class, () -> ProjectFile.read(proj));
        assertTrue(e.getMessage().contains("en double"), e.getMessage());
    }

    @Test
    void aBrokenSldFallsBackToTheSimpleStyleAndSaysWhy() throws Exception {
        Files.writeString(dir.resolve("ok.geojson"), """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
                 "geometry":{"type":"Point","coordinates":[2.83,50.43]}}]}""");
        Files.writeString(dir.resolve("casse.sld"), "<StyledLayerDescriptor><NamedLayer>");
        Path proj = dir.resolve("p" + ProjectFile.EXTENSION);
        Files.writeString(proj, """
                {"atlas_project":1,"title":"t","crs":"EPSG:2154","layers":[
                 {"id":"b","title":"Points","source":"ok.geojson","sld":"casse.sld"}]}""");
        LoadedProject p = ProjectLoader.open(proj);
        ProjectLayer l = p.layers().get(0);
        assertTrue(l.isLoaded());
        assertNull(l.style());
        assertTrue(l.styleError().contains("casse.sld"), l.styleError());
        assertEquals(1, p.errors().size());
    }
}
