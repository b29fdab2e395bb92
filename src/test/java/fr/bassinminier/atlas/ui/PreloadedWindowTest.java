package fr.bassinminier.atlas.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.render.Viewport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window opened as the launcher opens it, on a project read (and its layers opened) from main
 * while JavaFX started: the project is in place with its layers before the window is shown (the
 * first render already under way), a layer that failed there is told in the dialog as usual, the
 * others are drawn, and the records colour the cités.
 */
@ExtendWith(ApplicationExtension.class)
class PreloadedWindowTest {
    private static final int BACKGROUND = fr.bassinminier.atlas.render.RenderRequest.SCREEN_BACKGROUND.getRGB() & 0xFFFFFF;
    private AtlasApp app;
    /** The project and the view the window had when its construction ended, before any FX turn. */
    private LoadedProject atShow;
    private Viewport viewAtShow;

    @BeforeAll
    static void display() {
        WindowTests.needDisplay();
        System.setProperty("atlas.background", "aucun");
    }

    @Start
    void start(Stage stage) throws Exception {
        Path project = AtlasWindowTest.demoCopy();
        Files.writeString(project.resolveSibling("casse.geojson"), "pas du GeoJSON", StandardCharsets.UTF_8);
        String json = Files.readString(project, StandardCharsets.UTF_8).replaceFirst("\"layers\": \\[", """
                "layers": [{"id": "casse", "title": "Couche illisible", "source": "casse.geojson", "visible": true,
                            "opacity": 1.0, "style": {"fill": "#ff0000"}},""");
        Files.writeString(project, json, StandardCharsets.UTF_8);
        ProjectPreload pre = ProjectPreload.start(project);
        // Every layer opened before the window is built, as on a warm start.
        for (LayerEntry e : pre.project().layers()) pre.layer(e);
        app = AtlasApp.showOn(stage, Optional.of(project));
        atShow = app.viewModel().project();
        viewAtShow = app.viewModel().viewport();
    }

    @Test
    void theProjectIsInPlaceBeforeTheWindowShowsAndDrawsAsUsual() throws Exception {
        assertNotNull(atShow, "the project is set while the window is built");
        assertTrue(atShow.layers().stream().noneMatch(ProjectLayer::isPending), "with every layer already opened");
        assertEquals(8, atShow.layers().size());
        assertNotNull(viewAtShow, "framed on the map's laid-out size");
        assertTrue(viewAtShow.width() >= 400 && viewAtShow.height() >= 400, viewAtShow.toString());
        // The unreadable layer is told in a dialog; the others are drawn.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane d
                        && d.getContentText() != null && d.getContentText().contains("Couche illisible")));
        assertNotNull(app.viewModel().project().layer("casse").orElseThrow().error());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.mapView().currentImage() != null
                && app.window().records().progressProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        int drawn = WaitForAsyncUtils.asyncFx(() -> {
            Image img = app.mapView().currentImage();
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            int[] px = new int[w * h];
            img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
            int n = 0;
            for (int p : px) if ((p & 0xFFFFFF) != BACKGROUND && (p & 0xFFFFFF) != 0xFF0000) n++;
            return n;
        }).get();
        assertTrue(drawn > 10_000, drawn + " pixels drawn");
        // The records are open and give the cités their renovation state.
        var cites = app.viewModel().project().layer("cites").orElseThrow().data();
        assertTrue(cites.schema().indexOf(RecordsViewModel.STATUS_FIELD) >= 0);
        assertTrue(cites.features().stream().anyMatch(f -> f.get(RecordsViewModel.STATUS_FIELD) != null));
    }
}
