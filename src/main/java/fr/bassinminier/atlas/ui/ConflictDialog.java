package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.records.ConflictException;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * A save refused because someone else changed the cité meanwhile: mine and theirs field by
 * field, and the choice to re-apply mine over theirs or to keep editing (nothing is lost
 * either way: the editor keeps what was typed).
 */
final class ConflictDialog {
    private ConflictDialog() {
    }

    /** True when the user chose to re-apply their values over the stored ones. */
    static boolean reapply(Window owner, ConflictException c) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        grid.setPadding(new Insets(8));
        grid.addRow(0, bold(Messages.get("conflict.field")), bold(Messages.get("conflict.mine")),
                bold(Messages.get("conflict.theirs")));
        for (ConflictException.Field f : c.fields()) {
            if (!f.mineChanged() && !f.theirsChanged()) continue;
            Label name = new Label(label(f.name()) + (f.clash() ? " ⚠" : ""));
            Label mine = new Label(f.mineChanged() ? nz(f.mine()) : Messages.get("conflict.unchanged"));
            Label theirs = new Label(f.theirsChanged() ? nz(f.theirs()) : Messages.get("conflict.unchanged"));
            mine.setWrapText(true);
            theirs.setWrapText(true);
            mine.setMaxWidth(320);
            theirs.setMaxWidth(320);
            if (f.clash()) name.getStyleClass().add("field-problem");
            grid.addRow(grid.getRowCount(), name, mine, theirs);
        }
        ButtonType reapply = new ButtonType(Messages.get("conflict.reapply"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(Messages.get("conflict.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.WARNING, null, reapply, keep);
        a.initOwner(owner);
        a.setTitle(Messages.get("conflict.title"));
        a.setHeaderText(Messages.get("conflict.header", c.entityId()));
        a.getDialogPane().setContent(grid);
        return a.showAndWait().orElse(keep) == reapply;
    }

    private static String label(String column) {
        try {
            return Messages.get("editor.field." + column);
        } catch (java.util.MissingResourceException e) {
            return column;
        }
    }

    private static Label bold(String s) {
        Label l = new Label(s);
        l.setStyle("-fx-font-weight: bold");
        return l;
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }
}
