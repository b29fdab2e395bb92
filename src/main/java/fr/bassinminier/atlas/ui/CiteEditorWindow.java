package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.ConflictException;
import fr.bassinminier.atlas.records.HistoryEntry;
import fr.bassinminier.atlas.records.Tranche;
import fr.bassinminier.atlas.records.TrancheStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Editing a cité's record: validated fields, tranche statuses, undo/redo, save in one
 * transaction signed with the user's name, and the record's history.
 */
final class CiteEditorWindow {
    private static final List<String> EDITABLE = List.of(Cite.NAME, Cite.COMMUNES, Cite.EPCI, Cite.OWNERS, Cite.DWELLINGS,
            Cite.UNESCO, Cite.PROGRAMMES, Cite.PROGRAMME_DETAIL, Cite.NOTE, Cite.SOURCE);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRANCE)
            .withZone(ZoneId.systemDefault());

    private CiteEditorWindow() {
    }

    static Stage show(Window owner, RecordsViewModel records, Cite cite, Consumer<RecordsViewModel.Published> saved,
                      TaskRunner tasks) {
        CiteEditorModel model = new CiteEditorModel(cite, records.tranchesOf(cite.id()));
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(Messages.get("editor.title", cite.name()));
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.setPadding(new Insets(10));
        Map<String, TextField> fields = new LinkedHashMap<>();
        // True while undo/redo writes the model back into the controls: those are not new edits.
        boolean[] reloading = {false};
        Map<String, Label> problems = new LinkedHashMap<>();
        for (String col : EDITABLE) {
            TextField tf = new TextField(model.value(col));
            tf.setPrefColumnCount(28);
            tf.getStyleClass().add("editor-" + col);
            Label problem = new Label();
            problem.getStyleClass().add("field-problem");
            tf.textProperty().addListener((o, a, v) -> {
                if (!reloading[0]) model.set(col, v);
                problem.setText(model.problem(col) == null ? "" : model.problem(col));
            });
            fields.put(col, tf);
            problems.put(col, problem);
            form.addRow(form.getRowCount(), new Label(Messages.get("editor.field." + col)), tf, problem);
        }
        Map<Long, ComboBox<String>> statuses = new LinkedHashMap<>();
        if (!model.tranches().isEmpty()) {
            Label head = new Label(Messages.get("editor.tranches"));
            head.getStyleClass().add("side-section");
            form.add(head, 0, form.getRowCount(), 3, 1);
            for (Tranche t : model.tranches()) {
                ComboBox<String> c = new ComboBox<>();
                for (TrancheStatus s : TrancheStatus.values()) c.getItems().add(s.label());
                c.setValue(model.trancheStatus(t.id()));
                c.valueProperty().addListener((o, a, v) -> {
                    if (!reloading[0]) model.setTrancheStatus(t.id(), v);
                });
                statuses.put(t.id(), c);
                form.addRow(form.getRowCount(), new Label(Messages.get("editor.tranche", t.number(),
                        t.dwellings() == null ? "?" : t.dwellings())), c);
            }
        }
        ListView<String> history = new ListView<>();
        history.setPrefHeight(160);
        // The history is a query on the store: read off the FX thread.
        Runnable refreshHistory = () -> tasks.run(Messages.get("task.history", cite.name()),
                pr -> records.history(cite.id()).stream().sorted((a, b) -> b.at().compareTo(a.at()))
                        .map(CiteEditorWindow::describe).toList(),
                lines -> history.getItems().setAll(lines), ex -> history.getItems().setAll(ex.getMessage()));
        refreshHistory.run();
        TextField comment = new TextField();
        comment.setPromptText(Messages.get("editor.comment"));
        Button undo = new Button(Messages.get("editor.undo"));
        Button redo = new Button(Messages.get("editor.redo"));
        Button save = new Button(Messages.get("editor.save"));
        save.setDefaultButton(true);
        Label status = new Label(Messages.get("editor.user", RecordsViewModel.user()));
        Runnable reload = () -> {
            reloading[0] = true;
            try {
                fields.forEach((col, tf) -> {
                    if (!tf.getText().equals(model.value(col))) tf.setText(model.value(col));
                });
                statuses.forEach((id, c) -> c.setValue(model.trancheStatus(id)));
            } finally {
                reloading[0] = false;
            }
        };
        undo.setOnAction(e -> {
            model.undo();
            reload.run();
        });
        redo.setOnAction(e -> {
            model.redo();
            reload.run();
        });
        // What this window last read or saved: a save against anything else is a conflict.
        Cite[] base = {cite};
        save.setOnAction(e -> {
            Cite result;
            try {
                result = model.result();
            } catch (IllegalArgumentException ex) {
                status.setText(ex.getMessage());
                return;
            }
            save.setDisable(true);
            String note = comment.getText().isBlank() ? null : comment.getText().strip();
            String source = Messages.get("task.recordsSave", result.name());
            tasks.run(source, pr -> RecordsViewModel.Published.of(records.save(model, base[0], note)), published -> {
                base[0] = result;
                saved.accept(published);
                refreshHistory.run();
                status.setText(Messages.get("editor.saved", result.name()));
                save.setDisable(false);
            }, failure -> {
                save.setDisable(false);
                // Nothing was written; the fields keep what the user typed, so a retry works.
                if (failure instanceof ConflictException c && c.theirs() != null) {
                    if (ConflictDialog.reapply(stage, c)) {
                        tasks.run(source, pr -> RecordsViewModel.Published.of(records.reapply(model, c, note)), again -> {
                            base[0] = Cite.fromCells(c.reapplied());
                            saved.accept(again);
                            refreshHistory.run();
                            status.setText(Messages.get("editor.conflict.reapplied"));
                        });
                    } else {
                        status.setText(Messages.get("editor.conflict.kept"));
                    }
                    return;
                }
                status.setText(Messages.get("editor.notSaved"));
                tasks.fail(source, failure);
            });
        });
        String readOnly = records.readOnlyReason();
        if (readOnly != null) {
            save.setDisable(true);
            fields.values().forEach(tf -> tf.setEditable(false));
            statuses.values().forEach(c -> c.setDisable(true));
            status.setText(readOnly);
            status.getStyleClass().add("field-problem");
        }
        VBox right = new VBox(6, new Label(Messages.get("editor.history")), history);
        right.setPadding(new Insets(10));
        HBox buttons = new HBox(8, undo, redo, comment, save);
        buttons.setPadding(new Insets(8));
        BorderPane root = new BorderPane(new ScrollPane(form));
        root.setRight(right);
        root.setBottom(new VBox(buttons, status));
        Scene scene = new Scene(root, 1100, 620);
        scene.getStylesheets().add(CiteEditorWindow.class.getResource("atlas.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), undo::fire);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), redo::fire);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), save::fire);
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    static String describe(HistoryEntry h) {
        return Localization.text("editor.historyLine", WHEN.format(h.at()), h.user(), h.field(),
                h.oldValue() == null ? "" : h.oldValue(), h.newValue() == null ? "" : h.newValue())
                + (h.comment() == null ? "" : " (" + h.comment() + ")");
    }
}
