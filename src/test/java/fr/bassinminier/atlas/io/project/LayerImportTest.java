package fr.bassinminier.atlas.io.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.Dataset;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.PrintTemplate;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerImportTest {
    @TempDir
    Path dir;

    @Test
    void addedLayersLandInLambert93WithADefaultLook() throws Exception {
        Path f = dir.resolve("Mes cités.geojson");
        Files.writeString(f, """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"nom":"x"},
                 "geometry":{"type":"Point","coordinates":[2.833,50.432]}}]}""");
        Dataset ds = LayerImport.open(f);
        List<ProjectLayer> ls = LayerImport.toProjectLayers(ds, null, CrsId.LAMBERT_93);
        assertEquals(1, ls.size());
        ProjectLayer l = ls.get(0);
        assertTrue(l.isLoaded());
        assertEquals("mes-cites", l.entry().id());
        assertEquals(LayerImport.ADDED_GROUP, l.entry().group());
        assertEquals(CrsId.LAMBERT_93, l.data().crs());
        assertEquals(688117.0, l.data().features().get(0).geometry().getCoordinate().x, 1.0);
    }

    @Test
    void unknownCrsIsRefusedWithAFrenchMessage() throws Exception {
        Path f = dir.resolve("inconnu.geojson");
        Files.writeString(f, """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"LOCAL:chantier"}},
                 "features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}}]}""");
        List<ProjectLayer> ls = LayerImport.toProjectLayers(LayerImport.open(f), Set.of("inconnu"), CrsId.LAMBERT_93);
        assertFalse(ls.get(0).isLoaded());
        assertTrue(ls.get(0).error().contains("système de coordonnées inconnu"), ls.get(0).error());
    }

    @Test
    void saveAsRewritesSourcesRelativeToTheNewPlace() throws Exception {
        LoadedProject p = ProjectLoader.open(Path.of(System.getProperty("atlas.projectDir", "."), "maps",
                DemoProject.FILE));
        Path target = dir.resolve("copie").resolve("demo" + ProjectFile.EXTENSION);
        LoadedProject saved = LayerImport.saveAs(p, target);
        LoadedProject reopened = ProjectLoader.open(target);
        assertTrue(reopened.errors().isEmpty(), reopened.errors().toString());
        assertEquals(p.layers().size(), reopened.layers().size());
        List<String> sizes = new ArrayList<>();
        for (int i = 0; i < p.layers().size(); i++) {
            assertEquals(p.layers().get(i).data().size(), reopened.layers().get(i).data().size());
            sizes.add(saved.layers().get(i).entry().source());
        }
        assertTrue(sizes.stream().allMatch(s -> s.startsWith("../")), sizes.toString());
    }
    @Test
    void saveAsKeepsThePrintTemplatesWithTheirLogoFound() throws Exception {
        Path src = dir.resolve("a").resolve("carte" + ProjectFile.EXTENSION);
        Files.createDirectories(src.getParent());
        ProjectFile.write(src, new fr.bassinminier.atlas.model.project.MapProject("Carte", CrsId.LAMBERT_93,
                new org.locationtech.jts.geom.Envelope(0, 1, 0, 1), List.of(), List.of(), null));
        var affiche = new PrintTemplate("affiche", "A0", false, 15, "Réunion publique", null, null, null,
                "logo.png", true, false, 10000);
        ProjectFile.writePrintTemplates(src, List.of(PrintTemplate.defaults("Carte"), affiche));
        Path target = dir.resolve("b").resolve("copie" + ProjectFile.EXTENSION);
        LayerImport.saveAs(ProjectLoader.open(src), target);
        List<PrintTemplate> kept = ProjectFile.readPrintTemplates(target);
        assertEquals(List.of("défaut", "affiche"), kept.stream().map(PrintTemplate::name).toList(),
                "« Enregistrer sous… » used to drop them");
        assertEquals("A0", kept.get(1).page());
        assertEquals(10000, kept.get(1).scale());
        // The logo sits beside the old file: the copy still finds it.
        assertEquals("../a/logo.png", kept.get(1).logo());
        // Saving the copy again keeps them too.
        LayerImport.saveAs(ProjectLoader.open(target), target);
        assertEquals(2, ProjectFile.readPrintTemplates(target).size());
    }
}
