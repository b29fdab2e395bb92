package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.analysis.CiteRecord;
import fr.bassinminier.atlas.analysis.FeatureHit;
import fr.bassinminier.atlas.analysis.Identify;
import fr.bassinminier.atlas.analysis.Measure;
import fr.bassinminier.atlas.analysis.Nearby;
import fr.bassinminier.atlas.analysis.impact.HeritageLayers;
import fr.bassinminier.atlas.analysis.impact.HeritageRole;
import fr.bassinminier.atlas.analysis.search.FeatureSearch;
import fr.bassinminier.atlas.analysis.search.SearchHit;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.awt.geom.Point2D;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The right-hand panel: what was clicked or found. A cité shows its record (communes, EPCI,
 * owners, dwellings, UNESCO status, programme, renovation status with dates and the source of
 * each fact, the heritage elements and terrils nearby); any other feature its attributes.
 * The record is laid out as a form so that it can grow into the editor of the records issue.
 */
public final class SidePanel {
    static final int MAX_RESULTS = 12;
    private static final double NEARBY_RADIUS = Nearby.DEFAULT_RADIUS;

    private final MapViewModel vm;
    private final Consumer<String> openTable;
    private final VBox content = new VBox(8);
    private final ScrollPane scroll = new ScrollPane(content);
    private final VBox box;
    private final TextField search = new TextField();
    private final ContextMenu results = new ContextMenu();
    private final ListView<FeatureHit> hits = new ListView<>();
    private RecordsViewModel records;
    private Consumer<fr.bassinminier.atlas.records.Cite> editCite = c -> { };
    private FeatureSearch index;
    private boolean searchWanted;
    private String currentLayerId;
    private LoadedProject indexed;
    private final TaskRunner tasks;

    public SidePanel(MapViewModel vm, Consumer<String> openTable, TaskRunner tasks) {
        this.vm = vm;
        this.tasks = tasks;
        this.openTable = openTable;
        content.setPadding(new Insets(8));
        content.getStyleClass().add("side-content");
        scroll.setFitToWidth(true);
        Label title = new Label(Messages.get("side.title"));
        title.getStyleClass().add("side-title");
        box = new VBox(4, title, scroll);
        box.setPadding(new Insets(6));
        box.setMinWidth(260);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        hits.setPrefHeight(120);
        hits.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(FeatureHit h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null : h.layer().entry().title() + " : " + name(h.layer(), h.feature()));
            }
        });
        hits.getSelectionModel().selectedItemProperty().addListener((o, a, h) -> {
            if (h != null) showDetails(h.layer(), h.feature(), false);
        });
        // The index is built when the search is first wanted (the field focused or typed in), not
        // at opening: it reads every layer whole, which the first frame of the map does not need.
        vm.projectProperty().addListener((o, a, p) -> {
            if (searchWanted) reindex(p);
        });
        search.focusedProperty().addListener((o, a, f) -> {
            if (f) wantSearch();
        });
        search.setPromptText(Messages.get("search.prompt"));
        search.getStyleClass().add("search-field");
        search.textProperty().addListener((o, a, q) -> {
            wantSearch();
            showResults(q);
        });
        search.setOnAction(e -> {
            List<SearchHit> found = find(search.getText());
            if (!found.isEmpty()) pick(found.get(0));
        });
        placeholder();
    }

    /** Cité records, when the project has them: the panel then offers to edit a cité's record. */
    public void setRecords(RecordsViewModel r, Consumer<fr.bassinminier.atlas.records.Cite> edit) {
        this.records = r;
        this.editCite = edit;
    }

    public VBox view() {
        return box;
    }

    public TextField searchField() {
        return search;
    }

    /** Text currently shown in the panel, for tests: every label's text, in order. */
    String shownText() {
        return FxThread.read(() -> {
            StringBuilder sb = new StringBuilder();
            collect(content, sb);
            return sb.toString();
        });
    }

    private static void collect(Node n, StringBuilder sb) {
        if (n instanceof javafx.scene.control.Labeled l && l.getText() != null) sb.append(l.getText()).append('\n');
        if (n instanceof javafx.scene.Parent p) p.getChildrenUnmodifiable().forEach(c -> collect(c, sb));
    }

    private void placeholder() {
        Label l = new Label(Messages.get("side.empty"));
        l.setWrapText(true);
        l.getStyleClass().add("side-hint");
        content.getChildren().setAll(l);
    }

    /**
     * Rebuilds the search index in the background when layer data change (not on visibility or
     * opacity changes): indexing a layer of hundreds of thousands of features takes seconds,
     * which the FX thread must never wait for. Until it lands, the previous index answers.
     */
    private void wantSearch() {
        searchWanted = true;
        reindex(vm.project());
    }

    private void reindex(LoadedProject p) {
        if (p == null || (indexed != null && sameData(indexed, p))) return;
        indexed = p;
        tasks.run(Messages.get("task.index"), pr -> FeatureSearch.of(p), built -> {
            if (indexed != p) return;
            index = built;
            // What was typed before the index was ready is answered now.
            if (!search.getText().isBlank()) showResults(search.getText());
        });
    }

    private FeatureSearch index() {
        return index;
    }

    private static boolean sameData(LoadedProject a, LoadedProject b) {
        if (a.layers().size() != b.layers().size()) return false;
        for (int i = 0; i < a.layers().size(); i++) if (a.layers().get(i).data() != b.layers().get(i).data()) return false;
        return true;
    }

    List<SearchHit> find(String query) {
        FeatureSearch s = index();
        if (s == null || query == null || query.isBlank()) return List.of();
        return s.search(query, MAX_RESULTS);
    }

    private void showResults(String q) {
        List<SearchHit> found = find(q);
        if (found.isEmpty()) {
            results.hide();
            return;
        }
        results.getItems().clear();
        for (SearchHit h : found) {
            Label l = new Label(h.displayText() + "  ·  " + h.layerTitle());
            CustomMenuItem item = new CustomMenuItem(l, true);
            item.setOnAction(e -> pick(h));
            results.getItems().add(item);
        }
        if (!results.isShowing() && search.getScene() != null) results.show(search, javafx.geometry.Side.BOTTOM, 0, 0);
    }

    /** Zooms to a search result, highlights it and shows its record. */
    void pick(SearchHit h) {
        results.hide();
        vm.project().layer(h.layerId()).ifPresent(l -> {
            vm.highlight(List.of(h.feature()));
            if (h.feature().geometry() != null) vm.zoomTo(h.feature().geometry().getEnvelopeInternal());
            showDetails(l, h.feature(), true);
        });
    }

    /** Lists what is under the pointer at pixel (px, py); one hit shows its details directly. */
    public void identifyAt(double px, double py) {
        Optional<Point2D> g = vm.groundAt(px, py);
        if (g.isEmpty() || vm.project() == null) return;
        double tolerance = 5 * vm.viewport().resolution();
        List<FeatureHit> found = Identify.at(vm.project(), new org.locationtech.jts.geom.Coordinate(g.get().getX(), g.get().getY()),
                tolerance);
        if (found.isEmpty()) {
            vm.highlight(List.of());
            Label l = new Label(Messages.get("side.nothing"));
            l.getStyleClass().add("side-hint");
            content.getChildren().setAll(l);
            return;
        }
        vm.highlight(found.stream().map(FeatureHit::feature).toList());
        if (found.size() == 1) {
            showDetails(found.get(0).layer(), found.get(0).feature(), false);
            return;
        }
        hits.getItems().setAll(found);
        Label head = new Label(Messages.get("side.hits", found.size()));
        head.getStyleClass().add("side-section");
        content.getChildren().setAll(head, hits);
        hits.getSelectionModel().selectFirst();
    }

    /** A feature's name: its label field, else the first naming field it has (official files spell them many ways). */
    static String name(ProjectLayer l, Feature f) {
        if (l.entry().label() != null) {
            String n = f.text(l.entry().label().field());
            if (!n.isBlank()) return n;
        }
        String field = fr.bassinminier.atlas.analysis.FieldLookup.find(f.schema(), "nom", "name", "nom_cite",
                "denomination", "nom_usuel", "no_terril", "no_element", "fosse");
        String n = field == null ? "" : f.text(field);
        return n.isBlank() ? Messages.get("side.unnamed", f.id()) : n;
    }

    /** The layers a record's "nearby" looks at: heritage of the property, found by role, whatever their ids. */
    private List<String> nearbyLayers() {
        var roles = java.util.EnumSet.of(HeritageRole.PROPERTY, HeritageRole.BUILDING, HeritageRole.TERRIL,
                HeritageRole.CAVALIER, HeritageRole.NEO_NATURAL);
        return vm.project().layers().stream().filter(l -> roles.contains(HeritageLayers.roleOf(l)))
                .map(l -> l.entry().id()).toList();
    }

    private void showDetails(ProjectLayer layer, Feature f, boolean replaceList) {
        VBox details = new VBox(6);
        Label title = new Label(name(layer, f));
        title.getStyleClass().add("record-title");
        title.setWrapText(true);
        Label kind = new Label(layer.entry().title());
        kind.getStyleClass().add("record-kind");
        details.getChildren().addAll(title, kind);
        currentLayerId = layer.entry().id();
        if (CiteRecord.isCite(layer)) {
            citeRecord(details, CiteRecord.of(f), f);
        } else {
            details.getChildren().add(attributes(f.attributes()));
        }
        Button zoom = new Button(Messages.get("side.zoom"));
        zoom.setOnAction(e -> {
            vm.highlight(List.of(f));
            if (f.geometry() != null) vm.zoomTo(f.geometry().getEnvelopeInternal());
        });
        Button table = new Button(Messages.get("layers.table"));
        table.setOnAction(e -> openTable.accept(layer.entry().id()));
        details.getChildren().add(new javafx.scene.layout.HBox(6, zoom, table));
        if (replaceList || !content.getChildren().contains(hits)) {
            content.getChildren().setAll(details);
        } else {
            content.getChildren().setAll(content.getChildren().get(0), hits, details);
        }
    }

    private static void recordRow(GridPane g, String key, String value) {
        if (value == null || value.isBlank()) return;
        Label k = new Label(Messages.get(key));
        k.getStyleClass().add("record-key");
        Label v = new Label(value);
        v.setWrapText(true);
        v.getStyleClass().add("record-value");
        g.addRow(g.getRowCount(), k, v);
    }

    private void citeRecord(VBox details, CiteRecord r, Feature f) {
        Label status = new Label(r.renovation() == null ? Messages.get("record.unknown") : r.renovation());
        status.getStyleClass().addAll("status-badge", "status-" + badge(r.renovation()));
        details.getChildren().add(status);
        // Each fact with its source: urbanists must be able to say where a figure comes from.
        GridPane g = grid();
        java.util.Set<String> sources = new java.util.LinkedHashSet<>();
        for (CiteRecord.Fact fact : r.facts()) {
            int row = g.getRowCount();
            Label k = new Label(fact.label());
            k.getStyleClass().add("record-key");
            k.setWrapText(true);
            Label v = new Label(fact.value());
            v.setWrapText(true);
            v.getStyleClass().add("record-value");
            if (fact.source() != null) {
                sources.add(fact.source());
                v.setTooltip(new javafx.scene.control.Tooltip(Messages.get("record.sourceOf", fact.source())));
            }
            g.addRow(row, k, v);
        }
        details.getChildren().add(g);
        Label src = new Label(Messages.get("record.sources"));
        src.getStyleClass().add("side-section");
        details.getChildren().add(src);
        for (String s : sources) {
            Label l = new Label("• " + s);
            l.setWrapText(true);
            l.getStyleClass().add("record-source");
            details.getChildren().add(l);
        }
        if (records != null) {
            records.citeOf(currentLayerId, f).ifPresent(c -> {
                Label head = new Label(Messages.get("records.section"));
                head.getStyleClass().add("side-section");
                details.getChildren().add(head);
                // The record's own facts: official layers carry no dwellings, landlords or programmes.
                GridPane rg = grid();
                recordRow(rg, "records.field.dwellings", c.dwellings() == null ? null : String.format(
                        java.util.Locale.FRANCE, "%,d", c.dwellings()));
                recordRow(rg, "records.field.owners", c.owners().isEmpty() ? null
                        : fr.bassinminier.atlas.records.Owner.format(c.owners()));
                recordRow(rg, "records.field.epci", c.epci());
                recordRow(rg, "records.field.unesco", c.unesco() == null ? null : Messages.label(c.unesco()));
                recordRow(rg, "records.field.programme", c.programmeDetail() != null ? c.programmeDetail()
                        : c.programmes().isEmpty() ? null : String.join(", ",
                                c.programmes().stream().map(Messages::label).toList()));
                String state = records.renovationStatus(c.id());
                recordRow(rg, "records.field.state", state == null ? Messages.get("record.unknown") : state);
                recordRow(rg, "records.field.note", c.note());
                recordRow(rg, "records.field.source", c.source());
                details.getChildren().add(rg);
                for (var t : records.tranchesOf(c.id())) {
                    details.getChildren().add(new Label(Messages.get("records.tranche", t.number(),
                            t.dwellings() == null ? "?" : t.dwellings(), Messages.label(t.status()))));
                }
                Button edit = new Button(Messages.get("records.edit"));
                edit.getStyleClass().add("edit-record");
                edit.setOnAction(e -> editCite.accept(c));
                details.getChildren().add(edit);
            });
        }
        Label near = new Label(Messages.get("record.nearby", (int) NEARBY_RADIUS));
        near.getStyleClass().add("side-section");
        details.getChildren().add(near);
        List<FeatureHit> items = Nearby.around(vm.project(), f, nearbyLayers(), NEARBY_RADIUS);
        if (items.isEmpty()) details.getChildren().add(new Label(Messages.get("record.nearby.none")));
        for (FeatureHit it : items) {
            Hyperlink link = new Hyperlink(it.layer().entry().title() + " : " + name(it.layer(), it.feature()) + " — "
                    + (it.distance() < 0.5 ? Messages.get("record.touching") : Measure.formatDistance(it.distance())));
            link.setWrapText(true);
            link.setOnAction(e -> vm.highlight(List.of(f, it.feature())));
            details.getChildren().add(link);
        }
    }

    private static String badge(String status) {
        if (status == null) return "unknown";
        return switch (status) {
            case "livrée" -> "done";
            case "travaux en cours" -> "works";
            case "programmée" -> "planned";
            case "à l'étude" -> "study";
            default -> "unknown";
        };
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(3);
        g.getStyleClass().add("record-grid");
        return g;
    }


    private static GridPane attributes(Map<String, Object> attrs) {
        GridPane g = grid();
        attrs.forEach((k, v) -> {
            if (v == null) return;
            Label key = new Label(k);
            key.getStyleClass().add("record-key");
            Label val = new Label(v.toString());
            val.setWrapText(true);
            g.addRow(g.getRowCount(), key, val);
        });
        return g;
    }
}
