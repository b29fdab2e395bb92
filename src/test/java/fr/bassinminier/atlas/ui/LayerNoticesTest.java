package fr.bassinminier.atlas.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.MapProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.model.style.Style;
import fr.bassinminier.atlas.style.StyleEditor;
import fr.bassinminier.atlas.style.sld.SldParser;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.concurrent.Task;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.io.WKTReader;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the map leaves out is said where the user looks: SLD elements read but not drawn in the
 * layer's properties and the print window, layers missing from a print with their reason; the
 * style dialog writes its SLD off the FX thread and names the file when it cannot.
 */
@ExtendWith(ApplicationExtension.class)
class LayerNoticesTest {
    private static final Schema SCHEMA = new Schema(List.of(new Field("nom", FieldType.STRING)));
    private final List<String> shown = new CopyOnWriteArrayList<>();
    private TaskRunner runner;

    @BeforeAll
    static void needsADisplay() {
        WindowTests.needDisplay();
    }

    @Start
    void start(Stage stage) {
        runner = new TaskRunner(shown::add);
    }

    @AfterEach
    void close() {
        runner.close();
        Messages.useLocale(Locale.FRENCH);
    }

    private static Style sld(String name) throws Exception {
        try (InputStream in = LayerNoticesTest.class.getResourceAsStream("/sld/" + name)) {
            return SldParser.parse(in, name).style();
        }
    }

    private static ProjectLayer points(String id, String title) throws Exception {
        VectorLayer data = new VectorLayer(id, GeometryType.POINT, CrsId.LAMBERT_93, SCHEMA, List.of(
                new Feature(0, new WKTReader().read("POINT (690000 7050000)"), SCHEMA, new Object[] {"Repère"})));
        LayerEntry e = new LayerEntry(id, title, null, id + ".gpkg", null, true, 1, null, null, null, false, null);
        return ProjectLayer.loaded(e, data);
    }

    private static LoadedProject project(Path file, ProjectLayer... layers) {
        List<LayerEntry> entries = java.util.Arrays.stream(layers).map(ProjectLayer::entry).toList();
        return new LoadedProject(new MapProject("t", CrsId.LAMBERT_93, null, entries, List.of(), null), file,
                List.of(layers));
    }

    @Test
    void propertiesListTheSldElementsNotDrawnInTheUsersLanguage() throws Exception {
        ProjectLayer l = points("reperes", "Repères").withStyle(sld("geoserver-reperes-points.sld"), null);
        Messages.useLocale(Locale.FRENCH);
        String fr = LayerNotices.styleNotDrawn(l);
        assertTrue(fr.startsWith("Éléments du style non dessinés : ") && fr.contains("LabelPlacement")
                && fr.contains("font-family"), fr);
        Messages.useLocale(Locale.ENGLISH);
        String en = LayerNotices.styleNotDrawn(l);
        assertTrue(en.startsWith("Style elements not drawn: ") && en.contains("label placement"), en);
        // A style drawn whole says nothing.
        assertNull(LayerNotices.styleNotDrawn(points("p", "P")));
    }

    @Test
    void thePrintWindowTellsWhichLayersItMissesAndWhy(FxRobot robot) throws Exception {
        Messages.useLocale(Locale.FRENCH);
        ProjectLayer broken = ProjectLayer.failed(new LayerEntry("bati", "Bâti", null, "bati.gpkg", null, true, 1,
                null, null, null, false, null), "bati.gpkg : fichier illisible");
        ProjectLayer styled = points("reperes", "Repères").withStyle(sld("qgis-bulles-tirets.sld"), null);
        ProjectLayer same = points("bulles", "Bulles").withStyle(sld("qgis-bulles-tirets.sld"), null);
        MapViewModel vm = new MapViewModel();
        robot.interact(() -> vm.setProject(project(null, broken, styled, same), 800, 600));
        AtomicReference<PrintWindow> w = new AtomicReference<>();
        robot.interact(() -> {
            w.set(new PrintWindow(null, vm, null, runner));
            w.get().show();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> w.get().previewImage() != null);
        String notices = w.get().layerNotices();
        assertTrue(notices.contains("Couche « Bâti » non dessinée : bati.gpkg : fichier illisible"), notices);
        assertTrue(notices.contains("Non dessiné : décalage de ligne (PerpendicularOffset) : ligne tracée sur la "
                + "géométrie — couches Repères, Bulles"), notices);
        // Once per element, however many layers use it.
        assertEquals(1, notices.split("PerpendicularOffset", -1).length - 1, notices);
        robot.interact(() -> w.get().close());
    }

    @Test
    void theStyleDialogWritesItsSldOffTheFxThreadAndTheLayerUsesIt(FxRobot robot, @TempDir Path dir) throws Exception {
        ProjectLayer l = points("reperes", "Repères");
        MapViewModel vm = new MapViewModel();
        robot.interact(() -> vm.setProject(project(dir.resolve("carte.atlas.json"), l), 800, 600));
        StyleEditor spec = new StyleEditor("#336699", 1.5, 0.8, "nom", 0, null);
        AtomicReference<Task<Style>> task = new AtomicReference<>();
        robot.interact(() -> task.set(StyleDialog.apply(vm, l, spec, runner)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> task.get().isDone());
        WaitForAsyncUtils.waitForFxEvents();
        Path sld = dir.resolve("styles/reperes.sld");
        assertTrue(Files.readString(sld).contains("#336699"), "SLD written");
        ProjectLayer now = vm.project().layer("reperes").orElseThrow();
        assertEquals("styles/reperes.sld", now.entry().sld());
        assertTrue(now.style() != null && now.style() == FxThread.read(() -> task.get().getValue()), "the layer uses the new style");
        assertEquals(List.of(), shown);
    }

    @Test
    void aStyleThatCannotBeWrittenIsReportedNamingItsFile(FxRobot robot, @TempDir Path dir) throws Exception {
        Messages.useLocale(Locale.FRENCH);
        Files.writeString(dir.resolve("styles"), "un fichier là où le dossier des styles irait");
        ProjectLayer l = points("reperes", "Repères");
        MapViewModel vm = new MapViewModel();
        robot.interact(() -> vm.setProject(project(dir.resolve("carte.atlas.json"), l), 800, 600));
        robot.interact(() -> StyleDialog.apply(vm, l, new StyleEditor("#336699", 1, 1, null, 0, null), runner));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !shown.isEmpty());
        assertTrue(shown.get(0).contains("reperes.sld"), shown.get(0));
        assertTrue(shown.get(0).matches("(?s).*[éèàç].*|.*impossible.*"), "in French: " + shown.get(0));
        assertNull(vm.project().layer("reperes").orElseThrow().entry().sld(), "the layer keeps its style");
    }
}
