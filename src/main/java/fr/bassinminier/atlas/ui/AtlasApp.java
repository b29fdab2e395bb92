package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.io.project.DemoProject;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: opens the main window on the project given, or on the demo. */
public final class AtlasApp extends Application {
    private MainWindow window;

    public static void main(String[] args) {
        launch(AtlasApp.class, args);
    }

    /** Builds the window on a stage; tests call this directly on a TestFX stage. */
    public static AtlasApp showOn(Stage stage, Optional<Path> project) {
        Messages.applyToJavaFx();
        AtlasApp app = new AtlasApp();
        app.window = new MainWindow(stage, project);
        return app;
    }

    @Override
    public void start(Stage stage) {
        Messages.applyToJavaFx();
        UncaughtErrors.install();
        Optional<Path> project = Optional.ofNullable(getParameters().getRaw().isEmpty() ? null
                : Path.of(getParameters().getRaw().get(0))).or(DemoProject::locate);
        window = new MainWindow(stage, project);
    }

    /** Any way out (Quitter, the window closed, the session ended) closes stores and threads. */
    @Override
    public void stop() {
        if (window != null) window.shutdown();
    }

    MapViewModel viewModel() {
        return window.viewModel();
    }

    MapView mapView() {
        return window.mapView();
    }

    MainWindow window() {
        return window;
    }
}
