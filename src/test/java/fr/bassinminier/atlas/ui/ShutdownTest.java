package fr.bassinminier.atlas.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Closing the main window takes the one way out: the records database is closed, threads stopped. */
@ExtendWith(ApplicationExtension.class)
class ShutdownTest {
    private AtlasApp app;
    private Stage stage;
    private Path project;

    @BeforeAll
    static void needsADisplay() {
        WindowTests.needDisplay();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        project = AtlasWindowTest.demoCopy();
        app = AtlasApp.showOn(stage, Optional.of(project));
    }

    private List<Path> sqliteSideFiles() throws Exception {
        try (var files = Files.list(project.getParent())) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.records\\.sqlite-(wal|shm)")).toList();
        }
    }

    @Test
    void closingTheWindowClosesTheRecordsStoreAndStopsTheTasks(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.window().records().progressProperty().get() != null);
        assertTrue(app.window().records().isOpen());
        // An open SQLite database in WAL mode has its -wal and -shm files beside it.
        assertFalse(sqliteSideFiles().isEmpty(), "the records database is open");
        robot.interact(() -> {
            // The test JVM's toolkit must outlive the window.
            Platform.setImplicitExit(false);
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isShowing());
        assertFalse(app.window().records().isOpen());
        assertTrue(app.window().tasks().isClosed());
        // The last connection closed: SQLite folds the WAL back and removes both files.
        assertTrue(sqliteSideFiles().isEmpty(), "still open: " + sqliteSideFiles());
    }
}
