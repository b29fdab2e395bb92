package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.io.HttpService;
import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.io.project.WfsLayers;
import fr.bassinminier.atlas.io.wfs.WfsCapabilities;
import fr.bassinminier.atlas.io.wfs.WfsClient;
import fr.bassinminier.atlas.io.wfs.WfsFeatureType;
import fr.bassinminier.atlas.io.wfs.WfsSource;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.locationtech.jts.geom.Envelope;

/**
 * Couche › Ajouter une couche WFS: the service's address (the Géoplateforme by default), its
 * capabilities read in the background, one feature type picked from the list (filtered as the
 * user types), optionally only the current view; the layer is read in the background too and
 * added with its provenance (producer, address, date of the copy). The dialog stays open while
 * it works, so a slow or failing service never freezes the window: its French message shows in
 * the dialog.
 */
final class WfsLayerDialog {
    private final MapViewModel vm;
    private final TaskRunner tasks;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final TextField url = new TextField(WfsLayers.defaultEndpoint());
    private final TextField filter = new TextField();
    private final ListView<WfsFeatureType> types = new ListView<>();
    private final CheckBox viewOnly = new CheckBox(Messages.get("wfs.viewOnly"));
    private final Label status = new Label();
    private final Button read = new Button(Messages.get("wfs.read"));
    private final ButtonType addType = new ButtonType(Messages.get("wfs.add"), ButtonBar.ButtonData.OK_DONE);
    private final HttpService http = WfsLayers.http();
    private WfsClient client;
    private WfsCapabilities capabilities;
    private Task<?> running;

    WfsLayerDialog(Window owner, MapViewModel vm, TaskRunner tasks) {
        this.tasks = tasks;
        this.vm = vm;
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("wfs.title"));
        dialog.setHeaderText(Messages.get("wfs.header"));
        dialog.setResizable(true);
        url.setPrefColumnCount(40);
        HBox.setHgrow(url, Priority.ALWAYS);
        url.setOnAction(e -> readCapabilities());
        read.setOnAction(e -> readCapabilities());
        read.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        filter.setPromptText(Messages.get("wfs.filter"));
        types.setPrefHeight(300);
        types.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(WfsFeatureType t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.title().equals(t.name()) ? t.name() : t.title() + " — " + t.name());
            }
        });
        viewOnly.setSelected(true);
        status.setWrapText(true);
        status.setMaxWidth(560);
        status.getStyleClass().add("wfs-status");
        VBox box = new VBox(8, new Label(Messages.get("wfs.url")), new HBox(8, url, read), filter, types, viewOnly, status);
        box.setPadding(new Insets(10));
        box.setPrefWidth(600);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().addAll(addType, ButtonType.CLOSE);
        Button add = (Button) dialog.getDialogPane().lookupButton(addType);
        add.disableProperty().bind(types.getSelectionModel().selectedItemProperty().isNull());
        // "Ajouter" reads the layer in the background and keeps the dialog open until it is added.
        add.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            addSelected();
        });
        dialog.getDialogPane().getStylesheets().add(WfsLayerDialog.class.getResource("atlas.css").toExternalForm());
    }

    void show() {
        dialog.show();
        if (capabilities == null && running == null) readCapabilities();
    }

    /** For tests and screenshots. */
    Dialog<ButtonType> dialog() {
        return dialog;
    }

    TextField urlField() {
        return url;
    }

    TextField filterField() {
        return filter;
    }

    ListView<WfsFeatureType> typeList() {
        return types;
    }

    CheckBox viewOnlyBox() {
        return viewOnly;
    }

    String statusText() {
        return FxThread.read(status::getText);
    }

    boolean isBusy() {
        return running != null;
    }

    void readCapabilities() {
        String text = url.getText().strip();
        URI endpoint;
        try {
            endpoint = WfsSource.parse(WfsSource.PREFIX + text).endpoint();
        } catch (IllegalArgumentException e) {
            status.setText(Messages.get("wfs.badUrl", e.getMessage()));
            return;
        }
        WfsClient c = new WfsClient(endpoint, null, http, WfsClient.DEFAULT_PAGE);
        types.setItems(FXCollections.observableArrayList());
        status.setText(Messages.get("wfs.reading", endpoint.getHost()));
        running = tasks.run(Messages.get("wfs.reading", endpoint.getHost()), pr -> c.capabilities(), caps -> {
            running = null;
            client = c;
            capabilities = caps;
            FilteredList<WfsFeatureType> shown = new FilteredList<>(FXCollections.observableArrayList(
                    capabilities.featureTypes()));
            filter.textProperty().addListener((o, a, f) -> shown.setPredicate(t -> matches(t, f)));
            shown.setPredicate(t -> matches(t, filter.getText()));
            types.setItems(shown);
            String title = capabilities.title() != null ? capabilities.title() : endpoint.getHost();
            status.setText(Messages.get("wfs.read.done", capabilities.featureTypes().size(), title, capabilities.version()));
        }, ex -> {
            running = null;
            status.setText(ex.getMessage());
        });
    }

    private static boolean matches(WfsFeatureType t, String f) {
        if (f == null || f.isBlank()) return true;
        String q = f.strip().toLowerCase(Locale.ROOT);
        return t.name().toLowerCase(Locale.ROOT).contains(q) || t.title().toLowerCase(Locale.ROOT).contains(q);
    }

    void addSelected() {
        WfsFeatureType t = types.getSelectionModel().getSelectedItem();
        if (t == null || client == null || vm.project() == null || running != null) return;
        Envelope box = viewOnly.isSelected() && vm.viewport() != null ? vm.viewport().ground() : null;
        WfsSource source = WfsLayers.source(client.endpoint(), t.name(), box);
        LayerEntry entry = WfsLayers.entry(source, t.title(), capabilities.title());
        var crs = vm.project().project().crs();
        status.setText(Messages.get("wfs.loading", t.name()));
        running = tasks.run(Messages.get("wfs.loading", t.name()), pr -> WfsLayers.load(entry, http, crs), l -> {
            running = null;
            List<ProjectLayer> added = vm.addLayers(List.of(l));
            String note = l.notice() != null ? " " + l.notice() : "";
            status.setText(Messages.get("wfs.added", t.name(), l.data().size()) + note);
            vm.setStatus(Messages.get("wfs.added", t.name(), l.data().size()));
            if (box == null && !added.isEmpty() && l.data().size() > 0) vm.zoomToLayer(added.get(0).entry().id());
        }, ex -> {
            running = null;
            status.setText(ex instanceof ServiceException || ex instanceof IllegalArgumentException ? ex.getMessage()
                    : Messages.get("error.unexpected", String.valueOf(ex)));
        });
    }
}
