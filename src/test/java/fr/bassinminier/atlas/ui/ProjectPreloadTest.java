package fr.bassinminier.atlas.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.project.ProjectFile;
import fr.bassinminier.atlas.io.project.ProjectLoader;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.MapProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The project read from main at launch gives the window what reading it there would have given. */
class ProjectPreloadTest {
    @BeforeAll
    static void french() {
        Messages.useLocale(Locale.FRANCE);
    }

    @Test
    void takenOnceAndOnlyByTheOpeningOfItsFile() throws Exception {
        Path project = AtlasWindowTest.demoCopy();
        ProjectPreload pre = ProjectPreload.start(project);
        assertNull(ProjectPreload.take(project.resolveSibling("autre.atlas.json")));
        // The same file however it is named (the launcher gives a relative path).
        assertSame(pre, ProjectPreload.take(project.getParent().resolve(".").resolve(project.getFileName())));
        assertNull(ProjectPreload.take(project), "a second opening reads the file again");
        pre.project();
    }

    @Test
    void givesTheLayersTheWindowWouldHaveOpened() throws Exception {
        Path project = AtlasWindowTest.demoCopy();
        ProjectPreload pre = ProjectPreload.start(project);
        MapProject read = ProjectFile.read(project);
        assertEquals(read.layers().size(), pre.project().layers().size());
        for (LayerEntry e : read.layers()) {
            ProjectLayer mine = ProjectLoader.openLayer(read, project, e, new HashMap<>(), MainWindow.STREAM_FROM_BYTES);
            ProjectLayer preloaded = pre.layer(e);
            assertEquals(e.id(), preloaded.entry().id());
            assertTrue(preloaded.isLoaded(), e.id());
            assertEquals(mine.data().size(), preloaded.data().size(), e.id());
            assertEquals(mine.style() == null, preloaded.style() == null, e.id());
            assertSame(preloaded, pre.layerIfOpened(e));
        }
    }

    @Test
    void aProjectFileThatCannotBeReadFailsWithItsMessage() throws Exception {
        Path dir = Files.createTempDirectory("atlas-preload");
        Path broken = dir.resolve("cassé.atlas.json");
        Files.writeString(broken, "{ \"atlas_project\": 1, \"layers\": [", StandardCharsets.UTF_8);
        ProjectPreload pre = ProjectPreload.start(broken);
        DataException ex = assertThrows(DataException.class, pre::project);
        assertTrue(ex.getMessage().contains("cassé.atlas.json"), ex.getMessage());
        assertNull(pre.projectIfRead());
    }

    @Test
    void aLayerThatCannotBeReadArrivesWithItsMessage() throws Exception {
        Path dir = Files.createTempDirectory("atlas-preload");
        Files.writeString(dir.resolve("casse.geojson"), "pas du GeoJSON", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("essai.atlas.json"), """
                {"atlas_project": 1, "title": "Essai", "crs": "EPSG:2154",
                 "layers": [{"id": "casse", "title": "Couche illisible", "source": "casse.geojson", "visible": true,
                             "opacity": 1.0, "style": {"fill": "#ff0000"}}]}
                """, StandardCharsets.UTF_8);
        ProjectPreload pre = ProjectPreload.start(dir.resolve("essai.atlas.json"));
        ProjectLayer l = pre.layer(pre.project().layers().get(0));
        assertNotNull(l.error());
        assertTrue(l.error().contains("Couche illisible") || l.error().contains("casse.geojson"), l.error());
    }
}
