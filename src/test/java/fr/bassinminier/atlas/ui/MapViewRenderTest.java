package fr.bassinminier.atlas.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.project.ProjectLoader;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.render.Viewport;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The map control alone on the demo map: renders wait for the end of a gesture, and land whole. */
@ExtendWith(ApplicationExtension.class)
class MapViewRenderTest {
    private MapViewModel vm;
    private MapView map;
    private final RenderCounters counters = new RenderCounters();
    private LoadedProject project;

    @BeforeAll
    static void needsADisplay() {
        WindowTests.needDisplay();
    }

    @Start
    void start(Stage stage) throws Exception {
        project = ProjectLoader.open(fr.bassinminier.atlas.analysis.TestProjects.legacyDemo());
        vm = new MapViewModel();
        map = new MapView(vm);
        map.setRenderObserver(counters);
        stage.setScene(new Scene(map, 640, 400));
        stage.show();
        vm.setProject(project, 640, 400);
    }

    private void waitForView(Viewport v) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> v.equals(counters.lastLandedView()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aGestureIsRenderedOnceItPausesAndTheImageShowsItsView(FxRobot robot) throws Exception {
        waitForView(vm.viewportProperty().get());
        RenderCounters c = counters;
        long landed = c.landedCount();
        long skipped = c.skippedCount();
        // Ten steps in a row, as a drag sends them: only the last view needs a render.
        robot.interact(() -> {
            for (int i = 0; i < 10; i++) vm.pan(12, -5);
        });
        Viewport end = vm.viewportProperty().get();
        waitForView(end);
        // Requests scheduled to wait longer than the last one are skipped when their time comes.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> c.skippedCount() + c.startedCount() == c.requestedCount());
        assertTrue(c.skippedCount() - skipped >= 8, "superseded renders skipped: " + (c.skippedCount() - skipped));
        assertEquals(landed + 1, c.landedCount(), "one image for the gesture");

        Image img = map.currentImage();
        double ratio = map.getScene().getWindow().getOutputScaleX();
        assertEquals(Math.round(end.width() * ratio), Math.round(img.getWidth()));
        assertEquals(Math.round(end.height() * ratio), Math.round(img.getHeight()));
        int bg = img.getPixelReader().getArgb(0, 0);
        assertEquals(0xFF, bg >>> 24, "opaque background");
        boolean drawn = false;
        for (int y = 0; y < img.getHeight() && !drawn; y += 3) {
            for (int x = 0; x < img.getWidth() && !drawn; x += 3) drawn = img.getPixelReader().getArgb(x, y) != bg;
        }
        assertTrue(drawn, "the map image is blank");

        // The status counts what the render drew, as the layers' queries count it.
        Viewport device = new Viewport(end.centerX(), end.centerY(), end.resolution() / ratio,
                (int) Math.round(end.width() * ratio), (int) Math.round(end.height() * ratio));
        int expected = project.layers().stream().filter(l -> l.isLoaded() && l.entry().visible())
                .mapToInt(l -> l.data().queryIndices(device.ground()).length).sum();
        String status = vm.statusTextProperty().get();
        assertTrue(status.startsWith(expected + " entités dessinées"), status + " / " + expected);
    }

    @Test
    void aSingleStepRendersAtOnce(FxRobot robot) throws Exception {
        waitForView(vm.viewportProperty().get());
        Thread.sleep(300);
        long started = counters.startedCount();
        robot.interact(() -> vm.zoom(1.5));
        Viewport v = vm.viewportProperty().get();
        waitForView(v);
        assertEquals(started + 1, counters.startedCount());
        assertNotEquals(null, map.currentImage());
    }
}
