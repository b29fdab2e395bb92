package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.Dataset;
import fr.bassinminier.atlas.io.project.LayerImport;
import fr.bassinminier.atlas.io.project.ProjectFile;
import fr.bassinminier.atlas.io.project.ProjectLoader;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.Bookmark;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.MapProject;
import org.locationtech.jts.geom.Envelope;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The main window: menus, tool bar with search, layer tree, map, side panel and status bar.
 * Every long task (opening, adding data, saving) runs off the FX thread with the progress bar
 * showing; every failure is shown to the user, never only logged.
 */
public final class MainWindow {
    private final Stage stage;
    private final MapViewModel vm = new MapViewModel();
    private final MapView map;
    private final LayerPanel layers;
    /** Every background task of this window and the windows it opens; closed on quitting. */
    private final TaskRunner tasks = new TaskRunner(this::error);
    private final Label indicative = new Label();
    private final TextField scaleField = new TextField();
    private final ToggleGroup tools = new ToggleGroup();
    private final List<Bookmark> bookmarks = new ArrayList<>();
    private final Menu bookmarkMenu = new Menu();
    private final BorderPane root = new BorderPane();
    private final SidePanel side;
    private final Measurement measurement;
    private final RecordsViewModel records = new RecordsViewModel();
    private final BackgroundMenu backgrounds;

    public MainWindow(Stage stage, Optional<Path> project) {
        this.stage = stage;
        StartTrace.mark("window: building");
        map = new MapView(vm, tasks);
        // The project is read and its layers opened in the background while the window is built:
        // from main at launch (ProjectPreload), else from here.
        ProjectPreload pre = project.map(ProjectPreload::take).orElse(null);
        if (pre == null) project.ifPresent(this::openProject);
        else openRecords(project.get()); // to colour the cités in the first image
        backgrounds = new BackgroundMenu(stage, map, vm, this::error, tasks);
        side = new SidePanel(vm, this::openTable, tasks);
        side.setRecords(records, cite -> CiteEditorWindow.show(stage, records, cite, records::publish, tasks));
        // The map shows the records' renovation states: every saved edit recolours its cité.
        records.snapshotProperty().addListener((o, a, s) -> vm.refreshLayers(records::withRecordStatuses));
        measurement = new Measurement(vm, map);
        measurement.setOnFootprint(points -> impact().checkDrawn(points));
        layers = new LayerPanel(vm, this::openTable, this::showProperties, id -> vm.project().layer(id)
                .filter(ProjectLayer::isLoaded).ifPresent(w -> withWholeLayer(w, l -> StyleDialog.show(stage, vm, l, tasks))));
        layers.setOnRefresh(this::refreshLayer);
        StartTrace.mark("window: map, side panel, layer tree built");
        root.setTop(new VBox(menuBar(), toolBar()));
        StartTrace.mark("window: menus and tool bar built");
        VBox left = new VBox(4, new Label(Messages.get("layers.title")), layers.view());
        left.setPadding(new Insets(6));
        VBox.setVgrow(layers.view(), Priority.ALWAYS);
        // With a project opened at launch, the window is first laid out without the layer tree and
        // the side panel (their place is kept: the map's size does not depend on them), so that the
        // first render starts sooner; they are styled and laid out while it runs.
        StackPane leftSlot = new StackPane();
        StackPane sideSlot = new StackPane();
        if (pre == null) {
            leftSlot.getChildren().add(left);
            sideSlot.getChildren().add(side.view());
        }
        SplitPane split = new SplitPane(leftSlot, map, sideSlot);
        split.setDividerPositions(0.19, 0.77);
        SplitPane.setResizableWithParent(leftSlot, false);
        SplitPane.setResizableWithParent(sideSlot, false);
        root.setCenter(split);
        root.setBottom(statusBar());
        map.setOnMapClick(this::mapClicked);
        map.setOnMapDoubleClick((x, y) -> measurement.finish());
        vm.projectProperty().addListener((o, a, p) -> {
            String notice = p == null ? null : fr.bassinminier.atlas.render.ImageRenderer.indicativeNotice(p);
            indicative.setVisible(notice != null);
            if (notice != null) {
                // Long lists of layers would push the scale field out of the bar: cut, and the tooltip says all.
                indicative.setText(notice);
                indicative.setTooltip(new javafx.scene.control.Tooltip(notice));
            }
            updateTitle();
            if (p != null && (a == null || a.file() != p.file())) {
                bookmarks.clear();
                bookmarks.addAll(p.project().bookmarks());
                refreshBookmarks();
            }
        });
        vm.dirtyProperty().addListener((o, a, d) -> updateTitle());
        Scene scene = new Scene(root, 1360, 840);
        scene.getStylesheets().add(MainWindow.class.getResource("atlas.css").toExternalForm());
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
        });
        scene.setOnDragDropped(e -> {
            if (e.getDragboard().hasFiles()) {
                e.getDragboard().getFiles().forEach(f -> addData(f.toPath()));
                e.setDropCompleted(true);
            }
            e.consume();
        });
        stage.setTitle(Messages.get("app.title"));
        stage.setScene(scene);
        // Closing the window and "Quitter" take the same way out: shutdown() once the map is saved or dropped.
        stage.setOnCloseRequest(e -> {
            e.consume();
            whenDiscardable(() -> {
                shutdown();
                stage.close();
            });
        });
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        if (pre != null) {
            // Laid out before it is shown, the map knows its size: the project and the layers
            // already opened are set now, and the first render runs while the window is mapped.
            StartTrace.mark("window: laying out");
            root.applyCss();
            root.layout();
            StartTrace.mark("window: laid out");
            openProject(project.get(), pre);
            StartTrace.mark("window: project set (first render started)");
            leftSlot.getChildren().add(left);
            sideSlot.getChildren().add(side.view());
        }
        StartTrace.mark("window: showing");
        stage.show();
        StartTrace.mark("window: shown");
        // JavaFX 21 on GTK under a window manager (openbox…) may map the window at 200×200
        // (JDK-8316423, fixed in JavaFX 22): ask again for the size once it is shown.
        Platform.runLater(() -> {
            Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            double w = Math.min(1360, screen.getWidth());
            double h = Math.min(840, screen.getHeight());
            stage.setWidth(w + 1);
            stage.setHeight(h + 1);
            stage.setWidth(w);
            stage.setHeight(h);
            stage.centerOnScreen();
        });
        backgrounds.start();
        if (project.isEmpty()) error(Messages.get("error.noDemo"));
        StartTrace.mark("window: built");
    }

    MapViewModel viewModel() {
        return vm;
    }

    MapView mapView() {
        return map;
    }

    SidePanel sidePanel() {
        return side;
    }

    private void updateTitle() {
        LoadedProject p = vm.project();
        stage.setTitle(Messages.get("app.title") + (p == null ? "" : " — " + p.project().title())
                + (vm.dirtyProperty().get() ? " *" : ""));
    }

    private MenuBar menuBar() {
        MenuItem open = item("menu.file.open", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), () -> {
            whenDiscardable(() -> {
                File f = chooser("dialog.open.title", true).showOpenDialog(stage);
                if (f != null) openProject(f.toPath());
            });
        });
        MenuItem save = item("menu.file.save", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::save);
        MenuItem saveAs = item("menu.file.saveAs", null, this::saveAs);
        MenuItem add = item("menu.file.add", new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), () -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(Messages.get("dialog.add.title"));
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("dialog.add.filter"),
                    "*.shp", "*.zip", "*.geojson", "*.json", "*.gpkg"));
            List<File> files = fc.showOpenMultipleDialog(stage);
            if (files != null) files.forEach(f -> addData(f.toPath()));
        });
        MenuItem addPostgis = item("menu.file.addPostgis", null, () -> PostgisLayerDialog.show(stage, vm, this::error, tasks));
        Menu layerMenu = new Menu(Messages.get("menu.layer"), null,
                item("menu.layer.addWfs", null, () -> wfsDialog().show()),
                item("menu.layer.refresh", null, () -> refreshLayer(layers.selectedLayerId())));
        MenuItem print = item("menu.file.print", new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN),
                () -> new PrintWindow(stage, vm, map.basemap(), tasks).show());
        MenuItem quit = item("menu.file.quit", null, () -> whenDiscardable(() -> {
            shutdown();
            Platform.exit();
        }));
        MenuItem full = item("menu.view.full", new KeyCodeCombination(KeyCode.HOME), vm::zoomToFull);
        MenuItem in = item("menu.view.zoomIn", null, () -> vm.zoom(1.5));
        MenuItem out = item("menu.view.zoomOut", null, () -> vm.zoom(1 / 1.5));
        MenuItem back = item("menu.view.back", new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), vm::back);
        back.disableProperty().bind(vm.canGoBackProperty().not());
        MenuItem fwd = item("menu.view.forward", new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN), vm::forward);
        fwd.disableProperty().bind(vm.canGoForwardProperty().not());
        MenuItem selection = item("menu.view.selection", null, vm::zoomToHighlighted);
        bookmarkMenu.setText(Messages.get("menu.bookmarks"));
        refreshBookmarks();
        Menu toolsMenu = new Menu(Messages.get("menu.tools"));
        toolsMenu.getItems().add(item("menu.tools.impact", null, () -> impact().show()));
        toolsMenu.getItems().add(new SeparatorMenuItem());
        for (MapTool t : MapTool.values()) {
            RadioMenuItem r = new RadioMenuItem(Messages.get("tool." + t.name()));
            r.setOnAction(e -> selectTool(t));
            toolsMenu.getItems().add(r);
        }
        MenuItem progressItem = item("menu.records.progress", null, () -> {
            if (records.isOpen()) ProgressWindow.show(stage, records, tasks);
            else error(Messages.get("records.unavailable", "—"));
        });
        MenuItem userItem = item("menu.records.user", null, () -> {
            TextInputDialog d = new TextInputDialog(RecordsViewModel.user());
            d.initOwner(stage);
            d.setHeaderText(Messages.get("records.user.header"));
            d.showAndWait().ifPresent(RecordsViewModel::setUser);
        });
        Menu recordsMenu = new Menu(Messages.get("menu.records"), null, progressItem, userItem);
        Menu newMenu = new Menu(Messages.get("menu.file.new"), null, item("menu.file.new.empty", null, this::newEmptyProject),
                item("menu.file.new.official", null, this::newOfficialProject));
        MenuItem official = item("menu.file.official", null, this::openOfficialSet);
        return new MenuBar(new Menu(Messages.get("menu.file"), null, newMenu, open, official, save, saveAs,
                new SeparatorMenuItem(), add, addPostgis, print, new SeparatorMenuItem(), quit),
                new Menu(Messages.get("menu.view"), null, full, in, out, selection, new SeparatorMenuItem(), back, fwd),
                layerMenu, backgrounds.menu(), bookmarkMenu, toolsMenu, recordsMenu);
    }

    private static MenuItem item(String key, KeyCombination accel, Runnable action) {
        MenuItem m = new MenuItem(Messages.get(key));
        if (accel != null) m.setAccelerator(accel);
        m.setOnAction(e -> action.run());
        return m;
    }

    private ToolBar toolBar() {
        TextField search = side.searchField();
        search.setPrefColumnCount(26);
        Button full = new Button("⌂");
        full.setTooltip(new Tooltip(Messages.get("menu.view.full")));
        full.setOnAction(e -> vm.zoomToFull());
        Button back = new Button("◀");
        back.setTooltip(new Tooltip(Messages.get("menu.view.back")));
        back.setOnAction(e -> vm.back());
        back.disableProperty().bind(vm.canGoBackProperty().not());
        Button fwd = new Button("▶");
        fwd.setTooltip(new Tooltip(Messages.get("menu.view.forward")));
        fwd.setOnAction(e -> vm.forward());
        fwd.disableProperty().bind(vm.canGoForwardProperty().not());
        List<javafx.scene.Node> items = new ArrayList<>(List.of(full, back, fwd, new Separator(Orientation.VERTICAL)));
        for (MapTool t : MapTool.values()) {
            ToggleButton b = new ToggleButton(Messages.get("tool." + t.name()));
            b.setToggleGroup(tools);
            b.setUserData(t);
            b.getStyleClass().add("tool-" + t.name().toLowerCase(java.util.Locale.ROOT));
            if (t == MapTool.IDENTIFY) b.setSelected(true);
            items.add(b);
        }
        tools.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true);
                return;
            }
            measurement.setTool((MapTool) t.getUserData());
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        items.add(spacer);
        items.add(new Label(Messages.get("search.label")));
        items.add(search);
        return new ToolBar(items.toArray(javafx.scene.Node[]::new));
    }

    private void selectTool(MapTool t) {
        tools.getToggles().stream().filter(x -> x.getUserData() == t).findFirst().ifPresent(x -> x.setSelected(true));
    }

    private HBox statusBar() {
        Label status = new Label();
        status.textProperty().bind(vm.statusTextProperty());
        Label pos = new Label();
        pos.textProperty().bind(vm.positionTextProperty());
        pos.setMinWidth(330);
        status.setMinWidth(120);
        status.setMaxWidth(420);
        HBox.setHgrow(status, Priority.SOMETIMES);
        indicative.setText(Messages.get("status.indicative"));
        indicative.getStyleClass().add("indicative");
        scaleField.setPrefColumnCount(9);
        scaleField.getStyleClass().add("scale-field");
        scaleField.setTooltip(new Tooltip(Messages.get("status.scale.tooltip")));
        vm.scaleTextProperty().addListener((o, a, s) -> {
            if (!scaleField.isFocused()) scaleField.setText(s);
        });
        scaleField.setOnAction(e -> {
            if (vm.setScale(scaleField.getText())) {
                scaleField.getStyleClass().remove("invalid");
                scaleField.setText(vm.scaleTextProperty().get());
                map.requestFocus();
            } else if (!scaleField.getStyleClass().contains("invalid")) {
                scaleField.getStyleClass().add("invalid");
            }
        });
        scaleField.focusedProperty().addListener((o, a, f) -> {
            if (!f) {
                scaleField.getStyleClass().remove("invalid");
                scaleField.setText(vm.scaleTextProperty().get());
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label scaleLabel = new Label(Messages.get("status.scale.label"));
        scaleLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        indicative.setMinWidth(60);
        indicative.setMaxWidth(420);
        indicative.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        HBox bar = new HBox(12, status, tasks.progressView(), spacer, indicative, scaleLabel, scaleField, pos);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(3, 8, 3, 8));
        return bar;
    }

    private void mapClicked(double x, double y) {
        java.util.function.Consumer<java.awt.geom.Point2D> pick = mapPick;
        if (pick != null) {
            vm.groundAt(x, y).ifPresent(pick);
            return;
        }
        MapTool t = (MapTool) tools.getSelectedToggle().getUserData();
        if (t == MapTool.IDENTIFY) side.identifyAt(x, y);
        else measurement.click(x, y);
    }

    /**
     * Closes what the window opened, in order: background tasks first (a save under way ends or
     * is cancelled), then the map's tile service and the records store. Safe to call twice.
     */
    void shutdown() {
        tasks.close();
        map.dispose();
        records.close();
    }

    TaskRunner tasks() {
        return tasks;
    }

    /**
     * Files from this size on are read as they are drawn (a 500,000-footprint GeoPackage is 115 MB,
     * 30,000 footprints 7 MB); smaller ones are loaded whole, redrawn from memory at every frame.
     */
    static final long STREAM_FROM_BYTES = 8L << 20;
    /** Counts the projects opened: layers still arriving for an older one are dropped. */
    private long opening;

    /**
     * Opens a project progressively: the file is read (small), the map shows its layers as pending
     * at once, then each layer is opened in the background (streamed from its file where the format
     * allows, else loaded whole), visible layers first, and drawn as it arrives. A layer that fails
     * is listed with its message; the others are drawn. The records open once every layer is in.
     */
    void openProject(Path file) {
        openProject(file, null);
    }

    /** @param pre the project read, and its layers opened, since launch; null to read it here */
    private void openProject(Path file, ProjectPreload pre) {
        long gen = ++opening;
        vm.setStatus(Messages.get("status.opening", file.getFileName()));
        MapProject read = pre == null ? null : pre.projectIfRead();
        if (read != null) {
            opened(gen, read, file, pre);
            return;
        }
        tasks.run(Messages.get("task.open", file.getFileName()), pr -> pre != null ? pre.project() : ProjectFile.read(file),
                mp -> opened(gen, mp, file, pre));
    }

    private void opened(long gen, MapProject mp, Path file, ProjectPreload pre) {
        if (gen != opening) return;
        // Layers the preload has already opened are in the project from the start (one redraw, one tree).
        Set<String> in = new java.util.HashSet<>();
        LoadedProject p = ProjectLoader.pending(mp, file);
        if (pre != null) {
            p = p.withLayers(p.layers().stream().map(l -> {
                ProjectLayer a = pre.layerIfOpened(l.entry());
                if (a == null) return l;
                in.add(l.entry().id());
                return inPlaceOf(l, a);
            }).toList());
        }
        if (pre == null) {
            // The records (a SQLite store beside the project) open meanwhile, on the other processor.
            openRecords(file);
        } else {
            recordsOpened.run(); // if they are open already, the first image shows them
        }
        vm.setProject(p, (int) Math.max(map.getWidth(), 800), (int) Math.max(map.getHeight(), 600));
        if (in.size() < mp.layers().size()) openLayers(gen, mp, file, pre, in);
        else layersIn();
    }

    private void openLayers(long gen, MapProject mp, Path file, ProjectPreload pre, Set<String> in) {
        java.util.concurrent.ConcurrentLinkedQueue<ProjectLayer> arrived = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicBoolean posted = new java.util.concurrent.atomic.AtomicBoolean();
        List<fr.bassinminier.atlas.model.project.LayerEntry> order = ProjectPreload.openingOrder(mp);
        order.removeIf(e -> in.contains(e.id()));
        tasks.run(Messages.get("task.open", file.getFileName()), pr -> {
            java.util.Map<Path, Dataset> cache = new java.util.HashMap<>();
            for (var e : order) {
                if (pr.isCancelled() || gen != opening) break;
                arrived.add(pre != null ? pre.layer(e) : ProjectLoader.openLayer(mp, file, e, cache, STREAM_FROM_BYTES));
                // Layers arriving together land in one change of the project (one redraw).
                if (posted.compareAndSet(false, true)) Platform.runLater(() -> {
                    posted.set(false);
                    placeArrived(gen, arrived);
                });
            }
            return null;
        }, done -> {
            if (gen != opening) return;
            placeArrived(gen, arrived);
            layersIn();
        });
    }

    /** Every layer is in: the failures and notices are told, once. */
    private void layersIn() {
        LoadedProject p = vm.project();
        if (!p.errors().isEmpty()) error(Messages.get("error.layers") + "\n" + String.join("\n", p.errors()));
        if (!p.notices().isEmpty()) notice(String.join("\n", p.notices()));
    }

    /** Puts the layers that arrived in place of their pending entries, keeping what the user changed meanwhile. */
    private void placeArrived(long gen, java.util.Queue<ProjectLayer> arrived) {
        java.util.Map<String, ProjectLayer> byId = new java.util.HashMap<>();
        for (ProjectLayer l; (l = arrived.poll()) != null; ) byId.put(l.entry().id(), l);
        if (gen != opening || byId.isEmpty() || vm.project() == null) return;
        vm.refreshLayers(ls -> ls.stream().map(l -> {
            ProjectLayer a = l.isPending() ? byId.get(l.entry().id()) : null;
            return a == null ? l : inPlaceOf(l, a);
        }).toList());
        if (vm.viewport() == null) {
            // A project without an extent is framed on its layers as soon as one has any.
            boolean dirty = vm.dirtyProperty().get();
            vm.setProject(vm.project(), (int) Math.max(map.getWidth(), 800), (int) Math.max(map.getHeight(), 600));
            vm.dirtyProperty().set(dirty);
        }
    }

    /** An opened layer in place of its pending entry, keeping what the user changed meanwhile. */
    private ProjectLayer inPlaceOf(ProjectLayer pending, ProjectLayer a) {
        a = a.withEntry(pending.entry()).withShown(pending.shown());
        // Records already open recolour a layer in memory as it arrives (not one read from its
        // file: that would read it whole on the FX thread).
        return a.isLoaded() && !a.data().isStreamed() ? records.withRecordStatuses(List.of(a)).get(0) : a;
    }

    /**
     * Runs {@code then} with the layer's features in memory (attribute table, style editor): a layer
     * read from its file as it is drawn is first loaded whole, once, off the FX thread.
     */
    private void withWholeLayer(ProjectLayer l, java.util.function.Consumer<ProjectLayer> then) {
        if (!l.data().isStreamed()) {
            then.accept(l);
            return;
        }
        tasks.run(Messages.get("task.loadWhole", l.entry().title()), pr -> {
            l.data().features();
            return l;
        }, then);
    }

    /**
     * Opens the project's cité records (created and seeded on first use) in the background. The
     * map works without them: a failure only says so in the status bar.
     */
    private void openRecords(Path projectFile) {
        java.util.concurrent.CompletableFuture<RecordsViewModel.Published> result = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.atomic.AtomicBoolean published = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.function.Consumer<RecordsViewModel.Published> publish = r -> {
            if (!published.compareAndSet(false, true)) return;
            StartTrace.mark("records published");
            records.publish(r);
            vm.setStatus(Messages.get("records.opened", r.snapshot().cites().size()));
        };
        recordsOpened = () -> {
            RecordsViewModel.Published r = result.getNow(null);
            if (r != null) publish.accept(r);
        };
        // The figures are summed here too, off the FX thread.
        tasks.run(Messages.get("task.records", projectFile.getFileName()), pr -> {
            RecordsViewModel.Published r = RecordsViewModel.Published.of(records.open(projectFile));
            result.complete(r);
            return r;
        }, publish, ex -> vm.setStatus(Messages.get("records.unavailable", ex.getMessage())));
    }

    /** Publishes the records now if their opening (started with the window) has ended. */
    private Runnable recordsOpened = () -> { };

    private ImpactWindow impactWindow;
    private WfsLayerDialog wfsDialog;
    /** A window that asked for the next clicks on the map (the parcel pick), or null. */
    private java.util.function.Consumer<java.awt.geom.Point2D> mapPick;

    ImpactWindow impact() {
        if (impactWindow == null) impactWindow = new ImpactWindow(stage, vm, tasks, pick -> {
            mapPick = pick;
            map.setCursor(pick == null ? javafx.scene.Cursor.DEFAULT : javafx.scene.Cursor.CROSSHAIR);
        });
        return impactWindow;
    }

    WfsLayerDialog wfsDialog() {
        if (wfsDialog == null) wfsDialog = new WfsLayerDialog(stage, vm, tasks);
        return wfsDialog;
    }

    /** The click a window is waiting for, as the map gives it (for tests). */
    void clickMapAt(double px, double py) {
        mapClicked(px, py);
    }

    /**
     * Couche › Mettre à jour depuis la source officielle: the layer downloaded again from its
     * service, whole, off the FX thread; only then does it replace the copy, with its new date
     * and a summary of what changed. A failure leaves the layer and its date as they were.
     */
    void refreshLayer(String id) {
        ProjectLayer l = id == null || vm.project() == null ? null : vm.project().layer(id).orElse(null);
        if (l == null) {
            error(Messages.get("refresh.noLayer"));
            return;
        }
        if (!fr.bassinminier.atlas.io.project.WfsLayers.isWfs(l.entry())) {
            error(Messages.get("refresh.notWfs", l.entry().title()));
            return;
        }
        var crs = vm.project().project().crs();
        vm.setStatus(Messages.get("refresh.running", l.entry().title()));
        tasks.run(Messages.get("refresh.running", l.entry().title()), pr -> fr.bassinminier.atlas.io.project.WfsLayers
                .refresh(l, fr.bassinminier.atlas.io.project.WfsLayers.http(), crs, null, 0.5), r -> {
            vm.replaceLayer(r.layer());
            String text = Messages.get("refresh.done", l.entry().title(), r.summary(), r.layer().entry().provenance().date());
            lastRefresh = text;
            vm.setStatus(text);
            Alert a = new Alert(Alert.AlertType.INFORMATION, text + (r.diff() == null ? "" : details(r.diff())));
            a.initOwner(stage);
            a.setHeaderText(Messages.get("menu.layer.refresh"));
            a.show();
        }, ex -> {
            String m = ex instanceof fr.bassinminier.atlas.io.ServiceException || ex instanceof IllegalArgumentException
                    ? ex.getMessage() : Messages.get("error.unexpected", String.valueOf(ex));
            lastRefresh = m;
            error(m + "\n" + Messages.get("refresh.kept", l.entry().title()));
        });
    }

    private String lastRefresh;

    /** The last refresh's summary or error (for tests). */
    String lastRefresh() {
        return FxThread.read(() -> lastRefresh);
    }

    private static String details(fr.bassinminier.atlas.io.wfs.LayerDiff d) {
        StringBuilder sb = new StringBuilder();
        list(sb, "refresh.added", d.added());
        list(sb, "refresh.removed", d.removed());
        list(sb, "refresh.modified", d.modified());
        return sb.toString();
    }

    private static void list(StringBuilder sb, String key, List<String> keys) {
        if (keys.isEmpty()) return;
        int shown = Math.min(20, keys.size());
        sb.append('\n').append(Messages.get(key, String.join(", ", keys.subList(0, shown))
                + (keys.size() > shown ? " … (+" + (keys.size() - shown) + ")" : "")));
    }

    RecordsViewModel records() {
        return records;
    }

    /** Reads a data file off the FX thread; a multi-layer file asks which layers to add. */
    void addData(Path file) {
        if (vm.project() == null) return;
        vm.setStatus(Messages.get("status.reading", file.getFileName()));
        var crs = vm.project().project().crs();
        tasks.run(Messages.get("task.read", file.getFileName()), pr -> LayerImport.open(file), ds -> {
            Set<String> chosen = ds.layers().size() > 1 ? pickLayers(ds) : null;
            if (chosen != null && chosen.isEmpty()) return;
            List<ProjectLayer> added = vm.addLayers(LayerImport.toProjectLayers(ds, chosen, crs));
            List<String> errors = added.stream().filter(l -> !l.isLoaded()).map(ProjectLayer::error).toList();
            if (!errors.isEmpty()) error(String.join("\n", errors));
            long ok = added.stream().filter(ProjectLayer::isLoaded).count();
            vm.setStatus(Messages.get("status.added", ok, file.getFileName()));
            if (ok > 0 && added.size() == 1) vm.zoomToLayer(added.get(0).entry().id());
            for (ProjectLayer l : added) {
                if (l.isLoaded() && !l.entry().provenance().isKnown()) askOrigin(l);
            }
        });
    }

    /**
     * Asks who produced a layer the program did not recognise: prints must credit it (Licence
     * Ouverte requires it). Left blank, the file name stands in and prints say the origin is unknown.
     */
    private void askOrigin(ProjectLayer l) {
        TextInputDialog d = new TextInputDialog();
        d.initOwner(stage);
        d.setTitle(Messages.get("dialog.origin.title"));
        d.setHeaderText(Messages.get("dialog.origin.header", l.entry().title(), l.entry().provenance().origin()));
        d.setContentText(Messages.get("dialog.origin.label"));
        localiseButtons(d.getDialogPane());
        d.showAndWait().map(String::strip).filter(t -> !t.isEmpty()).ifPresent(producer -> {
            var old = l.entry().provenance();
            vm.setLayerProvenance(l.entry().id(), new fr.bassinminier.atlas.model.project.Provenance(producer,
                    old.dataset(), old.licence(), old.url(), Localization.today().toString(), old.precision(),
                    old.simplified(), old.origin()), producer);
        });
    }

    private static void localiseButtons(javafx.scene.control.DialogPane pane) {
        for (ButtonType t : pane.getButtonTypes()) {
            var b = (javafx.scene.control.Button) pane.lookupButton(t);
            if (b == null) continue;
            if (t.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE) b.setText(Messages.get("button.ok"));
            if (t.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE) {
                b.setText(Messages.get("button.cancel"));
            }
        }
    }

    /** A new, empty project over the basin; layers come from "Ajouter des données…". */
    private void newEmptyProject() {
        whenDiscardable(this::openEmpty);
    }

    private void openEmpty() {
        Envelope basin = vm.project() != null ? vm.project().initialExtent()
                : new Envelope(643000, 751000, 7013000, 7062000);
        var mp = new fr.bassinminier.atlas.model.project.MapProject(Messages.get("project.new.title"),
                fr.bassinminier.atlas.model.CrsId.LAMBERT_93, basin, List.of(), List.of(), null);
        vm.setProject(new LoadedProject(mp, null, List.of()), (int) Math.max(map.getWidth(), 800),
                (int) Math.max(map.getHeight(), 600));
    }

    /** A new project holding the official data as the default map shows them; saving asks where. */
    private void newOfficialProject() {
        whenDiscardable(this::openDefaultAsNew);
    }

    private void openDefaultAsNew() {
        java.util.Optional<Path> def = fr.bassinminier.atlas.io.project.DemoProject.locate();
        if (def.isEmpty()) {
            error(Messages.get("error.noDefaultMap"));
            return;
        }
        tasks.run(Messages.get("task.open", def.get().getFileName()), pr -> {
            LoadedProject p = ProjectLoader.open(def.get());
            Path base = def.get().toAbsolutePath().getParent();
            // Absolute sources: the project has no file yet, and "Enregistrer sous" rewrites them relative.
            List<ProjectLayer> ls = p.layers().stream().map(l -> {
                var e = l.entry().withSource(base.resolve(l.entry().source()).normalize().toString());
                if (e.sld() != null) e = e.withSld(base.resolve(e.sld()).normalize().toString());
                return l.withEntry(e);
            }).toList();
            var mp = new fr.bassinminier.atlas.model.project.MapProject(Messages.get("project.new.title"),
                    p.project().crs(), p.project().initialExtent(), ls.stream().map(ProjectLayer::entry).toList(),
                    p.project().bookmarks(), p.project().description());
            return new LoadedProject(mp, null, ls);
        }, p -> vm.setProject(p, (int) Math.max(map.getWidth(), 800), (int) Math.max(map.getHeight(), 600)));
    }

    /** Opens the official files (the data.gouv.fr zip, a GeoPackage) as a new project with the six themes' look. */
    private void openOfficialSet() {
        whenDiscardable(this::chooseOfficialSet);
    }

    private void chooseOfficialSet() {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("dialog.official.title"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("dialog.add.filter"),
                "*.zip", "*.gpkg", "*.shp", "*.geojson"));
        List<File> files = fc.showOpenMultipleDialog(stage);
        if (files == null || files.isEmpty()) return;
        LoadedProject template = vm.project();
        tasks.run(Messages.get("task.official"), pr -> {
            LoadedProject t = template;
            if (t == null || t.layers().stream().noneMatch(l -> l.entry().sld() != null)) {
                var def = fr.bassinminier.atlas.io.project.DemoProject.locate();
                t = def.isPresent() ? ProjectLoader.open(def.get()) : null;
            }
            return fr.bassinminier.atlas.analysis.impact.OfficialSetProject.open(
                    files.stream().map(File::toPath).toList(), t);
        }, p -> vm.setProject(p, (int) Math.max(map.getWidth(), 800), (int) Math.max(map.getHeight(), 600)));
    }

    private Set<String> pickLayers(Dataset ds) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(stage);
        d.setTitle(Messages.get("dialog.pick.title"));
        d.setHeaderText(Messages.get("dialog.pick.header", ds.source().getFileName()));
        VBox boxes = new VBox(6);
        List<CheckBox> checks = new ArrayList<>();
        for (VectorLayer l : ds.layers()) {
            CheckBox c = new CheckBox(Messages.get("dialog.pick.layer", l.name(), l.size(), l.geometryType().ogcName()));
            c.setUserData(l.name());
            c.setSelected(true);
            checks.add(c);
            boxes.getChildren().add(c);
        }
        d.getDialogPane().setContent(boxes);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Optional<ButtonType> r = d.showAndWait();
        Set<String> out = new LinkedHashSet<>();
        if (r.isPresent() && r.get() == ButtonType.OK) {
            for (CheckBox c : checks) if (c.isSelected()) out.add((String) c.getUserData());
        }
        return out;
    }

    private FileChooser chooser(String titleKey, boolean open) {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get(titleKey));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("dialog.open.filter"),
                "*" + ProjectFile.EXTENSION));
        LoadedProject p = vm.project();
        if (p != null && p.file() != null && p.file().toAbsolutePath().getParent() != null) {
            fc.setInitialDirectory(p.file().toAbsolutePath().getParent().toFile());
        }
        return fc;
    }

    void save() {
        LoadedProject p = vm.project();
        if (p == null) return;
        if (p.file() == null || !Files.isWritable(p.file())) {
            saveAs();
            return;
        }
        saveTo(p.file());
    }

    private void saveAs() {
        if (vm.project() == null) return;
        File f = chooser("dialog.save.title", false).showSaveDialog(stage);
        if (f == null) return;
        Path target = f.toPath();
        if (!ProjectFile.isProjectFile(target)) target = target.resolveSibling(target.getFileName() + ProjectFile.EXTENSION);
        saveTo(target);
    }

    void saveTo(Path target) {
        LoadedProject snapshot = vm.snapshotForSave(List.copyOf(bookmarks));
        tasks.run(Messages.get("task.save", target.getFileName()), pr -> LayerImport.saveAs(snapshot, target), saved -> {
            vm.markSaved(saved);
            vm.setStatus(Messages.get("status.saved", target.getFileName()));
        });
    }

    /**
     * Runs {@code then} once unsaved changes are saved (in the background) or dropped; the user
     * may cancel, and then nothing happens.
     */
    private void whenDiscardable(Runnable then) {
        if (!vm.dirtyProperty().get()) {
            then.run();
            return;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("dialog.discard.text"), ButtonType.YES,
                ButtonType.NO, ButtonType.CANCEL);
        a.initOwner(stage);
        a.setHeaderText(Messages.get("dialog.discard.header"));
        Optional<ButtonType> r = a.showAndWait();
        if (r.isEmpty() || r.get() == ButtonType.CANCEL) return;
        if (r.get() == ButtonType.NO) {
            then.run();
            return;
        }
        LoadedProject p = vm.project();
        if (p.file() == null) return;
        LoadedProject snapshot = vm.snapshotForSave(List.copyOf(bookmarks));
        tasks.run(Messages.get("task.save", p.file().getFileName()), pr -> LayerImport.saveAs(snapshot, p.file()), saved -> {
            vm.markSaved(saved);
            then.run();
        });
    }

    private void refreshBookmarks() {
        MenuItem addBm = item("menu.bookmarks.add", new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN), () -> {
            if (vm.viewport() == null) return;
            TextInputDialog d = new TextInputDialog(Messages.get("menu.bookmarks.default", bookmarks.size() + 1));
            d.initOwner(stage);
            d.setHeaderText(Messages.get("menu.bookmarks.add"));
            d.showAndWait().filter(s -> !s.isBlank()).ifPresent(name -> {
                bookmarks.add(new Bookmark(name.strip(), vm.viewport().ground()));
                vm.dirtyProperty().set(true);
                refreshBookmarks();
            });
        });
        bookmarkMenu.getItems().setAll(addBm);
        if (!bookmarks.isEmpty()) bookmarkMenu.getItems().add(new SeparatorMenuItem());
        for (Bookmark b : bookmarks) {
            MenuItem m = new MenuItem(b.name());
            m.setOnAction(e -> vm.zoomTo(b.extent()));
            bookmarkMenu.getItems().add(m);
        }
    }

    void openTable(String layerId) {
        vm.project().layer(layerId).filter(ProjectLayer::isLoaded)
                .ifPresent(w -> withWholeLayer(w, l -> AttributeTableWindow.show(stage, vm, l, tasks)));
    }

    private void showProperties(String layerId) {
        vm.project().layer(layerId).ifPresent(l -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION);
            a.initOwner(stage);
            a.setTitle(Messages.get("layers.properties"));
            a.setHeaderText(l.entry().title());
            StringBuilder sb = new StringBuilder();
            sb.append(Messages.get("props.source", l.entry().source())).append('\n');
            if (l.isLoaded()) {
                sb.append(Messages.get("props.crs", vm.project().project().crs())).append('\n');
                sb.append(Messages.get("props.count", l.data().size(), l.data().geometryType().ogcName())).append('\n');
                sb.append(Messages.get("props.fields")).append('\n');
                l.data().schema().fields().forEach(f -> sb.append("  • ").append(f.name()).append(" (")
                        .append(f.type().name().toLowerCase(java.util.Locale.ROOT)).append(")\n"));
            } else {
                sb.append(l.error()).append('\n');
            }
            if (l.entry().attribution() != null) {
                sb.append(Messages.get("props.attribution", l.entry().attribution())).append('\n');
            }
            var pv = l.entry().provenance();
            if (!pv.line().isBlank()) sb.append(Messages.get("props.provenance", pv.line()));
            if (pv.url() != null) sb.append(Messages.get("props.url", pv.url()));
            if (l.entry().indicative()) sb.append(Messages.get("props.indicative"));
            String notDrawn = LayerNotices.styleNotDrawn(l);
            if (notDrawn != null) sb.append('\n').append(notDrawn);
            a.setContentText(sb.toString());
            a.getDialogPane().setMinWidth(520);
            a.show();
        });
    }

    /** Something the user should know that is not a failure (a layer opened from its cached copy). */
    void notice(String message) {
        tell(Alert.AlertType.WARNING, "notice.title", message);
    }

    void error(String message) {
        tell(Alert.AlertType.ERROR, "error.title", message);
    }

    private void tell(Alert.AlertType type, String titleKey, String message) {
        Alert a = new Alert(type, message);
        a.initOwner(stage);
        a.setHeaderText(Messages.get(titleKey));
        a.getDialogPane().setMinWidth(520);
        a.show();
        vm.setStatus(message.lines().findFirst().orElse(message));
    }
}
