package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.analysis.AttributeFilter;
import fr.bassinminier.atlas.io.csv.CsvExport;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.io.File;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * A layer's attribute table: sort by column, filter by text (accents and case ignored), select
 * rows to highlight them on the map, zoom to the selection, export to CSV for Excel.
 */
final class AttributeTableWindow {
    private AttributeTableWindow() {
    }

    static Stage show(Stage owner, MapViewModel vm, ProjectLayer layer, TaskRunner tasks) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(Messages.get("table.title", layer.entry().title()));
        TableView<Feature> table = new TableView<>();
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        List<Field> fields = layer.data().schema().fields();
        for (int i = 0; i < fields.size(); i++) {
            int index = i;
            Field f = fields.get(i);
            // The cell holds the feature so that sorting uses the French, number-aware order.
            TableColumn<Feature, Feature> col = new TableColumn<>(f.name());
            col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
            col.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(Feature item, boolean empty) {
                    super.updateItem(item, empty);
                    Object v = empty || item == null ? null : item.get(index);
                    setText(v == null ? "" : CsvExport.format(v));
                }
            });
            col.setComparator(AttributeFilter.comparator(f.name(), true));
            table.getColumns().add(col);
        }
        ObservableList<Feature> all = FXCollections.observableArrayList(layer.data().features());
        FilteredList<Feature> filtered = new FilteredList<>(all, x -> true);
        SortedList<Feature> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        TextField filter = new TextField();
        filter.setPromptText(Messages.get("table.filter"));
        Label count = new Label();
        Runnable updateCount = () -> count.setText(Messages.get("table.count", filtered.size(), all.size(),
                table.getSelectionModel().getSelectedItems().size()));
        filter.textProperty().addListener((o, a, q) -> {
            filtered.setPredicate(feature -> AttributeFilter.matches(feature, q));
            updateCount.run();
        });
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Feature>) c -> {
            vm.highlight(List.copyOf(table.getSelectionModel().getSelectedItems()));
            updateCount.run();
        });
        Button zoom = new Button(Messages.get("table.zoomSelection"));
        zoom.setOnAction(e -> vm.zoomToHighlighted());
        Button export = new Button(Messages.get("table.export"));
        export.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(Messages.get("table.export"));
            fc.setInitialFileName(layer.entry().id() + ".csv");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV (Excel)", "*.csv"));
            File out = fc.showSaveDialog(stage);
            if (out == null) return;
            List<Feature> rows = table.getSelectionModel().getSelectedItems().isEmpty() ? List.copyOf(sorted)
                    : List.copyOf(table.getSelectionModel().getSelectedItems());
            tasks.run(Messages.get("task.export", out.getName()), pr -> {
                CsvExport.write(out.toPath(), layer.data(), rows, false);
                return rows.size();
            }, n -> vm.setStatus(Messages.get("table.exported", n, out.getName())), ex -> {
                Alert a = new Alert(Alert.AlertType.ERROR, ex.getMessage());
                a.initOwner(stage);
                a.show();
            });
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, filter, count, spacer, zoom, export);
        top.setPadding(new Insets(6));
        BorderPane root = new BorderPane(table);
        root.setTop(top);
        updateCount.run();
        stage.setScene(new Scene(root, 900, 460));
        stage.show();
        return stage;
    }
}
