package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.analysis.impact.Footprint;
import fr.bassinminier.atlas.analysis.impact.FootprintReader;
import fr.bassinminier.atlas.analysis.impact.HeritageIndex;
import fr.bassinminier.atlas.analysis.impact.HeritageLayers;
import fr.bassinminier.atlas.analysis.impact.ImpactOptions;
import fr.bassinminier.atlas.analysis.impact.ImpactReport;
import fr.bassinminier.atlas.analysis.impact.ImpactText;
import fr.bassinminier.atlas.analysis.impact.ParcelFootprint;
import fr.bassinminier.atlas.analysis.impact.ProtectionReport;
import fr.bassinminier.atlas.analysis.impact.ReportInfo;
import fr.bassinminier.atlas.analysis.protections.GeoplateformeProtections;
import fr.bassinminier.atlas.io.HttpService;
import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.io.apicarto.CadastreClient;
import fr.bassinminier.atlas.io.apicarto.Parcel;
import fr.bassinminier.atlas.io.apicarto.ParcelRef;
import fr.bassinminier.atlas.io.project.WfsLayers;
import fr.bassinminier.atlas.io.wfs.WfsClient;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.LayerStyle;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.model.project.Provenance;
import java.net.URI;
import java.util.function.Consumer;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ToggleButton;
import fr.bassinminier.atlas.print.layout.HeritageReport;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The heritage impact check for the UDAP: a footprint drawn on the map, typed (Lambert-93 or
 * WGS 84, decimal or DMS) or read from a file, checked against the property, the buffer zone
 * and the heritage elements; the answer as text to paste into an opinion, highlighted on the
 * map, and as a PDF report. The check runs off the FX thread.
 *
 * <p>A permit names parcels: they are found by reference ("62498 AB 123, 124") or picked on the
 * map (API Carto), and become the footprint. When asked to, the check also consults the official
 * services (AC1, AC2, AC4 easements and PLU zoning, Géoplateforme); otherwise, or when a service
 * fails, the answer says plainly which of them were not consulted.
 */
final class ImpactWindow {
    private final MapViewModel vm;
    private final TaskRunner tasks;
    private final Stage stage = new Stage();
    private final TextArea input = new TextArea();
    private final TextArea answer = new TextArea();
    private final Spinner<Integer> radius = new Spinner<>(50, 5000, 500, 50);
    private final TextField reference = new TextField();
    private final TextField author = new TextField(RecordsViewModel.user());
    private final Label status = new Label();
    private final TextField parcelField = new TextField();
    private final ToggleButton pickParcel = new ToggleButton(Messages.get("impact.parcel.pick"));
    private final Button parcelLayer = new Button(Messages.get("impact.parcel.layer"));
    private final CheckBox online = new CheckBox(Messages.get("impact.online"));
    private final Consumer<Consumer<java.awt.geom.Point2D>> mapPicker;
    /** The parcels of the footprint, when it is made of parcels; empty otherwise. */
    private final List<Parcel> parcels = new ArrayList<>();
    private HeritageIndex index;
    private LoadedProject indexed;
    private ImpactReport last;
    private ProtectionReport lastProtections;
    private volatile boolean busy;
    /** Which check is the latest: a slow service's answer to an earlier one is dropped. */
    private int generation;

    /**
     * @param mapPicker arms (with a handler) or disarms (null) the pick of a point on the main
     *                  map: the next clicks give ground points (Lambert-93) to the handler
     */
    ImpactWindow(Window owner, MapViewModel vm, TaskRunner tasks, Consumer<Consumer<java.awt.geom.Point2D>> mapPicker) {
        this.tasks = tasks;
        this.vm = vm;
        this.mapPicker = mapPicker;
        stage.initOwner(owner);
        stage.setTitle(Messages.get("impact.title"));
        input.setPromptText(Messages.get("impact.prompt"));
        input.setPrefRowCount(4);
        answer.setEditable(false);
        answer.setWrapText(true);
        answer.getStyleClass().add("impact-answer");
        reference.setPromptText(Messages.get("impact.reference.prompt"));
        Button check = new Button(Messages.get("impact.check"));
        check.setDefaultButton(true);
        check.setOnAction(e -> checkTyped());
        Button file = new Button(Messages.get("impact.file"));
        file.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("dialog.add.filter"),
                    "*.geojson", "*.json", "*.shp", "*.zip", "*.gpkg"));
            File f = fc.showOpenDialog(stage);
            if (f != null) run(() -> FootprintReader.file(f.toPath(), null, null));
        });
        Button copy = new Button(Messages.get("impact.copy"));
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(answer.getText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        });
        Button pdf = new Button(Messages.get("impact.pdf"));
        pdf.setOnAction(e -> writePdf());
        parcelField.setPromptText(Messages.get("impact.parcel.prompt"));
        parcelField.setPrefColumnCount(28);
        parcelField.setOnAction(e -> findParcels());
        Button find = new Button(Messages.get("impact.parcel.find"));
        find.setOnAction(e -> findParcels());
        pickParcel.selectedProperty().addListener((o, was, on) -> {
            mapPicker.accept(on ? this::pickAt : null);
            status.setText(on ? Messages.get("impact.parcel.pick.hint") : "");
        });
        parcelLayer.setDisable(true);
        parcelLayer.setOnAction(e -> addParcelLayer());
        online.setSelected(!Boolean.getBoolean("atlas.offline"));
        online.setWrapText(true);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label(Messages.get("impact.radius")), radius);
        form.addRow(1, new Label(Messages.get("impact.reference")), reference);
        form.addRow(2, new Label(Messages.get("impact.author")), author);
        Label hint = new Label(Messages.get("impact.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("side-hint");
        Label parcelLabel = new Label(Messages.get("impact.parcel"));
        HBox parcelRow = new HBox(8, parcelLabel, parcelField, find, pickParcel, parcelLayer);
        // The field gives way; the buttons keep their words.
        for (javafx.scene.control.Control c : List.of(parcelLabel, find, pickParcel, parcelLayer)) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        parcelField.setMinWidth(120);
        parcelRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(parcelField, javafx.scene.layout.Priority.ALWAYS);
        VBox top = new VBox(6, hint, input, new HBox(8, check, file), parcelRow, online, form);
        top.setPadding(new Insets(10));
        BorderPane root = new BorderPane(answer);
        root.setTop(top);
        HBox bottom = new HBox(8, copy, pdf, status);
        bottom.setPadding(new Insets(8));
        root.setBottom(bottom);
        Scene scene = new Scene(root, 820, 800);
        scene.getStylesheets().add(ImpactWindow.class.getResource("atlas.css").toExternalForm());
        stage.setScene(scene);
        stage.setOnHidden(e -> pickParcel.setSelected(false));
    }

    /** For tests and screenshots. */
    TextField parcelField() {
        return parcelField;
    }

    CheckBox onlineBox() {
        return online;
    }

    ToggleButton pickToggle() {
        return pickParcel;
    }

    Button parcelLayerButton() {
        return parcelLayer;
    }

    String statusText() {
        return FxThread.read(status::getText);
    }

    boolean isBusy() {
        return busy;
    }

    Stage stage() {
        return stage;
    }

    ProtectionReport lastProtections() {
        return FxThread.read(() -> lastProtections);
    }

    List<Parcel> parcels() {
        return FxThread.read(() -> List.copyOf(parcels));
    }

    /** The answer shown, for tests; read on the FX thread (a text area changing under a reader throws). */
    String answerText() {
        return FxThread.read(answer::getText);
    }

    /** The answer's node, for screenshots. */
    javafx.scene.Node answerNode() {
        return answer;
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    /** A footprint drawn on the map (ground points in the project CRS, Lambert-93). */
    void checkDrawn(List<java.awt.geom.Point2D> points) {
        parcels.clear();
        parcelLayer.setDisable(true);
        StringBuilder sb = new StringBuilder();
        for (var p : points) sb.append(String.format(java.util.Locale.ROOT, "%.1f %.1f%n", p.getX(), p.getY()));
        input.setText(sb.toString());
        show();
        checkTyped();
    }

    private void checkTyped() {
        String text = input.getText().strip();
        if (text.isEmpty()) {
            status.setText(Messages.get("impact.empty"));
            return;
        }
        parcels.clear();
        parcelLayer.setDisable(true);
        String upper = text.toUpperCase(java.util.Locale.ROOT);
        boolean wkt = upper.startsWith("POINT") || upper.startsWith("LINESTRING") || upper.startsWith("POLYGON")
                || upper.startsWith("MULTI");
        run(() -> wkt ? FootprintReader.wkt(text, null) : FootprintReader.vertices(text, null));
    }

    @FunctionalInterface
    private interface FootprintSource {
        Footprint read() throws Exception;
    }

    /** The check's answer and what the online services said (never null: offline, each section says so). */
    private record Checked(ImpactReport report, ProtectionReport protections) {
    }

    private void run(FootprintSource source) {
        LoadedProject p = vm.project();
        if (p == null) return;
        int r = radius.getValue();
        boolean consult = online.isSelected();
        status.setText(Messages.get(consult ? "impact.running.online" : "impact.running"));
        busy = true;
        int run = ++generation;
        tasks.run(Messages.get("task.impact"), pr -> {
            Footprint fp = source.read();
            ImpactReport report = index(p).check(fp, new ImpactOptions(r));
            // The UNESCO answer shows at once; the services' sections follow when they have answered.
            if (consult) javafx.application.Platform.runLater(() -> {
                if (run == generation) show(report, null, true);
            });
            // Unticked, only the cache is read: each section then says it was not consulted, or gives its dated answer.
            HttpService http = WfsLayers.http().offline(!consult);
            WfsClient wfs = new WfsClient(URI.create(WfsLayers.defaultEndpoint()), null, http, WfsClient.DEFAULT_PAGE);
            return new Checked(report, new GeoplateformeProtections(wfs).consult(fp.geometry()));
        }, c -> {
            if (run != generation) return; // a later check has started: its answer is the one to show
            busy = false;
            show(c.report(), c.protections(), !consult);
        }, ex -> {
            if (run != generation) return;
            busy = false;
            status.setText(ex.getMessage());
            answer.setText(Messages.get("impact.failed", ex.getMessage()));
        });
    }

    /** API Carto's cadastre: -Datlas.cadastre.url when given (tests), else IGN's. */
    private static CadastreClient cadastre() {
        String u = System.getProperty("atlas.cadastre.url");
        URI endpoint = u != null && !u.isBlank() ? URI.create(u) : CadastreClient.DEFAULT_ENDPOINT;
        return new CadastreClient(endpoint, WfsLayers.http());
    }

    /** Finds the parcels typed ("62498 AB 123, 124") and checks them as the footprint. */
    void findParcels() {
        List<ParcelRef> refs;
        try {
            refs = ParcelRef.parse(parcelField.getText());
        } catch (IllegalArgumentException e) {
            status.setText(Messages.get("impact.parcel.bad", e.getMessage()));
            return;
        }
        status.setText(Messages.get("impact.parcel.searching", refs.size()));
        busy = true;
        tasks.run(Messages.get("task.cadastre"), pr -> cadastre().parcels(refs), found -> {
            busy = false;
            parcels.clear();
            parcels.addAll(found.parcels());
            checkParcels(found);
        }, this::parcelFailed);
    }

    /** A click on the map with the pick tool: the parcel there joins the footprint (a second click on it leaves it). */
    void pickAt(java.awt.geom.Point2D ground) {
        status.setText(Messages.get("impact.parcel.picking"));
        busy = true;
        tasks.run(Messages.get("task.cadastre"), pr -> cadastre().parcelsAt(ground.getX(), ground.getY()), result -> {
            busy = false;
            for (Parcel found : result.parcels()) {
                boolean removed = parcels.removeIf(x -> x.ref().idu().equals(found.ref().idu()));
                if (!removed) parcels.add(found);
            }
            parcelField.setText(String.join(", ", parcels.stream().map(x -> x.ref().idu()).toList()));
            if (parcels.isEmpty()) {
                status.setText(Messages.get("impact.parcel.none"));
                parcelLayer.setDisable(true);
                return;
            }
            checkParcels(result);
        }, this::parcelFailed);
    }

    private void parcelFailed(Throwable ex) {
        busy = false;
        String m = ex instanceof ServiceException ? ex.getMessage() : Messages.get("error.unexpected", String.valueOf(ex));
        status.setText(m);
        answer.setText(Messages.get("impact.parcel.failed", m));
    }

    private void checkParcels(CadastreClient.Result r) {
        List<Parcel> chosen = List.copyOf(parcels);
        parcelLayer.setDisable(chosen.isEmpty());
        String source = Messages.get("impact.parcel.source", ImpactText.date(r.fetchedAt().atZone(Localization.FRANCE)
                .toLocalDate().toString())) + (r.fromCache() ? Messages.get("impact.parcel.cached") : "");
        input.setText(String.join(", ", chosen.stream().map(x -> x.ref().toString()).toList()));
        run(() -> ParcelFootprint.of(chosen, source));
    }

    /** The parcels of the footprint as a map layer (drawn in red outline), with their cadastral facts. */
    void addParcelLayer() {
        if (parcels.isEmpty() || vm.project() == null) return;
        Schema schema = new Schema(List.of(new Field("idu", FieldType.STRING), new Field("commune", FieldType.STRING),
                new Field("section", FieldType.STRING), new Field("numero", FieldType.STRING),
                new Field("contenance", FieldType.LONG)));
        List<Feature> features = new ArrayList<>();
        org.locationtech.jts.geom.Envelope box = new org.locationtech.jts.geom.Envelope();
        long id = 1;
        for (Parcel x : parcels) {
            features.add(new Feature(id++, x.geometry(), schema, new Object[] {x.ref().idu(), x.commune(), x.ref().section(),
                    x.ref().number(), x.contenance()}));
            box.expandToInclude(x.geometry().getEnvelopeInternal());
        }
        VectorLayer layer = new VectorLayer("parcelles", GeometryType.POLYGON, fr.bassinminier.atlas.model.CrsId.LAMBERT_93,
                schema, features);
        box.expandBy(1);
        // Saved in the project as the cadastre's WFS layer over the parcels' box, so that it opens again.
        var src = WfsLayers.source(URI.create(WfsLayers.defaultEndpoint()), fr.bassinminier.atlas.analysis.protections.WfsParcels.PARCELS, box);
        String title = Messages.get("impact.parcel.layer.title", String.join(", ", parcels.stream().map(x -> x.ref().section()
                + " " + Integer.parseInt(x.ref().number())).toList()));
        LayerEntry entry = new LayerEntry("parcelles", title, fr.bassinminier.atlas.io.project.LayerImport.ADDED_GROUP,
                WfsLayers.sourceText(src), null, true, 1, new LayerStyle(null, 0, "#d7191c", 2, null, 6, null), null, null,
                false, null, null, new Provenance("IGN — cadastre (API Carto)", "Parcellaire Express (PCI)",
                "Licence Ouverte / Etalab 2.0", WfsLayers.sourceText(src).substring(4),
                Localization.today().toString(), null, false, null));
        var crs = vm.project().project().crs();
        vm.addLayers(List.of(ProjectLayer.loaded(entry, fr.bassinminier.atlas.crs.CrsTransforms.transform(layer, crs))));
        status.setText(Messages.get("impact.parcel.layer.done", parcels.size()));
    }

    /** The heritage index of a project is built once and reused for every check. */
    private synchronized HeritageIndex index(LoadedProject p) {
        if (index == null || indexed != p) {
            index = HeritageIndex.build(HeritageLayers.fromProject(p));
            indexed = p;
        }
        return index;
    }

    private ReportInfo info() {
        return ReportInfo.today(reference.getText(), author.getText());
    }

    /**
     * @param protections what the services said; null while they are being asked
     * @param zoom        whether to highlight and zoom (once per check)
     */
    private void show(ImpactReport r, ProtectionReport protections, boolean zoom) {
        last = r;
        lastProtections = protections;
        if (zoom) {
            List<Feature> hl = new ArrayList<>();
            hl.add(new Feature(-1, r.footprint().geometry(), Schema.empty(), new Object[0]));
            for (var c : r.property().components()) if (c.feature() != null) hl.add(c.feature());
            for (var el : r.elements()) if (el.feature() != null) hl.add(el.feature());
            vm.highlight(hl);
            var env = r.footprint().geometry().getEnvelopeInternal();
            env.expandBy(r.radius());
            vm.zoomTo(env);
        }
        status.setText(Messages.get("impact.done", String.format(java.util.Locale.FRANCE, "%.1f", r.nanos() / 1e6)));
        answer.setText(ImpactText.format(r, info(), protections));
        if (protections == null) {
            status.setText(status.getText() + " — " + Messages.get("impact.online.waiting"));
        } else if (!protections.allConsulted()) {
            status.setText(status.getText() + " — " + Messages.get("impact.online.missing", protections.notConsulted().size()));
        }
    }

    private void writePdf() {
        if (last == null) {
            status.setText(Messages.get("impact.empty"));
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setInitialFileName("avis-patrimoine" + (reference.getText().isBlank() ? "" : "-"
                + reference.getText().replaceAll("[^A-Za-z0-9-]+", "_")) + ".pdf");
        // The same report as PNG pages (NAME-001.png, NAME-002.png) to preview or paste into a document.
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PDF", "*.pdf"),
                new FileChooser.ExtensionFilter("PNG", "*.png"));
        File f = fc.showSaveDialog(stage);
        if (f == null) return;
        ImpactReport r = last;
        ProtectionReport protections = lastProtections;
        ReportInfo info = info();
        LoadedProject p = vm.project();
        Path target = f.toPath();
        tasks.run(Messages.get("task.export", target.getFileName()), pr -> {
            if (target.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
                HeritageReport.png(target, r, info, p, protections, 150);
            } else {
                HeritageReport.write(target, r, info, p, protections);
            }
            return target;
        }, t -> status.setText(Messages.get("impact.pdf.done", t.getFileName())), ex -> status.setText(ex.getMessage()));
    }
}
