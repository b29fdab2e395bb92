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
import java.util.List;
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
    void defaultProjectIsTheOfficialDataWithProvenancePerLayer() throws Exception {
        LoadedProject p = ProjectLoader.open(demo());
        assertTrue(p.errors().isEmpty(), p.errors().toString());
        Set<String> ids = p.layers().stream().map(l -> l.entry().id()).collect(Collectors.toSet());
        assertTrue(ids.containsAll(Set.of("bien-inscrit", "zone-tampon", "cites", "terrils", "bulles", "parcs", "batis",
                "puits", "communes", "epci", "bassin-minier")), ids.toString());
        assertEquals(109, p.layer("bien-inscrit").orElseThrow().data().size());
        for (ProjectLayer l : p.layers()) {
            assertEquals(CrsId.LAMBERT_93, l.data().crs(), l.entry().id());
            assertTrue(l.data().size() > 0, l.entry().id());
            assertNull(l.styleError(), l.entry().id());
            assertNotNull(l.entry().credit(), l.entry().id() + " names its source");
            // Only what has no open source is indicative, and it says what it was drawn from.
            boolean authored = Set.of("bulles", "parcs").contains(l.entry().id());
            assertEquals(authored, l.entry().indicative(), l.entry().id());
            if (!authored) {
                assertEquals("Licence Ouverte / Etalab 2.0", l.entry().provenance().licence(), l.entry().id());
                assertTrue(l.entry().provenance().simplified(), l.entry().id());
                assertNotNull(l.entry().provenance().date(), l.entry().id());
                assertTrue(l.entry().source().endsWith(".gpkg"), l.entry().id());
            }
            var b = l.data().bounds();
            assertTrue(b.getMinX() > 620000 && b.getMaxX() < 770000 && b.getMinY() > 6980000 && b.getMaxY() < 7090000,
                    l.entry().id() + " " + b);
        }
        // The mark names the indicative layers shown, and goes when they are hidden.
        assertEquals(List.of("Lignes BHNS « Bulles »", "Chaîne des Parcs"), p.indicativeShown());
        var hidden = p.withLayers(p.layers().stream().map(l -> l.entry().indicative()
                ? l.withEntry(l.entry().withVisible(false)) : l).toList());
        assertTrue(hidden.indicativeShown().isEmpty());
    }

    @Test
    void aLegacyProjectLevelIndicativeFlagDecidesNothing() throws Exception {
        Path f = dir.resolve("ancien" + ProjectFile.EXTENSION);
        java.nio.file.Files.writeString(f, "{\"atlas_project\": 1, \"indicative\": true, \"notice\": \"x\","
                + " \"layers\": [{\"id\": \"a\", \"source\": \"a.geojson\"}]}");
        MapProject p = ProjectFile.read(f);
        assertFalse(p.layers().get(0).indicative());
        ProjectFile.write(f, p);
        assertFalse(java.nio.file.Files.readString(f).contains("\"indicative\""));
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
