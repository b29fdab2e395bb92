package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.render.LegendSwatch;
import fr.bassinminier.atlas.style.sld.Legend;
import fr.bassinminier.atlas.style.sld.Styles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * The layer tree: groups, a visibility box and a legend swatch per layer, drag and drop to
 * reorder, and a context menu (zoom to layer, opacity, attribute table, properties, remove).
 * Items are layer ids; everything shown is read from the view-model.
 */
public final class LayerPanel {
    static final DataFormat LAYER_ID = new DataFormat("application/x-atlas-layer-id");
    private static final String GROUP_PREFIX = "\u0000group:";
    private static final String LEGEND_PREFIX = "\u0000legend:";

    private final MapViewModel vm;
    private final TreeView<String> tree = new TreeView<>();
    private final Consumer<String> openTable;
    private final Consumer<String> showProperties;
    private final Consumer<String> editStyle;
    private List<String> shownOrder = List.of();
    private String shownLegend = "";
    private Consumer<String> refresh;

    public LayerPanel(MapViewModel vm, Consumer<String> openTable, Consumer<String> showProperties,
                      Consumer<String> editStyle) {
        this.vm = vm;
        this.editStyle = editStyle;
        this.openTable = openTable;
        this.showProperties = showProperties;
        tree.setShowRoot(false);
        tree.getStyleClass().add("layer-tree");
        tree.setCellFactory(t -> new LayerCell());
        vm.projectProperty().addListener((o, a, p) -> sync(p));
        // Scale-dependent classes come and go with the scale, as in QGIS's legend.
        vm.viewportProperty().addListener((o, a, v) -> {
            if (!legendSignature().equals(shownLegend)) {
                shownOrder = List.of();
                sync(vm.project());
            }
        });
    }

    public TreeView<String> view() {
        return tree;
    }

    /** The id of the layer selected in the tree, or null (nothing, a group or a legend line selected). */
    public String selectedLayerId() {
        var item = tree.getSelectionModel().getSelectedItem();
        if (item == null || item.getValue() == null) return null;
        String v = item.getValue();
        return v.startsWith(GROUP_PREFIX) || v.startsWith(LEGEND_PREFIX) ? null : v;
    }

    /** Adds "bring up to date from the official source" to the menu of the layers that have one (WFS). */
    public void setOnRefresh(Consumer<String> refresh) {
        this.refresh = refresh;
    }

    /** Rebuilds the tree when layers are added, removed or reordered; otherwise only repaints. */
    private void sync(LoadedProject p) {
        List<String> order = p == null ? List.of() : p.layers().stream().map(l -> l.entry().id()).toList();
        // Same layers and classes: cells only redrawn. A layer that arrived with its SLD gets its classes.
        if (order.equals(shownOrder) && legendSignature().equals(shownLegend)) {
            tree.refresh();
            return;
        }
        shownOrder = order;
        shownLegend = legendSignature();
        TreeItem<String> root = new TreeItem<>("");
        Map<String, TreeItem<String>> groups = new LinkedHashMap<>();
        if (p != null) {
            for (ProjectLayer l : p.layers()) {
                String g = l.entry().group() == null ? Messages.get("layers.group.none") : l.entry().group();
                TreeItem<String> gi = groups.computeIfAbsent(g, k -> {
                    TreeItem<String> item = new TreeItem<>(GROUP_PREFIX + k);
                    item.setExpanded(true);
                    root.getChildren().add(item);
                    return item;
                });
                TreeItem<String> li = new TreeItem<>(l.entry().id());
                List<Legend.Entry> entries = legend(l);
                // A layer with one class needs no sub-list: its swatch says it all.
                if (entries.size() > 1) {
                    for (int i = 0; i < entries.size(); i++) li.getChildren().add(new TreeItem<>(LEGEND_PREFIX + l.entry().id() + ":" + i));
                    li.setExpanded(true);
                }
                gi.getChildren().add(li);
            }
        }
        tree.setRoot(root);
        StartTrace.mark("layers: tree filled");
    }

    private double scale() {
        var v = vm.viewport();
        return v == null ? 0 : v.scaleDenominator();
    }

    private List<Legend.Entry> legend(ProjectLayer l) {
        return Legend.entries(Styles.of(l, vm.project().layers().indexOf(l)), scale());
    }

    private String legendSignature() {
        LoadedProject p = vm.project();
        if (p == null) return "";
        StringBuilder sb = new StringBuilder();
        for (ProjectLayer l : p.layers()) sb.append(l.entry().id()).append(legend(l).size()).append(';');
        return sb.toString();
    }

    /** The swatch of a layer: its one class; a layer of several classes lists them below it. */
    private Node layerSwatch(ProjectLayer l) {
        List<Legend.Entry> entries = legend(l);
        return entries.size() == 1 ? swatch(entries.get(0).symbolizers()) : new StackPane();
    }

    /**
     * Swatches drawn, by their symbolizers (records, compared by value): the tree is redrawn as
     * each layer of a project arrives and at every change of a layer, the same swatches each time.
     */
    private static final Map<List<fr.bassinminier.atlas.model.style.Symbolizer>, javafx.scene.image.Image> SWATCHES =
            java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<fr.bassinminier.atlas.model.style.Symbolizer>,
                        javafx.scene.image.Image> eldest) {
                    return size() > 256;
                }
            });

    static Node swatch(List<fr.bassinminier.atlas.model.style.Symbolizer> symbolizers) {
        javafx.scene.image.Image img = SWATCHES.computeIfAbsent(List.copyOf(symbolizers),
                s -> FxImages.of(LegendSwatch.image(s, 18, 14, 2)));
        javafx.scene.image.ImageView v = new javafx.scene.image.ImageView(img);
        v.setFitWidth(18);
        v.setFitHeight(14);
        return v;
    }

    private Optional<ProjectLayer> layer(String id) {
        LoadedProject p = vm.project();
        return p == null || id == null ? Optional.empty() : p.layer(id);
    }

    /** Tree indent per level and what stands left of a cell's graphic (disclosure arrow, padding, scroll bar). */
    private static final double INDENT = 10;
    private static final double CELL_CHROME = 24 + 18;
    /** Width of a check box or swatch with its gap in a cell. */
    private static final double CHECK = 23;
    private static final double SWATCH = 24;

    private final class LayerCell extends TreeCell<String> {
        private final CheckBox visible = new CheckBox();
        private final Label title = new Label();
        private final HBox box = new HBox(6);
        /** Room taken in the tree's width by everything but this cell's text. */
        private final javafx.beans.property.DoubleProperty besides = new javafx.beans.property.SimpleDoubleProperty();
        /**
         * The layer's tooltip, made when the pointer first enters the cell: a tooltip is a popup
         * window, and the first tree makes some thirty cells on the FX thread at launch.
         */
        private Tooltip tip;
        private String tipText;

        LayerCell() {
            box.setAlignment(Pos.CENTER_LEFT);
            wrapInTree(title);
            addEventFilter(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
                if (tip == null && tipText != null) {
                    tip = new Tooltip(tipText);
                    setTooltip(tip);
                }
            });
            // The layer's menu is built when asked for, not at every redraw of the tree (the tree
            // is redrawn as each layer of a project arrives).
            addEventFilter(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
                String id = getItem();
                Optional<ProjectLayer> l = id == null || id.startsWith(GROUP_PREFIX) || id.startsWith(LEGEND_PREFIX)
                        ? Optional.empty() : layer(id);
                setContextMenu(l.map(this::menu).orElse(null));
            });
            visible.setOnAction(e -> {
                String id = getItem();
                if (id != null && !id.startsWith(GROUP_PREFIX)) vm.setLayerVisible(id, visible.isSelected());
                else if (id != null) setGroupVisible(id.substring(GROUP_PREFIX.length()), visible.isSelected());
            });
            setOnDragDetected(e -> {
                String id = getItem();
                if (id == null || id.startsWith(GROUP_PREFIX) || id.startsWith(LEGEND_PREFIX)) return;
                var db = startDragAndDrop(TransferMode.MOVE);
                ClipboardContent c = new ClipboardContent();
                c.put(LAYER_ID, id);
                db.setContent(c);
                e.consume();
            });
            setOnDragOver(e -> {
                if (e.getDragboard().hasContent(LAYER_ID) && getItem() != null) e.acceptTransferModes(TransferMode.MOVE);
            });
            setOnDragDropped(e -> {
                Object id = e.getDragboard().getContent(LAYER_ID);
                String target = getItem();
                if (id instanceof String moved && target != null) {
                    int index = indexOfTarget(target);
                    vm.moveLayer(moved, index);
                    e.setDropCompleted(true);
                }
                e.consume();
            });
        }

        /**
         * A long title or class name wraps within the panel's width instead of being cut
         * ("Bulle 1 — Liévin – Lens – …"): its width is the tree's less what stands beside it.
         */
        private void wrapInTree(Label label) {
            label.setWrapText(true);
            label.setMinWidth(0);
            javafx.beans.binding.DoubleBinding width = Bindings.createDoubleBinding(
                    () -> Math.max(40, tree.getWidth() - besides.get()), tree.widthProperty(), besides);
            label.maxWidthProperty().bind(width);
        }

        private void besides(double graphic) {
            int level = getTreeItem() == null ? 1 : tree.getTreeItemLevel(getTreeItem());
            besides.set(CELL_CHROME + INDENT * Math.max(0, level - 1) + graphic);
        }

        private int indexOfTarget(String target) {
            LoadedProject p = vm.project();
            if (target.startsWith(LEGEND_PREFIX)) target = target.substring(LEGEND_PREFIX.length()).split(":")[0];
            if (target.startsWith(GROUP_PREFIX)) {
                String group = target.substring(GROUP_PREFIX.length());
                for (int i = 0; i < p.layers().size(); i++) {
                    if (group.equals(p.layers().get(i).entry().group())) return i;
                }
                return 0;
            }
            for (int i = 0; i < p.layers().size(); i++) if (p.layers().get(i).entry().id().equals(target)) return i;
            return p.layers().size();
        }

        private void setGroupVisible(String group, boolean v) {
            for (ProjectLayer l : new ArrayList<>(vm.project().layers())) {
                String g = l.entry().group() == null ? Messages.get("layers.group.none") : l.entry().group();
                if (g.equals(group)) vm.setLayerVisible(l.entry().id(), v);
            }
        }

        @Override
        protected void updateItem(String id, boolean empty) {
            super.updateItem(id, empty);
            setText(null);
            setContextMenu(null);
            setTooltip(null);
            tipText = null;
            if (empty || id == null) {
                setGraphic(null);
                return;
            }
            if (id.startsWith(LEGEND_PREFIX)) {
                String[] parts = id.substring(LEGEND_PREFIX.length()).split(":");
                Optional<ProjectLayer> l = layer(parts[0]);
                List<Legend.Entry> entries = l.map(LayerPanel.this::legend).orElse(List.of());
                int i = Integer.parseInt(parts[1]);
                if (i >= entries.size()) {
                    setGraphic(null);
                    return;
                }
                Label label = new Label(entries.get(i).label());
                label.getStyleClass().add("legend-label");
                besides(SWATCH);
                wrapInTree(label);
                HBox entry = new HBox(6, swatch(entries.get(i).symbolizers()), label);
                entry.setAlignment(Pos.CENTER_LEFT);
                setGraphic(entry);
                return;
            }
            if (id.startsWith(GROUP_PREFIX)) {
                String group = id.substring(GROUP_PREFIX.length());
                title.setText(group);
                title.setStyle("-fx-font-weight: bold;");
                long shown = vm.project().layers().stream().filter(l -> group.equals(l.entry().group() == null
                        ? Messages.get("layers.group.none") : l.entry().group())).filter(l -> l.entry().visible()).count();
                visible.setSelected(shown > 0);
                besides(CHECK);
                box.getChildren().setAll(visible, title);
                setGraphic(box);
                return;
            }
            Optional<ProjectLayer> ol = layer(id);
            if (ol.isEmpty()) {
                setGraphic(null);
                return;
            }
            ProjectLayer l = ol.get();
            title.setStyle("");
            title.setText(l.entry().title() + (l.isLoaded() ? "" : l.isPending() ? " …" : " ⚠") + (l.shown() == null ? "" : " " + Messages.get("layers.filtered")));
            visible.setSelected(l.entry().visible());
            Node swatch = layerSwatch(l);
            besides(CHECK + (swatch instanceof StackPane ? 6 : SWATCH));
            box.getChildren().setAll(visible, swatch, title);
            setGraphic(box);
            // The full title heads the tooltip too.
            tipText = l.entry().title() + "\n" + (l.isLoaded()
                    ? Messages.get("layers.tooltip", l.data().size(), l.entry().source())
                    : l.isPending() ? Messages.get("layers.pending") : l.error());
            if (tip != null) {
                tip.setText(tipText);
                setTooltip(tip);
            }
        }

        private ContextMenu menu(ProjectLayer l) {
            String id = l.entry().id();
            MenuItem zoom = new MenuItem(Messages.get("layers.zoomTo"));
            zoom.setOnAction(e -> vm.zoomToLayer(id));
            zoom.setDisable(!l.isLoaded());
            MenuItem table = new MenuItem(Messages.get("layers.table"));
            table.setOnAction(e -> openTable.accept(id));
            table.setDisable(!l.isLoaded());
            Slider opacity = new Slider(0, 1, l.entry().opacity());
            opacity.setPrefWidth(140);
            opacity.valueChangingProperty().addListener((o, was, now) -> {
                if (!now) vm.setLayerOpacity(id, opacity.getValue());
            });
            opacity.setOnMouseReleased(e -> vm.setLayerOpacity(id, opacity.getValue()));
            CustomMenuItem opacityItem = new CustomMenuItem(new HBox(6, new Label(Messages.get("layers.opacity")), opacity));
            opacityItem.setHideOnClick(false);
            MenuItem style = new MenuItem(Messages.get("layers.style"));
            style.setOnAction(e -> editStyle.accept(id));
            style.setDisable(!l.isLoaded());
            MenuItem filter = new MenuItem(Messages.get("layers.filter"));
            filter.setOnAction(e -> FilterDialog.show(tree.getScene().getWindow(), vm, l));
            filter.setDisable(!l.isLoaded());
            MenuItem props = new MenuItem(Messages.get("layers.properties"));
            props.setOnAction(e -> showProperties.accept(id));
            MenuItem remove = new MenuItem(Messages.get("layers.remove"));
            remove.setOnAction(e -> vm.removeLayer(id));
            ContextMenu m = new ContextMenu(zoom, table, style, filter, opacityItem, props, new SeparatorMenuItem(), remove);
            if (refresh != null && fr.bassinminier.atlas.io.project.WfsLayers.isWfs(l.entry())) {
                MenuItem update = new MenuItem(Messages.get("menu.layer.refresh"));
                update.setOnAction(e -> refresh.accept(id));
                m.getItems().add(m.getItems().indexOf(props) + 1, update);
            }
            return m;
        }
    }
}
