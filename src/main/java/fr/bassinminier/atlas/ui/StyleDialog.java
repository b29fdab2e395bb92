package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.io.sld.SldFiles;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.model.style.Style;
import fr.bassinminier.atlas.style.StyleEditor;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import javafx.stage.Window;

/**
 * The simple style dialog: colour, width, opacity, label field, classes by attribute value. It
 * writes an SLD file (so the look travels to QGIS or GeoServer) and the layer uses it at once.
 */
final class StyleDialog {
    private StyleDialog() {
    }

    /**
     * Shows the dialog; on OK the style is built and its SLD written off the FX thread (classes
     * read every feature; the file may sit on a slow share), then applied. Errors go to the
     * runner's failure handler, naming the file.
     */
    static void show(Window owner, MapViewModel vm, ProjectLayer layer, TaskRunner tasks) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(Messages.get("style.title", layer.entry().title()));
        ColorPicker colour = new ColorPicker(Color.web("#e07b1a"));
        Spinner<Double> width = new Spinner<>(0.0, 10.0, 1.0, 0.2);
        width.setEditable(true);
        Slider opacity = new Slider(0, 1, 0.8);
        ComboBox<String> label = fieldChoice(layer);
        ComboBox<String> classes = fieldChoice(layer);
        ComboBox<String> labelScale = new ComboBox<>();
        labelScale.getItems().addAll(Messages.get("style.always"), "1:25 000", "1:60 000", "1:150 000");
        labelScale.getSelectionModel().select(2);
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.setPadding(new Insets(10));
        g.addRow(0, new Label(Messages.get("style.colour")), colour);
        g.addRow(1, new Label(Messages.get("style.width")), width);
        g.addRow(2, new Label(Messages.get("style.opacity")), opacity);
        g.addRow(3, new Label(Messages.get("style.classes")), classes);
        g.addRow(4, new Label(Messages.get("style.label")), label);
        g.addRow(5, new Label(Messages.get("style.labelScale")), labelScale);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Optional<ButtonType> r = d.showAndWait();
        if (r.isEmpty() || r.get() != ButtonType.OK) return;
        double maxScale = switch (labelScale.getSelectionModel().getSelectedIndex()) {
            case 1 -> 25_000;
            case 2 -> 60_000;
            case 3 -> 150_000;
            default -> 0;
        };
        StyleEditor spec = new StyleEditor(hex(colour.getValue()), width.getValue(), opacity.getValue(),
                chosen(label), maxScale, chosen(classes));
        apply(vm, layer, spec, tasks);
    }

    /** Builds and writes the style in the background, then gives it to the layer (on the FX thread). */
    static Task<Style> apply(MapViewModel vm, ProjectLayer layer, StyleEditor spec, TaskRunner tasks) {
        Path file = vm.sldPathFor(layer.entry());
        return tasks.run(Messages.get("task.save", file.getFileName()), pr -> {
            Style style = spec.build(layer.data().geometryType(), layer.data().features());
            SldFiles.write(file, style);
            return style;
        }, style -> vm.setLayerStyle(layer.entry().id(), style, file));
    }

    private static ComboBox<String> fieldChoice(ProjectLayer layer) {
        ComboBox<String> c = new ComboBox<>();
        c.getItems().add(Messages.get("style.none"));
        for (Field f : layer.data().schema().fields()) c.getItems().add(f.name());
        c.getSelectionModel().selectFirst();
        return c;
    }

    private static String chosen(ComboBox<String> c) {
        return c.getSelectionModel().getSelectedIndex() <= 0 ? null : c.getSelectionModel().getSelectedItem();
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
