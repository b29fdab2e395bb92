package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.analysis.impact.Footprint;
import fr.bassinminier.atlas.analysis.impact.FootprintReader;
import fr.bassinminier.atlas.analysis.impact.HeritageIndex;
import fr.bassinminier.atlas.analysis.impact.HeritageLayers;
import fr.bassinminier.atlas.analysis.impact.ImpactOptions;
import fr.bassinminier.atlas.analysis.impact.ImpactReport;
import fr.bassinminier.atlas.analysis.impact.ImpactText;
import fr.bassinminier.atlas.analysis.impact.ReportInfo;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.print.ImpactReportPdf;
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
    private HeritageIndex index;
    private LoadedProject indexed;
    private ImpactReport last;

    ImpactWindow(Window owner, MapViewModel vm, TaskRunner tasks) {
        this.tasks = tasks;
        this.vm = vm;
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
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label(Messages.get("impact.radius")), radius);
        form.addRow(1, new Label(Messages.get("impact.reference")), reference);
        form.addRow(2, new Label(Messages.get("impact.author")), author);
        Label hint = new Label(Messages.get("impact.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("side-hint");
        VBox top = new VBox(6, hint, input, new HBox(8, check, file), form);
        top.setPadding(new Insets(10));
        BorderPane root = new BorderPane(answer);
        root.setTop(top);
        HBox bottom = new HBox(8, copy, pdf, status);
        bottom.setPadding(new Insets(8));
        root.setBottom(bottom);
        Scene scene = new Scene(root, 720, 760);
        scene.getStylesheets().add(ImpactWindow.class.getResource("atlas.css").toExternalForm());
        stage.setScene(scene);
    }

    /** The answer shown, for tests. */
    String answerText() {
        return answer.getText();
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
        String upper = text.toUpperCase(java.util.Locale.ROOT);
        boolean wkt = upper.startsWith("POINT") || upper.startsWith("LINESTRING") || upper.startsWith("POLYGON")
                || upper.startsWith("MULTI");
        run(() -> wkt ? FootprintReader.wkt(text, null) : FootprintReader.vertices(text, null));
    }

    @FunctionalInterface
    private interface FootprintSource {
        Footprint read() throws Exception;
    }

    private void run(FootprintSource source) {
        LoadedProject p = vm.project();
        if (p == null) return;
        int r = radius.getValue();
        status.setText(Messages.get("impact.running"));
        tasks.run(Messages.get("task.impact"), pr -> index(p).check(source.read(), new ImpactOptions(r)), this::show, ex -> {
            status.setText(ex.getMessage());
            answer.setText(Messages.get("impact.failed", ex.getMessage()));
        });
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

    private void show(ImpactReport r) {
        last = r;
        List<Feature> hl = new ArrayList<>();
        hl.add(new Feature(-1, r.footprint().geometry(), Schema.empty(), new Object[0]));
        for (var c : r.property().components()) if (c.feature() != null) hl.add(c.feature());
        for (var el : r.elements()) if (el.feature() != null) hl.add(el.feature());
        vm.highlight(hl);
        var env = r.footprint().geometry().getEnvelopeInternal();
        env.expandBy(r.radius());
        vm.zoomTo(env);
        status.setText(Messages.get("impact.done", String.format(java.util.Locale.FRANCE, "%.1f", r.nanos() / 1e6)));
        answer.setText(ImpactText.format(r, info()));
    }

    private void writePdf() {
        if (last == null) {
            status.setText(Messages.get("impact.empty"));
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setInitialFileName("avis-patrimoine" + (reference.getText().isBlank() ? "" : "-"
                + reference.getText().replaceAll("[^A-Za-z0-9-]+", "_")) + ".pdf");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        File f = fc.showSaveDialog(stage);
        if (f == null) return;
        ImpactReport r = last;
        ReportInfo info = info();
        LoadedProject p = vm.project();
        Path target = f.toPath();
        tasks.run(Messages.get("task.export", target.getFileName()), pr -> {
            ImpactReportPdf.write(target, r, info, p);
            return target;
        }, t -> status.setText(Messages.get("impact.pdf.done", t.getFileName())), ex -> status.setText(ex.getMessage()));
    }
}
