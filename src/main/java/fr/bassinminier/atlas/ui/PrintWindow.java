package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.PrintTemplate;
import fr.bassinminier.atlas.print.layout.PrintJob;
import fr.bassinminier.atlas.print.layout.PrintLayout;
import fr.bassinminier.atlas.render.Viewport;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Printing from the desktop: page size and orientation, scale, title, legend and overview, with
 * a preview drawn by the same layout code as the PDF (so the preview is what the PDF will be),
 * centred on the current view. Rendering and writing run off the FX thread.
 */
final class PrintWindow {
    private static final double PREVIEW_DPI = 40;

    private final MapViewModel vm;
    private final Stage stage = new Stage();
    private final ComboBox<String> page = new ComboBox<>();
    private final CheckBox landscape = new CheckBox(Messages.get("print.landscape"));
    private final ComboBox<String> scale = new ComboBox<>();
    private final TextField title = new TextField();
    private final TextField subtitle = new TextField();
    private final TextField author = new TextField(RecordsViewModel.user());
    private final CheckBox legend = new CheckBox(Messages.get("print.legend"));
    private final CheckBox overview = new CheckBox(Messages.get("print.overview"));
    private final CheckBox legendPage = new CheckBox(Messages.get("print.legendPage"));
    /** Says, before export, that the legend does not fit the page (empty when it does). */
    private final Label legendNotice = new Label();
    /** Says which shown layers the print will miss or draw in part, and why (empty when none). */
    private final Label layerNotices = new Label();
    private final ImageView preview = new ImageView();
    private final Label status = new Label();
    private final TaskRunner tasks;
    /** Typing in a field asks for a new preview: only the last one of a burst is drawn. */
    private final TaskRunner.Latest<Preview> previews;

    /** A preview page and what its legend could not hold. */
    private record Preview(BufferedImage image, String notice) {
    }

    /** The map's background, printed under the layers with its attribution (null: none). */
    private final fr.bassinminier.atlas.render.TileProvider basemap;

    PrintWindow(Window owner, MapViewModel vm, fr.bassinminier.atlas.render.TileProvider basemap, TaskRunner tasks) {
        this.vm = vm;
        this.basemap = basemap;
        this.tasks = tasks;
        this.previews = tasks.latest("atlas-print-preview", javafx.util.Duration.millis(250));
        stage.setOnHidden(e -> previews.close());
        stage.initOwner(owner);
        stage.setTitle(Messages.get("print.title"));
        page.getItems().addAll("A4", "A3", "A2", "A1", "A0");
        page.setValue("A3");
        landscape.setSelected(true);
        scale.getItems().addAll(Messages.get("print.scale.view"), "1:5 000", "1:10 000", "1:25 000", "1:50 000",
                "1:100 000", "1:250 000");
        scale.setValue(Messages.get("print.scale.view"));
        LoadedProject p = vm.project();
        title.setText(p == null ? "" : p.project().title());
        legend.setSelected(true);
        overview.setSelected(true);
        for (var c : List.of(page.valueProperty(), scale.valueProperty())) c.addListener((o, a, v) -> refresh());
        for (var c : List.of(landscape, legend, overview, legendPage)) c.selectedProperty().addListener((o, a, v) -> refresh());
        for (var t : List.of(title, subtitle, author)) t.textProperty().addListener((o, a, v) -> refresh());
        Button pdf = new Button(Messages.get("print.pdf"));
        pdf.setOnAction(e -> export(true));
        Button png = new Button(Messages.get("print.png"));
        png.setOnAction(e -> export(false));
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.setPadding(new Insets(10));
        form.addRow(0, new Label(Messages.get("print.page")), page, landscape);
        form.addRow(1, new Label(Messages.get("print.scale")), scale);
        form.addRow(2, new Label(Messages.get("print.titleField")), title);
        form.addRow(3, new Label(Messages.get("print.subtitle")), subtitle);
        form.addRow(4, new Label(Messages.get("print.author")), author);
        form.addRow(5, legend, overview);
        form.add(legendPage, 0, 6, 3, 1);
        form.addRow(7, pdf, png);
        form.add(status, 0, 8, 3, 1);
        legendNotice.setWrapText(true);
        legendNotice.setMaxWidth(360);
        legendNotice.getStyleClass().add("print-notice");
        form.add(legendNotice, 0, 9, 3, 1);
        layerNotices.setWrapText(true);
        layerNotices.setMaxWidth(360);
        layerNotices.getStyleClass().add("print-notice");
        form.add(layerNotices, 0, 10, 3, 1);
        preview.setPreserveRatio(true);
        preview.setFitWidth(820);
        preview.setFitHeight(560);
        StackPane holder = new StackPane(preview);
        holder.getStyleClass().add("print-preview");
        holder.setPadding(new Insets(10));
        BorderPane root = new BorderPane(holder);
        root.setLeft(form);
        Scene scene = new Scene(root, 1320, 640);
        scene.getStylesheets().add(PrintWindow.class.getResource("atlas.css").toExternalForm());
        stage.setScene(scene);
    }

    /** The legend notice shown before export, for tests: empty when the legend fits. */
    String legendNotice() {
        return FxThread.read(legendNotice::getText);
    }

    /** The layers' notices shown before export, for tests: empty when every shown layer is drawn whole. */
    String layerNotices() {
        return FxThread.read(layerNotices::getText);
    }

    void setLegendPage(boolean on) {
        legendPage.setSelected(on);
    }

    /** The preview shown, for tests: null until the first one is drawn. */
    javafx.scene.image.Image previewImage() {
        return FxThread.read(preview::getImage);
    }

    void setPage(String size) {
        page.setValue(size);
    }

    void show() {
        stage.show();
        stage.toFront();
        refresh();
    }

    void close() {
        stage.close();
    }

    private PrintTemplate template() {
        double s = 0;
        String chosen = scale.getValue();
        if (chosen != null && chosen.startsWith("1:")) s = Double.parseDouble(chosen.substring(2).replaceAll("\\D", ""));
        else if (vm.viewport() != null) s = Math.round(vm.viewport().scaleDenominator() / 100.0) * 100.0;
        return new PrintTemplate("bureau", page.getValue(), landscape.isSelected(), 10, title.getText(),
                blank(subtitle.getText()), null, blank(author.getText()), null, legend.isSelected(),
                overview.isSelected(), s);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private PrintLayout.Request request() {
        Viewport v = vm.viewport();
        double[] center = v == null ? null : new double[] {v.centerX(), v.centerY()};
        return new PrintLayout.Request(template(), center, null, null).withBasemap(basemap)
                .withLegendPage(legendPage.isSelected());
    }

    /** Draws the first page at a low resolution with the PDF's own layout code. */
    private void refresh() {
        LoadedProject p = vm.project();
        if (p == null || !stage.isShowing()) return;
        PrintLayout.Request r = request();
        status.setText(Messages.get("print.previewing"));
        layerNotices.setText(String.join("\n", LayerNotices.forPrint(p)));
        previews.submit(Messages.get("task.preview"), pr -> {
            PrintTemplate tp = r.template();
            var f = PrintLayout.format(tp);
            int[] px = PrintJob.pixels(f, (int) PREVIEW_DPI);
            BufferedImage img = new BufferedImage(px[0], px[1], BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            fr.bassinminier.atlas.print.layout.PageFacts facts;
            try {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, px[0], px[1]);
                facts = PrintLayout.draw(g, PREVIEW_DPI / 72.0, p, tp, PrintLayout.plan(p, r).get(0), 1,
                        r.basemap(), r.legendPage());
            } finally {
                g.dispose();
            }
            List<String> missing = facts.legendMissing();
            String notice = missing.isEmpty() ? "" : r.legendPage()
                    ? Messages.get("print.legendOnNextPage", missing.size())
                    : Messages.get("print.legendTooLong", missing.size(), String.join(", ", missing));
            return new Preview(img, notice);
        }, pv -> {
            legendNotice.setText(pv.notice());
            preview.setImage(FxImages.of(pv.image()));
            status.setText(Messages.get("print.ready", r.template().page(),
                    String.format(java.util.Locale.FRANCE, "%,.0f", r.template().scale())));
        }, ex -> status.setText(ex.getMessage()));
    }

    private void export(boolean pdf) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName("carte-" + page.getValue().toLowerCase(java.util.Locale.ROOT) + (pdf ? ".pdf" : ".png"));
        fc.getExtensionFilters().add(pdf ? new FileChooser.ExtensionFilter("PDF", "*.pdf")
                : new FileChooser.ExtensionFilter("PNG (300 ppp)", "*.png"));
        File f = fc.showSaveDialog(stage);
        if (f == null) return;
        LoadedProject p = vm.project();
        PrintLayout.Request r = request();
        status.setText(Messages.get("print.writing"));
        tasks.run(Messages.get("task.export", f.getName()), pr -> {
            if (pdf) PrintJob.pdf(p, r, f.toPath());
            else PrintJob.png(p, r, f.toPath(), 300);
            return f;
        }, done -> status.setText(Messages.get("print.written", done.getName())), ex -> status.setText(ex.getMessage()));
    }
}
