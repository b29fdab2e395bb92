package fr.bassinminier.atlas.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.render.Viewport;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window on the demo map (under Xvfb in CI). */
@ExtendWith(ApplicationExtension.class)
class AtlasWindowTest {
    private AtlasApp app;

    @BeforeAll
    static void needsADisplay() {
        WindowTests.needDisplay();
    }

    /**
     * A copy of the demo (maps/ and styles/) per test: the records database the window creates
     * beside the project then stays in a temporary folder.
     */
    static Path demoCopy() throws java.io.IOException {
        Path src = Path.of(System.getProperty("atlas.projectDir", "."), "src", "test", "resources", "legacy-demo");
        Path dir = java.nio.file.Files.createTempDirectory("atlas-demo");
        for (String sub : new String[] {"maps", "styles"}) {
            try (var files = java.nio.file.Files.walk(src.resolve(sub))) {
                for (Path p : files.toList()) {
                    if (p.getFileName().toString().contains(".records.sqlite")) continue;
                    Path to = dir.resolve(src.relativize(p).toString());
                    if (java.nio.file.Files.isDirectory(p)) java.nio.file.Files.createDirectories(to);
                    else java.nio.file.Files.copy(p, to);
                }
            }
        }
        return dir.resolve("maps").resolve("bassin-minier.atlas.json");
    }

    @Start
    void start(Stage stage) throws Exception {
        app = AtlasApp.showOn(stage, Optional.of(demoCopy()));
    }

    private Image waitForMap() throws Exception {
        // The map drawn, and the records opened (their status message comes after the render's).
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.mapView().currentImage() != null
                && app.window().records().progressProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return app.mapView().currentImage();
    }

    @Test
    void opensTheDemoMapAndDrawsIt(FxRobot robot) throws Exception {
        Image img = waitForMap();
        assertNotNull(img);
        assertEquals(7, app.viewModel().project().layers().size());
        assertTrue(app.viewModel().project().layers().stream().allMatch(ProjectLayer::isLoaded));
        // Not blank: some pixel differs from the background.
        var r = img.getPixelReader();
        int bg = r.getArgb(1, 1);
        boolean drawn = false;
        for (int y = 0; y < img.getHeight() && !drawn; y += 3) {
            for (int x = 0; x < img.getWidth() && !drawn; x += 3) drawn = r.getArgb(x, y) != bg;
        }
        assertTrue(drawn, "the map image is blank");
        assertTrue(robot.lookup(".indicative").queryLabeled().isVisible());
        assertTrue(FxThread.read(() -> robot.lookup(".indicative").queryLabeled().getText()).contains("indicatives"));
    }

    @Test
    void wheelAndKeysZoomAndTheScaleFollows(FxRobot robot) throws Exception {
        waitForMap();
        Viewport before = app.viewModel().viewportProperty().get();
        robot.clickOn(app.mapView());
        robot.type(KeyCode.ADD);
        WaitForAsyncUtils.waitForFxEvents();
        Viewport after = app.viewModel().viewportProperty().get();
        assertEquals(before.resolution() / 1.5, after.resolution(), 1e-6);
        assertTrue(app.viewModel().scaleTextProperty().get().startsWith("1:"));
        robot.drag(app.mapView()).dropBy(100, 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.viewModel().viewportProperty().get().centerX() < after.centerX(), "dragging right moves the map east");
    }

    @Test
    void uncheckingALayerHidesIt(FxRobot robot) throws Exception {
        waitForMap();
        javafx.scene.Node cell = robot.lookup(".tree-cell")
                .match(n -> "cites".equals(((javafx.scene.control.TreeCell<?>) n).getItem())).query();
        robot.clickOn(cell.lookup(".check-box"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(app.viewModel().project().layers().stream().filter(l -> l.entry().id().equals("cites"))
                .findFirst().orElseThrow().entry().visible());
    }


    @Test
    void searchingAlouettesShowsTheCiteRecordWithItsDwellings(FxRobot robot) throws Exception {
        waitForMap();
        robot.clickOn(".search-field").write("alouettes bully");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        String panel = app.window().sidePanel().shownText();
        assertTrue(panel.contains("Cité des Alouettes"), panel);
        assertTrue(panel.contains("804"), panel);
        assertTrue(panel.contains("livrée"), panel);
        assertTrue(panel.contains("Bully-les-Mines"), panel);
        assertEquals(1, app.viewModel().highlighted().size());
        assertTrue(app.viewModel().viewportProperty().get().ground()
                .contains(app.viewModel().highlighted().get(0).geometry().getEnvelopeInternal()));
    }

    @Test
    void clickingACiteIdentifiesIt(FxRobot robot) throws Exception {
        waitForMap();
        var cite = app.viewModel().project().layer("cites").orElseThrow().data().features().stream()
                .filter(f -> "Cité des Genettes".equals(f.get("nom"))).findFirst().orElseThrow();
        robot.interact(() -> app.viewModel().zoomTo(cite.geometry().getEnvelopeInternal()));
        var c = org.locationtech.jts.algorithm.InteriorPointArea.getInteriorPoint(cite.geometry());
        var px = app.viewModel().viewportProperty().get().toScreen(c.x, c.y);
        var screen = app.mapView().localToScreen(px.getX(), px.getY());
        robot.clickOn(screen.getX(), screen.getY());
        WaitForAsyncUtils.waitForFxEvents();
        String panel = app.window().sidePanel().shownText();
        assertTrue(panel.contains("Cité des Genettes"), panel);
        assertTrue(panel.contains("618"), panel);
    }

    @Test
    void typingAScaleChangesTheView(FxRobot robot) throws Exception {
        waitForMap();
        robot.doubleClickOn(".scale-field");
        robot.eraseText(20).write("1:25 000");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(25000, app.viewModel().viewportProperty().get().scaleDenominator(), 1);
    }

    @Test
    void addedDataLandsOnTopInLambert93AndSavingKeepsIt(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        waitForMap();
        Path data = dir.resolve("Projet de la rue.geojson");
        java.nio.file.Files.writeString(data, """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"nom":"Parcelle"},
                 "geometry":{"type":"Polygon","coordinates":[[[2.83,50.43],[2.84,50.43],[2.84,50.44],[2.83,50.43]]]}}]}""");
        robot.interact(() -> app.window().addData(data));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.viewModel().project().layer("projet-de-la-rue").isPresent());
        var added = app.viewModel().project().layers().get(0);
        assertEquals("projet-de-la-rue", added.entry().id());
        assertTrue(added.data().bounds().getMinX() > 600000, "reprojected to Lambert-93");
        assertTrue(app.viewModel().dirtyProperty().get());
        Path saved = dir.resolve("mon-projet.atlas.json");
        robot.interact(() -> app.window().saveTo(saved));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.viewModel().dirtyProperty().get());
        var reopened = fr.bassinminier.atlas.io.project.ProjectLoader.open(saved);
        assertTrue(reopened.errors().isEmpty(), reopened.errors().toString());
        assertEquals(8, reopened.layers().size());
        assertEquals("projet-de-la-rue", reopened.layers().get(0).entry().id());
    }

    @Test
    void aBrokenFileIsExplainedAndTheMapKeepsWorking(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        waitForMap();
        Path bad = dir.resolve("casse.geojson");
        java.nio.file.Files.writeString(bad, "{\"type\":\"FeatureCollection\",\"features\":[");
        robot.interact(() -> app.window().addData(bad));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> app.viewModel().statusTextProperty().get().contains("casse.geojson"));
        assertTrue(app.viewModel().statusTextProperty().get().contains("JSON invalide"),
                app.viewModel().statusTextProperty().get());
        assertEquals(7, app.viewModel().project().layers().size());
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void editingACiteRecordIsSavedWithItsHistory(FxRobot robot) throws Exception {
        waitForMap();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.window().records().progressProperty().get() != null);
        int before = app.window().records().progressProperty().get().total().programmed();
        robot.clickOn(".search-field").write("hauts pres lallaing");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(".edit-record");
        WaitForAsyncUtils.waitForFxEvents();
        robot.lookup(".combo-box").queryAll().stream().filter(n -> n.getScene() != app.mapView().getScene())
                .findFirst().ifPresent(n -> robot.interact(() -> ((javafx.scene.control.ComboBox<String>) n)
                        .setValue("travaux en cours")));
        robot.interact(() -> ((javafx.scene.control.TextField) robot.lookup(".editor-note").query())
                .setText("Tranche 1 démarrée"));
        robot.clickOn("Enregistrer");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> app.window().records().progressProperty().get().total().inWorks() == 89);
        assertEquals(before - 89, app.window().records().progressProperty().get().total().programmed());
        var cite = app.window().records().snapshotProperty().get().cites().stream()
                .filter(c -> c.name().contains("Hauts Pr")).findFirst().orElseThrow();
        assertEquals("Tranche 1 démarrée", cite.note());
        // The map follows the records: the cité's feature now carries the new state, so its colour changes.
        WaitForAsyncUtils.waitForFxEvents();
        var feature = app.viewModel().project().layer("cites").orElseThrow().data().features().stream()
                .filter(f -> f.text("nom").contains("Hauts Pr")).findFirst().orElseThrow();
        assertEquals("travaux en cours", feature.get("statut_renovation"));
        assertFalse(app.viewModel().dirtyProperty().get(), "derived states do not make the project unsaved");
        var history = app.window().records().history(cite.id());
        assertTrue(history.stream().anyMatch(h -> "note".equals(h.field()) && "Tranche 1 démarrée".equals(h.newValue())),
                history.toString());
    }

    @Test
    void aFootprintDrawnInAPropertyComponentIsReportedInside(FxRobot robot) throws Exception {
        waitForMap();
        var component = app.viewModel().project().layer("bien-inscrit").orElseThrow().data().features().get(0);
        var c = org.locationtech.jts.algorithm.InteriorPointArea.getInteriorPoint(component.geometry());
        List<java.awt.geom.Point2D> square = List.of(new java.awt.geom.Point2D.Double(c.x - 5, c.y - 5),
                new java.awt.geom.Point2D.Double(c.x + 5, c.y - 5), new java.awt.geom.Point2D.Double(c.x + 5, c.y + 5),
                new java.awt.geom.Point2D.Double(c.x - 5, c.y + 5));
        robot.interact(() -> app.window().impact().checkDrawn(square));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !app.window().impact().answerText().isBlank());
        WaitForAsyncUtils.waitForFxEvents();
        String answer = app.window().impact().answerText();
        assertTrue(answer.contains(component.text("nom")), answer);
        assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("indicative"), "demo data is flagged: " + answer);
        assertTrue(app.viewModel().highlighted().size() >= 2, "footprint and component highlighted");
    }

    @Test
    void thePrintPreviewFollowsThePaperSize(FxRobot robot) throws Exception {
        waitForMap();
        PrintWindow[] w = new PrintWindow[1];
        robot.interact(() -> {
            w[0] = new PrintWindow(app.mapView().getScene().getWindow(), app.viewModel(), null, app.window().tasks());
            w[0].show();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> w[0].previewImage() != null);
        double a3 = w[0].previewImage().getWidth();
        robot.interact(() -> w[0].setPage("A4"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> w[0].previewImage().getWidth() < a3 * 0.8);
        // A3 landscape is √2 wider than A4 landscape: the preview is drawn at the page's own size.
        assertEquals(Math.sqrt(2), a3 / w[0].previewImage().getWidth(), 0.02);
    }
}
