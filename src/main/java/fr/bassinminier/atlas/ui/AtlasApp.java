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
        // The project is read and its layers opened while JavaFX starts and the window is built.
        project(args).ifPresent(ProjectPreload::start);
        launch(AtlasApp.class, args);
    }

    /** The project to open: the file given, or the default map. */
    private static Optional<Path> project(java.util.List<String> args) {
        return Optional.ofNullable(args.isEmpty() ? null : Path.of(args.get(0))).or(DemoProject::locate);
    }

    private static Optional<Path> project(String[] args) {
        return project(java.util.List.of(args));
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
        Optional<Path> project = project(getParameters().getRaw());
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
