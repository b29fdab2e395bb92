package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.postgis.PgSettings;
import fr.bassinminier.atlas.io.postgis.PostgisException;
import fr.bassinminier.atlas.io.postgis.PostgisReader;
import fr.bassinminier.atlas.io.project.LayerImport;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.records.project.RecordsProject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/**
 * File › Add a PostGIS layer: the server's address (the project's records server by default),
 * then one of its geometry tables or views; read off the FX thread. The password comes from
 * ~/.pgpass or PGPASSWORD, as for project layers, so that the saved project opens again.
 */
final class PostgisLayerDialog {
    private PostgisLayerDialog() {
    }

    static void show(Window owner, MapViewModel vm, Consumer<String> error, TaskRunner tasks) {
        if (vm.project() == null) return;
        Path projectFile = vm.project().file();
        String suggested = "postgresql://" + System.getProperty("user.name", "") + "@localhost:5432/atlas?schema=public";
        try {
            if (projectFile != null) suggested = RecordsProject.server(projectFile).map(s -> s.withSchema("public").uri())
                    .orElse(suggested);
        } catch (DataException ignored) {
            // A broken records setting: the user types the address.
        }
        TextInputDialog ask = new TextInputDialog(suggested);
        ask.initOwner(owner);
        ask.setTitle(Messages.get("postgis.title"));
        ask.setHeaderText(Messages.get("postgis.address"));
        ask.getEditor().setPrefColumnCount(50);
        String uri = ask.showAndWait().map(String::strip).orElse(null);
        if (uri == null || uri.isEmpty()) return;
        PgSettings settings;
        try {
            settings = PgSettings.parse(uri);
        } catch (IllegalArgumentException e) {
            error.accept(e.getMessage());
            return;
        }
        tasks.run(Messages.get("task.postgis", settings.label()), pr -> {
            try (Connection c = settings.connect(null)) {
                return PostgisReader.tables(c);
            } catch (SQLException e) {
                throw new PostgisException(settings.explain(Messages.get("postgis.tableList"), e), e);
            }
        }, tables -> pick(owner, vm, settings, tables, error, tasks), ex -> error.accept(ex.getMessage()));
    }

    private static void pick(Window owner, MapViewModel vm, PgSettings settings, List<PostgisReader.TableInfo> tables,
                             Consumer<String> error, TaskRunner tasks) {
        if (tables.isEmpty()) {
            error.accept(Messages.get("postgis.none", settings.label()));
            return;
        }
        List<String> names = tables.stream().map(t -> t.schema() + "." + t.table() + ":" + t.geometryColumn()).toList();
        ChoiceDialog<String> choose = new ChoiceDialog<>(names.get(0), names);
        choose.initOwner(owner);
        choose.setTitle(Messages.get("postgis.title"));
        choose.setHeaderText(Messages.get("postgis.pick", settings.label()));
        String name = choose.showAndWait().orElse(null);
        if (name == null) return;
        PostgisReader.TableInfo info = tables.get(names.indexOf(name));
        tasks.run(Messages.get("task.postgis", name), pr -> PostgisReader.read(settings, null, name, null), l -> {
            String id = (info.table().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-pg");
            LayerEntry entry = new LayerEntry(id, info.table(), LayerImport.ADDED_GROUP, settings.uri(), name, true, 1,
                    null, null, null, false, null);
            if (!l.crs().isKnown() || !CrsTransforms.isSupported(l.crs())) {
                error.accept(Messages.get("postgis.crs", info.table(), info.srid()));
                return;
            }
            vm.addLayers(List.of(ProjectLayer.loaded(entry, CrsTransforms.transform(l, vm.project().project().crs()))));
            vm.zoomToLayer(entry.id());
        }, ex -> error.accept(ex.getMessage()));
    }
}
