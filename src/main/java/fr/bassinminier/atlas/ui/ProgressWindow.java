package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.io.AtomicFiles;
import fr.bassinminier.atlas.records.ProgressReport;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/**
 * Where the ERBM stands: dwellings delivered / in works / programmed / to do against the
 * target, by EPCI and by landlord, as charts and a table, exportable as PNG and CSV. The figures
 * come from the records store and follow every saved edit.
 */
final class ProgressWindow {
    private ProgressWindow() {
    }

    static Stage show(Window owner, RecordsViewModel records, TaskRunner tasks) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(Messages.get("progress.title"));
        Label headline = new Label();
        headline.getStyleClass().add("record-title");
        headline.setWrapText(true);
        Label reported = new Label();
        reported.setWrapText(true);
        StackedBarChart<Number, String> byEpci = chart(Messages.get("progress.byEpci"));
        StackedBarChart<Number, String> byOwner = chart(Messages.get("progress.byOwner"));
        TableView<ProgressReport.Group> table = table();
        Runnable fill = () -> {
            ProgressReport r = records.progressProperty().get();
            if (r == null) return;
            ProgressReport.Figures t = r.total();
            headline.setText(Messages.get("progress.headline", n(t.delivered()), n(r.target()),
                    String.format(Locale.FRANCE, "%.1f", 100.0 * t.delivered() / Math.max(1, r.target())),
                    n(t.inWorks()), n(t.programmed()), n(t.toDo()), n(t.dwellings())));
            reported.setText(r.reported() == null ? "" : Messages.get("progress.reported", n(r.reported().delivered()),
                    r.reported().asOf(), r.reported().source(), ProgressReport.CAVEAT));
            series(byEpci, r.byEpci());
            series(byOwner, r.byOwner());
            List<ProgressReport.Group> rows = new ArrayList<>(r.byEpci());
            rows.addAll(r.byOwner());
            table.getItems().setAll(rows);
        };
        fill.run();
        records.progressProperty().addListener((o, a, v) -> fill.run());
        Button png = new Button(Messages.get("progress.exportPng"));
        png.setOnAction(e -> {
            File f = save(stage, "avancement-erbm.png", "PNG", "*.png");
            if (f == null) return;
            // The snapshot is taken on the FX thread; encoding and writing are not.
            WritableImage img = byEpci.getParent().snapshot(null, null);
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            int[] px = new int[w * h];
            img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), px, 0, w);
            tasks.run(Messages.get("task.export", f.getName()), pr -> {
                BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
                b.setRGB(0, 0, w, h, px, 0, w);
                AtomicFiles.write(f.toPath(), out -> ImageIO.write(b, "png", out));
                return f;
            }, done -> { });
        });
        Button csv = new Button(Messages.get("progress.exportCsv"));
        csv.setOnAction(e -> {
            File f = save(stage, "avancement-erbm.csv", "CSV", "*.csv");
            if (f == null) return;
            ProgressReport report = records.progressProperty().get();
            tasks.run(Messages.get("task.export", f.getName()), pr -> {
                AtomicFiles.write(f.toPath(), out -> out.write(csv(report).getBytes(StandardCharsets.UTF_8)));
                return f;
            }, done -> { });
        });
        // The exported picture carries the figures, the programme's own and the caveat, as the window does.
        Label caption = new Label();
        caption.setWrapText(true);
        caption.textProperty().bind(javafx.beans.binding.Bindings.concat(headline.textProperty(), "\n",
                reported.textProperty()));
        VBox charts = new VBox(8, caption, byEpci, byOwner);
        charts.setPadding(new Insets(0, 0, 8, 0));
        // Charts taller than the window scroll rather than lose their lower axis.
        ScrollPane chartsScroll = new ScrollPane(charts);
        chartsScroll.setFitToWidth(true);
        TabPane tabs = new TabPane(new Tab(Messages.get("progress.charts"), chartsScroll),
                new Tab(Messages.get("progress.table"), table));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox top = new VBox(4, headline, reported, new HBox(8, png, csv));
        top.setPadding(new Insets(10));
        BorderPane root = new BorderPane(tabs);
        root.setTop(top);
        Scene scene = new Scene(root, 980, 760);
        scene.getStylesheets().add(ProgressWindow.class.getResource("atlas.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private static String n(int v) {
        return String.format(Locale.FRANCE, "%,d", v);
    }

    /** Horizontal bars: landlord and EPCI names stay readable however long they are. */
    static StackedBarChart<Number, String> chart(String title) {
        NumberAxis values = new NumberAxis();
        values.setLabel(Messages.get("progress.dwellings"));
        values.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return String.format(Locale.FRANCE, "%,d", n.intValue());
            }

            @Override
            public Number fromString(String s) {
                return Integer.valueOf(s.replaceAll("\\D", ""));
            }
        });
        StackedBarChart<Number, String> c = new StackedBarChart<>(values, new CategoryAxis());
        c.setTitle(title);
        c.setAnimated(false);
        c.setPrefHeight(330);
        // Room right of the value axis: its last tick label ("12 000") is centred on the chart's edge.
        c.setPadding(new Insets(5, 28, 5, 5));
        c.getStyleClass().add("progress-chart");
        return c;
    }

    static void series(StackedBarChart<Number, String> chart, List<ProgressReport.Group> groups) {
        String[] names = {Messages.get("progress.delivered"), Messages.get("progress.inWorks"),
            Messages.get("progress.programmed"), Messages.get("progress.toDo")};
        List<XYChart.Series<Number, String>> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            XYChart.Series<Number, String> s = new XYChart.Series<>();
            s.setName(names[i]);
            for (ProgressReport.Group g : groups) {
                ProgressReport.Figures f = g.figures();
                int v = switch (i) {
                    case 0 -> f.delivered();
                    case 1 -> f.inWorks();
                    case 2 -> f.programmed();
                    default -> f.toDo();
                };
                s.getData().add(new XYChart.Data<>(v, g.name()));
            }
            all.add(s);
        }
        chart.getData().setAll(all);
        // A row per group tall enough for its name: an axis hides the names that would overlap.
        double h = Math.max(330, 140 + 26.0 * groups.size());
        chart.setMinHeight(h);
        chart.setPrefHeight(h);
    }

    private static TableView<ProgressReport.Group> table() {
        TableView<ProgressReport.Group> t = new TableView<>();
        t.getColumns().add(col(Messages.get("progress.group"), g -> g.name()));
        t.getColumns().add(col(Messages.get("progress.cites"), g -> g.cites()));
        t.getColumns().add(col(Messages.get("progress.dwellings"), g -> g.figures().dwellings()));
        t.getColumns().add(col(Messages.get("progress.delivered"), g -> g.figures().delivered()));
        t.getColumns().add(col(Messages.get("progress.inWorks"), g -> g.figures().inWorks()));
        t.getColumns().add(col(Messages.get("progress.programmed"), g -> g.figures().programmed()));
        t.getColumns().add(col(Messages.get("progress.toDo"), g -> g.figures().toDo()));
        return t;
    }

    private static <T> TableColumn<ProgressReport.Group, T> col(String name, java.util.function.Function<ProgressReport.Group, T> f) {
        TableColumn<ProgressReport.Group, T> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        return c;
    }

    /** The table as CSV for French Excel: UTF-8 with BOM, semicolons. */
    static String csv(ProgressReport r) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        // The programme's own figure and the caveat travel with the numbers, as on screen.
        if (r.reported() != null) {
            sb.append("chiffre_annonce;").append(csvText(r.reported().source())).append(";;").append(r.reported().delivered())
                    .append(";;;;\r\n");
        }
        sb.append("avertissement;").append(csvText(ProgressReport.CAVEAT)).append(";;;;;;\r\n");
        sb.append("regroupement;nom;cites;logements;livres;en_travaux;programmes;sans_operation\r\n");
        sb.append("total;ERBM;").append(r.cites()).append(';').append(r.total().dwellings()).append(';')
                .append(r.total().delivered()).append(';').append(r.total().inWorks()).append(';')
                .append(r.total().programmed()).append(';').append(r.total().toDo()).append("\r\n");
        for (ProgressReport.Group g : r.byEpci()) row(sb, "epci", g);
        for (ProgressReport.Group g : r.byOwner()) row(sb, "bailleur", g);
        return sb.toString();
    }

    private static String csvText(String s) {
        return s == null ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static void row(StringBuilder sb, String kind, ProgressReport.Group g) {
        ProgressReport.Figures f = g.figures();
        sb.append(kind).append(';').append(g.name().replace(";", ",")).append(';').append(g.cites()).append(';')
                .append(f.dwellings()).append(';').append(f.delivered()).append(';').append(f.inWorks()).append(';')
                .append(f.programmed()).append(';').append(f.toDo()).append("\r\n");
    }

    private static File save(Stage owner, String name, String what, String pattern) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(name);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        return fc.showSaveDialog(owner);
    }

}
