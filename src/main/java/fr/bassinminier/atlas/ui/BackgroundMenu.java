package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.io.tiles.Backgrounds;
import fr.bassinminier.atlas.io.tiles.TilePacks;
import fr.bassinminier.atlas.io.tiles.TileService;
import fr.bassinminier.atlas.io.tiles.TileSource;
import fr.bassinminier.atlas.io.wmts.WmtsCapabilities;
import fr.bassinminier.atlas.io.wmts.WmtsClient;
import fr.bassinminier.atlas.model.tiles.Basemap;
import fr.bassinminier.atlas.render.Viewport;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The "Fond de plan" menu: the Géoplateforme's maps, none, a WMTS by its capabilities, an XYZ
 * address, an offline pack, greyscale and opacity, and prefetching a pack of the current view.
 * The choice is a program setting (not a project field): it applies to every project, and the
 * first start shows Plan IGN in grey. -Datlas.background overrides it (tests use "aucun").
 * Opening a source (a pack, a capabilities request) runs off the FX thread.
 */
final class BackgroundMenu {
    static final String DEFAULT = "plan-ign-gris";
    private static final String KEY = "fond";
    private static final List<String> PRESETS = List.of("plan-ign", "plan-ign-gris", "photos", "parcelles",
            Backgrounds.NONE);
    private final Window owner;
    private final MapView map;
    private final MapViewModel vm;
    private final Consumer<String> error;
    private final ToggleGroup group = new ToggleGroup();
    private final CheckMenuItem grey = new CheckMenuItem(Messages.get("menu.background.grey"));
    private final ToggleGroup opacityGroup = new ToggleGroup();
    private double opacity = 1;
    private RadioMenuItem other;
    private final TaskRunner tasks;

    BackgroundMenu(Window owner, MapView map, MapViewModel vm, Consumer<String> error, TaskRunner tasks) {
        this.tasks = tasks;
        this.owner = owner;
        this.map = map;
        this.vm = vm;
        this.error = error;
    }

    private static Preferences prefs() {
        return Preferences.userNodeForPackage(BackgroundMenu.class);
    }

    /** The background to show at start: -Datlas.background, else the saved setting, else Plan IGN gris. */
    static String startChoice() {
        String forced = System.getProperty("atlas.background");
        if (forced != null && !forced.isBlank()) return forced.trim();
        try {
            return prefs().get(KEY, DEFAULT);
        } catch (SecurityException | IllegalStateException e) {
            return DEFAULT;
        }
    }

    Menu menu() {
        Menu m = new Menu(Messages.get("menu.background"));
        for (String id : PRESETS) {
            RadioMenuItem r = new RadioMenuItem(Messages.get("menu.background." + id));
            r.setToggleGroup(group);
            r.setUserData(id);
            r.setOnAction(e -> choose(id, true));
            m.getItems().add(r);
        }
        other = new RadioMenuItem(Messages.get("menu.background.other"));
        other.setToggleGroup(group);
        other.setVisible(false);
        m.getItems().add(other);
        grey.setOnAction(e -> restyle());
        Menu op = new Menu(Messages.get("menu.background.opacity"));
        for (int pct : new int[] {100, 75, 50, 30}) {
            RadioMenuItem r = new RadioMenuItem(pct + " %");
            r.setToggleGroup(opacityGroup);
            r.setSelected(pct == 100);
            r.setOnAction(e -> {
                opacity = pct / 100.0;
                restyle();
            });
            op.getItems().add(r);
        }
        MenuItem wmts = new MenuItem(Messages.get("menu.background.wmts"));
        wmts.setOnAction(e -> addWmts());
        MenuItem xyz = new MenuItem(Messages.get("menu.background.xyz"));
        xyz.setOnAction(e -> addXyz());
        MenuItem pack = new MenuItem(Messages.get("menu.background.pack"));
        pack.setOnAction(e -> openPack());
        MenuItem prefetch = new MenuItem(Messages.get("menu.background.prefetch"));
        prefetch.setOnAction(e -> prefetch());
        m.getItems().addAll(new SeparatorMenuItem(), grey, op, new SeparatorMenuItem(), wmts, xyz, pack,
                new SeparatorMenuItem(), prefetch);
        return m;
    }

    /** Shows the start background. */
    void start() {
        choose(startChoice(), false);
    }

    private void select(String id) {
        boolean found = false;
        for (var t : group.getToggles()) {
            if (id.equals(t.getUserData())) {
                t.setSelected(true);
                found = true;
            }
        }
        other.setVisible(!found);
        if (!found) other.setSelected(true);
    }

    /** Opens a background by name off the FX thread, then shows it. */
    void choose(String name, boolean save) {
        tasks.run(Messages.get("task.background", name), pr -> Backgrounds.resolve(name).orElse(null), b -> {
            // Plan IGN gris is Plan IGN with the greyscale ticked: the tick follows the choice.
            grey.setSelected(b != null && b.greyscale());
            show(b);
            select(PRESETS.contains(name) ? name : "?");
            if (save) saveChoice(name);
        }, ex -> error.accept(ex.getMessage()));
    }

    private static void saveChoice(String name) {
        try {
            prefs().put(KEY, name);
        } catch (SecurityException | IllegalStateException ignored) {
            // A setting that cannot be kept is chosen again next time.
        }
    }

    /** Opens the background's source off the FX thread (a pack is a database file), then shows it. */
    private void show(Basemap b) {
        if (b == null) {
            map.setBasemap(null);
            return;
        }
        tasks.run(Messages.get("task.background", b.title()), pr -> Backgrounds.service(b), s -> {
            s.setDisplay(grey.isSelected(), opacity);
            map.setBasemap(s);
        }, ex -> {
            map.setBasemap(null);
            error.accept(ex.getMessage());
        });
    }

    private void restyle() {
        TileService s = map.basemap();
        if (s == null) return;
        s.setDisplay(grey.isSelected(), opacity);
        map.refresh();
    }

    private void addWmts() {
        TextInputDialog d = new TextInputDialog("https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities");
        d.initOwner(owner);
        d.setHeaderText(Messages.get("background.wmts.header"));
        d.showAndWait().ifPresent(url -> tasks.run(Messages.get("task.background", url),
                pr -> WmtsClient.capabilities(url, Duration.ofSeconds(20)), caps -> pickLayer(caps, url),
                ex -> error.accept(ex.getMessage())));
    }

    private void pickLayer(WmtsCapabilities caps, String url) {
        List<String> choices = caps.layers().stream().map(l -> l.title() + " — " + l.id()).sorted().toList();
        if (choices.isEmpty()) {
            error.accept(Messages.get("background.wmts.none", url));
            return;
        }
        ChoiceDialog<String> d = new ChoiceDialog<>(choices.get(0), choices);
        d.initOwner(owner);
        d.setHeaderText(Messages.get("background.wmts.layer"));
        d.showAndWait().ifPresent(choice -> {
            String id = choice.substring(choice.lastIndexOf(" — ") + 3);
            try {
                Basemap b = caps.basemap(id, null, Messages.get("background.wmts.attribution", url));
                grey.setSelected(false);
                show(b);
                select("?");
            } catch (ServiceException e) {
                error.accept(e.getMessage());
            }
        });
    }

    private void addXyz() {
        TextInputDialog d = new TextInputDialog("https://…/{z}/{x}/{y}.png");
        d.initOwner(owner);
        d.setHeaderText(Messages.get("background.xyz.header"));
        d.showAndWait().ifPresent(t -> {
            if (!t.contains("{z}") || !t.contains("{x}") || !(t.contains("{y}") || t.contains("{-y}"))) {
                error.accept(Messages.get("background.xyz.invalid", t));
                return;
            }
            choose(t.trim(), true);
        });
    }

    private void openPack() {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("menu.background.pack"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("background.pack.filter"),
                "*.mbtiles", "*.gpkg"));
        File f = fc.showOpenDialog(owner);
        if (f != null) choose(f.getAbsolutePath(), true);
    }

    /** Prefetches the current view of the current background (levels from the view's to 16) into a pack. */
    private void prefetch() {
        TileService s = map.basemap();
        Viewport v = vm.viewport();
        if (s == null || v == null || s.basemap().kind() == Basemap.Kind.PACK) {
            error.accept(Messages.get("background.prefetch.none"));
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("menu.background.prefetch"));
        fc.setInitialFileName(s.basemap().id() + ".mbtiles");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("MBTiles", "*.mbtiles"));
        File f = fc.showSaveDialog(owner);
        if (f == null) return;
        int z0 = Math.max(0, levelOf(s, v) - 2);
        int z1 = Math.max(z0, Math.min(16, levelOf(s, v) + 3));
        AtomicBoolean cancel = new AtomicBoolean();
        ProgressBar bar = new ProgressBar(0);
        bar.setPrefWidth(360);
        Alert dlg = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CANCEL);
        dlg.initOwner(owner);
        dlg.setHeaderText(Messages.get("background.prefetch.running", s.basemap().title(), z0, z1));
        dlg.getDialogPane().setContent(bar);
        dlg.setOnCloseRequest(e -> cancel.set(true));
        dlg.show();
        Basemap b = s.basemap();
        tasks.run(Messages.get("task.export", f.getName()), pr -> {
            try (TileSource src = TilePacks.source(b, Backgrounds.sharedCache())) {
                return TilePacks.prefetch(src, v.ground(), z0, z1, Path.of(f.getAbsolutePath()), 4, (d, t) -> {
                    pr.update(d, t);
                    Platform.runLater(() -> bar.setProgress(d / (double) Math.max(1, t)));
                }, () -> cancel.get() || pr.isCancelled());
            }
        }, r -> {
            dlg.close();
            vm.setStatus(Messages.get("background.prefetch.done", f.getName(), r.written(), r.failed()));
        }, ex -> {
            dlg.close();
            if (!(ex instanceof CancellationException)) error.accept(ex.getMessage());
        });
    }

    private static int levelOf(TileService s, Viewport v) {
        var plan = fr.bassinminier.atlas.render.BasemapPainter.plan(s.basemap().matrixSet(), v,
                fr.bassinminier.atlas.model.CrsId.LAMBERT_93, 1);
        return Integer.parseInt(s.basemap().matrixSet().matrix(plan.level()).id());
    }
}
