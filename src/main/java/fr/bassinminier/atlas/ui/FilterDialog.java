package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.style.StyleEditor;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Shows only the features of a layer with one value of a field: cités of one EPCI, landlord, programme, status. */
final class FilterDialog {
    private FilterDialog() {
    }

    static void show(Window owner, MapViewModel vm, ProjectLayer layer) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(Messages.get("filter.title", layer.entry().title()));
        ComboBox<String> field = new ComboBox<>();
        field.getItems().add(Messages.get("filter.none"));
        for (Field f : layer.data().schema().fields()) field.getItems().add(f.name());
        for (String preferred : new String[] {"statut_renovation", "epci", "proprietaire", "programme"}) {
            if (field.getItems().contains(preferred)) {
                field.getSelectionModel().select(preferred);
                break;
            }
        }
        if (field.getSelectionModel().isEmpty()) field.getSelectionModel().selectFirst();
        ComboBox<String> value = new ComboBox<>();
        Runnable fill = () -> {
            value.getItems().clear();
            if (field.getSelectionModel().getSelectedIndex() > 0) {
                value.getItems().addAll(StyleEditor.values(layer.data().features(), field.getValue()));
                value.getSelectionModel().selectFirst();
            }
        };
        field.valueProperty().addListener((o, a, v) -> fill.run());
        fill.run();
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(10));
        g.addRow(0, new Label(Messages.get("filter.field")), field);
        g.addRow(1, new Label(Messages.get("filter.value")), value);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Optional<ButtonType> r = d.showAndWait();
        if (r.isEmpty() || r.get() != ButtonType.OK) return;
        boolean none = field.getSelectionModel().getSelectedIndex() <= 0 || value.getValue() == null;
        vm.filterLayer(layer.entry().id(), none ? null : field.getValue(), none ? null : value.getValue());
    }
}
