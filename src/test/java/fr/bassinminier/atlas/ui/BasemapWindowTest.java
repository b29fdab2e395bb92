package fr.bassinminier.atlas.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.testsupport.TestTileServer;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window over Plan IGN gris from a local WMTS: tiles arrive after the vector map and are
 * drawn as they come; a failing server leaves one discreet note and the map. With
 * -Datlas.screenshots=DIR the window is saved as DIR/window-plan-ign.png.
 */
@ExtendWith(ApplicationExtension.class)
class BasemapWindowTest {
    private static TestTileServer server;
    private AtlasApp app;

    @BeforeAll
    static void serve() throws Exception {
        WindowTests.needDisplay();
        server = new TestTileServer();
        System.setProperty("atlas.wmts.url", server.endpoint());
        System.setProperty("atlas.background", "plan-ign-gris");
        System.setProperty("atlas.cacheDir", Files.createTempDirectory("atlas-tiles").toString());
    }

    @AfterAll
    static void stop() {
        System.setProperty("atlas.background", "aucun");
        System.clearProperty("atlas.wmts.url");
        if (server != null) server.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        app = AtlasApp.showOn(stage, Optional.of(AtlasWindowTest.demoCopy()));
    }

    /** Waits until the tiles stop coming and the last render with them has landed. */
    private void waitForTiles() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.mapView().currentImage() != null
                && app.mapView().basemap() != null && !server.tileRequests().isEmpty());
        int seen = -1;
        for (int i = 0; i < 100 && seen != server.tileRequests().size(); i++) {
            seen = server.tileRequests().size();
            Thread.sleep(600);
        }
        Thread.sleep(800);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void planIgnGreyUnderTheDemoMap(FxRobot robot) throws Exception {
        waitForTiles();
        assertEquals("© IGN – Plan IGN v2", app.mapView().attributionText());
        assertEquals(null, app.mapView().tileProblemText());
        Image img = app.mapView().currentImage();
        PixelReader r = img.getPixelReader();
        int grey = 0;
        int beige = 0;
        for (int y = 0; y < (int) img.getHeight(); y += 5) {
            for (int x = 0; x < (int) img.getWidth(); x += 5) {
                int p = r.getArgb(x, y) & 0xffffff;
                int red = p >> 16;
                int green = (p >> 8) & 0xff;
                int blue = p & 0xff;
                if (red == green && green == blue) grey++;
                if (p == 0xF4F1EA) beige++;
            }
        }
        // Grey tiles everywhere the layers leave room; the plain beige background nowhere.
        assertTrue(grey > 500, "pixels gris : " + grey);
        assertEquals(0, beige, "fond beige visible");
        String dir = System.getProperty("atlas.screenshots");
        if (dir != null) save(robot, Path.of(dir).resolve("window-plan-ign.png"));
    }

    @Test
    void aFailingServerLeavesOneNoteAndTheMap(FxRobot robot) throws Exception {
        waitForTiles();
        server.setMode(TestTileServer.Mode.SERVER_ERROR);
        robot.interact(() -> app.viewModel().zoom(4));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.mapView().tileProblemText() != null);
        String note = app.mapView().tileProblemText();
        assertTrue(note.contains("HTTP 500"), note);
        assertTrue(note.startsWith("Fond de plan « Plan IGN gris »"), note);
        assertNotNull(app.mapView().currentImage());
        assertEquals(1, app.mapView().basemap().problemsTold());
        server.setMode(TestTileServer.Mode.OK);
    }

    private void save(FxRobot robot, Path file) throws Exception {
        Image shot = robot.interact(() -> app.mapView().getScene().snapshot(null)) == null ? null : null;
        javafx.scene.image.WritableImage[] holder = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> holder[0] = app.mapView().getScene().snapshot(null));
        Image s = shot != null ? shot : holder[0];
        int w = (int) s.getWidth();
        int h = (int) s.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pr = s.getPixelReader();
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out.setRGB(x, y, pr.getArgb(x, y));
        Files.createDirectories(file.getParent());
        ImageIO.write(out, "png", file.toFile());
    }
}
