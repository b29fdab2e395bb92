package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.project.DemoProject;
import fr.bassinminier.atlas.io.project.ProjectFile;
import fr.bassinminier.atlas.io.project.ProjectLoader;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckBoxTreeItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeView;
import javafx.scene.control.cell.CheckBoxTreeCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** The desktop window: layer tree, map, status bar. Opens the demo project by default. */
public final class AtlasApp extends Application {
    /** Builds the window on a stage; tests call this directly on a TestFX stage. */
    public static AtlasApp showOn(Stage stage, Optional<Path> project) {
        AtlasApp app = new AtlasApp();
        app.build(stage, project);
        return app;
    }

    MapViewModel viewModel() {
        return vm;
    }

    MapView mapView() {
        return map;
    }

    private final MapViewModel vm = new MapViewModel();
    private MapView map;
    private final TreeView<String> layerTree = new TreeView<>();
    private final Label indicative = new Label();

    public static void main(String[] args) {
        launch(AtlasApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Optional<Path> demo = Optional.ofNullable(getParameters().getRaw().isEmpty() ? null
                : Path.of(getParameters().getRaw().get(0))).or(DemoProject::locate);
        build(stage, demo);
    }

    private void build(Stage stage, Optional<Path> demo) {
        map = new MapView(vm);
        BorderPane root = new BorderPane();
        root.setTop(menuBar(stage));
        layerTree.setShowRoot(false);
        layerTree.setCellFactory(CheckBoxTreeCell.forTreeView());
        VBox side = new VBox(new Label(Messages.get("layers.title")), layerTree);
        side.setPadding(new Insets(6));
        side.setSpacing(4);
        VBox.setVgrow(layerTree, Priority.ALWAYS);
        SplitPane split = new SplitPane(side, map);
        split.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(side, false);
        root.setCenter(split);
        root.setBottom(statusBar());
        vm.projectProperty().addListener((o, a, p) -> {
            if (p != null && (a == null || a.file() != p.file())) fillLayerTree(p);
            indicative.setVisible(p != null && p.project().indicative());
            if (p != null) stage.setTitle(Messages.get("app.title") + " — " + p.project().title());
        });
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(getClass().getResource("atlas.css").toExternalForm());
        stage.setTitle(Messages.get("app.title"));
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> map.dispose());
        stage.show();
        if (demo.isPresent()) {
            open(demo.get());
        } else {
            error(Messages.get("error.noDemo"));
        }
    }

    private MenuBar menuBar(Stage stage) {
        MenuItem open = new MenuItem(Messages.get("menu.file.open"));
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(Messages.get("dialog.open.title"));
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("dialog.open.filter"),
                    "*" + ProjectFile.EXTENSION));
            File f = fc.showOpenDialog(stage);
            if (f != null) open(f.toPath());
        });
        MenuItem quit = new MenuItem(Messages.get("menu.file.quit"));
        quit.setOnAction(e -> Platform.exit());
        MenuItem full = new MenuItem(Messages.get("menu.view.full"));
        full.setOnAction(e -> vm.zoomToFull());
        MenuItem in = new MenuItem(Messages.get("menu.view.zoomIn"));
        in.setOnAction(e -> vm.zoom(1.5));
        MenuItem out = new MenuItem(Messages.get("menu.view.zoomOut"));
        out.setOnAction(e -> vm.zoom(1 / 1.5));
        return new MenuBar(new Menu(Messages.get("menu.file"), null, open, quit),
                new Menu(Messages.get("menu.view"), null, full, in, out));
    }

    private HBox statusBar() {
        Label status = new Label();
        status.textProperty().bind(vm.statusTextProperty());
        Label scale = new Label();
        scale.textProperty().bind(vm.scaleTextProperty());
        Label pos = new Label();
        pos.textProperty().bind(vm.positionTextProperty());
        indicative.setText(Messages.get("status.indicative"));
        indicative.getStyleClass().add("indicative");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(16, status, spacer, indicative, scale, pos);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    /** Loads off the FX thread; errors are shown, never only logged. */
    private void open(Path file) {
        vm.setStatus(Messages.get("status.rendering"));
        Task<LoadedProject> task = new Task<>() {
            @Override
            protected LoadedProject call() throws DataException {
                return ProjectLoader.open(file);
            }
        };
        task.setOnSucceeded(e -> {
            LoadedProject p = task.getValue();
            vm.setProject(p, (int) Math.max(map.getWidth(), 800), (int) Math.max(map.getHeight(), 600));
            if (!p.errors().isEmpty()) error(Messages.get("error.layers") + "\n" + String.join("\n", p.errors()));
        });
        task.setOnFailed(e -> error(task.getException().getMessage()));
        Thread t = new Thread(task, "atlas-open");
        t.setDaemon(true);
        t.start();
    }

    private void fillLayerTree(LoadedProject p) {
        CheckBoxTreeItem<String> root = new CheckBoxTreeItem<>("");
        Map<String, CheckBoxTreeItem<String>> groups = new LinkedHashMap<>();
        for (ProjectLayer l : p.layers()) {
            String g = l.entry().group() == null ? Messages.get("layers.group.none") : l.entry().group();
            CheckBoxTreeItem<String> group = groups.computeIfAbsent(g, k -> {
                CheckBoxTreeItem<String> gi = new CheckBoxTreeItem<>(k);
                gi.setExpanded(true);
                root.getChildren().add(gi);
                return gi;
            });
            CheckBoxTreeItem<String> item = new CheckBoxTreeItem<>(l.entry().title()
                    + (l.isLoaded() ? "" : " ⚠"));
            // Added before being checked, so that the group box reflects its children.
            group.getChildren().add(item);
            item.setSelected(l.entry().visible());
            String id = l.entry().id();
            item.selectedProperty().addListener((o, a, v) -> vm.setLayerVisible(id, v));
        }
        layerTree.setRoot(root);
    }

    private static void error(String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        a.setHeaderText(Messages.get("error.title"));
        a.show();
    }

}
