package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.CiteStore;
import fr.bassinminier.atlas.records.ConflictException;
import fr.bassinminier.atlas.records.Versioned;
import fr.bassinminier.atlas.records.FeatureLink;
import fr.bassinminier.atlas.records.HistoryEntry;
import fr.bassinminier.atlas.records.Operation;
import fr.bassinminier.atlas.records.ProgressReport;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.records.RecordsSnapshot;
import fr.bassinminier.atlas.records.Tranche;
import fr.bassinminier.atlas.records.project.RecordsProject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The cité records of the open project: the store beside the project file, its latest
 * snapshot and progress figures, and the user name edits are signed with (a preference, so that
 * history says who changed what). Store calls are blocking: the window runs them off the FX thread.
 */
public final class RecordsViewModel {
    private static final String USER_KEY = "records.user";
    private final ObjectProperty<RecordsSnapshot> snapshot = new SimpleObjectProperty<>();
    private final ObjectProperty<ProgressReport> progress = new SimpleObjectProperty<>();
    private CiteStore store;
    private AutoCloseable watch;

    public ObjectProperty<RecordsSnapshot> snapshotProperty() {
        return snapshot;
    }

    public ObjectProperty<ProgressReport> progressProperty() {
        return progress;
    }

    public boolean isOpen() {
        return store != null;
    }

    /** Opens (creating and seeding on first use) the records of a project; blocking. */
    public synchronized RecordsSnapshot open(Path projectFile) throws RecordsException, DataException {
        close();
        try {
            store = RecordsProject.open(projectFile, null);
        } catch (RecordsException e) {
            // A server that refused PGPASSWORD / ~/.pgpass: ask the user once.
            if (!authRefused(e)) throw e;
            store = RecordsProject.open(projectFile, RecordsViewModel::askPassword);
        }
        // Other users' saves on a shared server: read again and show them, without restarting.
        CiteStore opened = store;
        watch = store.watch(() -> {
            try {
                Published s = Published.of(opened.snapshot());
                javafx.application.Platform.runLater(() -> {
                    if (store == opened) publish(s);
                });
            } catch (RecordsException ignored) {
                // The next save or refresh reports the problem with its message.
            }
        });
        return store.snapshot();
    }

    /** Null when edits are allowed, else why not (a read-only server role), for the editor's banner. */
    public synchronized String readOnlyReason() {
        return store == null ? null : store.readOnlyReason();
    }

    private static boolean authRefused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("28")) {
                return true;
            }
        }
        return false;
    }

    /** Asks for the server's password on the FX thread; called from the opening task. */
    private static char[] askPassword() {
        java.util.concurrent.FutureTask<char[]> ask = new java.util.concurrent.FutureTask<>(() -> {
            javafx.scene.control.Dialog<String> d = new javafx.scene.control.Dialog<>();
            d.setTitle(Messages.get("records.password.title"));
            d.setHeaderText(Messages.get("records.password.header"));
            javafx.scene.control.PasswordField pf = new javafx.scene.control.PasswordField();
            d.getDialogPane().setContent(pf);
            d.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK,
                    javafx.scene.control.ButtonType.CANCEL);
            d.setResultConverter(b -> b == javafx.scene.control.ButtonType.OK ? pf.getText() : null);
            return d.showAndWait().map(String::toCharArray).orElse(null);
        });
        javafx.application.Platform.runLater(ask);
        try {
            return ask.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return null;
        }
    }

    /** A snapshot with its figures, summed off the FX thread (a whole register takes a while). */
    public record Published(RecordsSnapshot snapshot, ProgressReport progress) {
        public static Published of(RecordsSnapshot s) {
            return new Published(s, s == null ? null : ProgressReport.of(s));
        }
    }

    /** Publishes a snapshot read off the FX thread (call on the FX thread). */
    public void publish(Published p) {
        snapshot.set(p.snapshot());
        progress.set(p.progress());
    }

    /** As {@link #publish(Published)}, summing on the calling thread (small registers, tests). */
    public void publish(RecordsSnapshot s) {
        publish(Published.of(s));
    }

    public synchronized void close() {
        if (watch != null) {
            try {
                watch.close();
            } catch (Exception ignored) {
                // Only stops a listener.
            }
            watch = null;
        }
        if (store != null) {
            try {
                store.close();
            } catch (RecordsException ignored) {
                // Closing a read-only or already broken store cannot lose edits: they are committed.
            }
            store = null;
        }
    }

    /** The record of a map feature, found by the links the records keep to map features. */
    public Optional<Cite> citeOf(String layerId, Feature f) {
        RecordsSnapshot s = snapshot.get();
        if (s == null) return Optional.empty();
        String key = keyOf(f);
        for (Cite c : s.cites()) {
            for (FeatureLink l : c.links()) {
                if (l.layerId().equals(layerId) && l.featureKey().equals(key)) return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The tranches of all operations of a cité. */
    public List<Tranche> tranchesOf(String citeId) {
        RecordsSnapshot s = snapshot.get();
        if (s == null) return List.of();
        var ops = s.operationsById();
        return s.tranches().stream().filter(t -> {
            Operation o = ops.get(t.operationId());
            return o != null && o.citeId().equals(citeId);
        }).toList();
    }

    /**
     * The renovation state of a cité as its tranches say: "livrée" when all are delivered,
     * else the most advanced state any of them has reached; null when it has no tranche (the
     * map then keeps what its layer says).
     */
    public String renovationStatus(String citeId) {
        List<Tranche> ts = tranchesOf(citeId);
        if (ts.isEmpty()) return null;
        if (ts.stream().allMatch(t -> t.status() == fr.bassinminier.atlas.records.TrancheStatus.LIVREE)) {
            return fr.bassinminier.atlas.records.TrancheStatus.LIVREE.label();
        }
        fr.bassinminier.atlas.records.TrancheStatus most = null;
        for (Tranche t : ts) {
            if (t.status() == fr.bassinminier.atlas.records.TrancheStatus.LIVREE) continue;
            if (most == null || t.status().ordinal() > most.ordinal()) most = t.status();
        }
        return most.label();
    }

    /**
     * The map layers with the cités' renovation states taken from the records: the layer field
     * {@code statut_renovation} of each linked feature is replaced, so that the styles, the
     * legend, filters and prints follow every saved edit.
     */
    public List<fr.bassinminier.atlas.model.project.ProjectLayer> withRecordStatuses(
            List<fr.bassinminier.atlas.model.project.ProjectLayer> layers) {
        RecordsSnapshot s = snapshot.get();
        if (s == null) return layers;
        java.util.Map<String, java.util.Map<String, String>> byLayer = new java.util.HashMap<>();
        for (Cite c : s.cites()) {
            String status = renovationStatus(c.id());
            if (status == null) continue;
            for (FeatureLink l : c.links()) {
                byLayer.computeIfAbsent(l.layerId(), k -> new java.util.HashMap<>()).put(l.featureKey(), status);
            }
        }
        List<fr.bassinminier.atlas.model.project.ProjectLayer> out = new java.util.ArrayList<>();
        for (var pl : layers) {
            var statuses = byLayer.get(pl.entry().id());
            // A layer read from its file as it is drawn (a file of several megabytes) is not
            // recoloured: that would read it whole, here on the FX thread.
            if (statuses == null || !pl.isLoaded() || pl.data().isStreamed()) {
                out.add(pl);
                continue;
            }
            // Official cités carry no state of their own: the records give it a column.
            var data = pl.data().schema().indexOf(STATUS_FIELD) >= 0 ? pl.data() : withStatusColumn(pl.data());
            int field = data.schema().indexOf(STATUS_FIELD);
            List<Feature> fs = new java.util.ArrayList<>(data.size());
            boolean changed = data != pl.data();
            for (Feature f : data.features()) {
                String st = statuses.get(keyOf(f));
                if (st != null && !st.equals(f.get(field))) {
                    Object[] values = new Object[f.schema().size()];
                    for (int i = 0; i < values.length; i++) values[i] = f.get(i);
                    values[field] = st;
                    fs.add(new Feature(f.id(), f.geometry(), f.schema(), values));
                    changed = true;
                } else {
                    fs.add(f);
                }
            }
            out.add(changed ? new fr.bassinminier.atlas.model.project.ProjectLayer(pl.entry(),
                    new fr.bassinminier.atlas.model.VectorLayer(data.name(), data.geometryType(), data.crs(), data.schema(),
                            fs), pl.error(), pl.style(), pl.styleError(), pl.shown()) : pl);
        }
        return out;
    }

    /** The stable key records link to: the official cités' "cle", else the layer's "id". */
    static String keyOf(Feature f) {
        return f.schema().indexOf("cle") >= 0 ? f.text("cle") : f.text("id");
    }

    private static fr.bassinminier.atlas.model.VectorLayer withStatusColumn(fr.bassinminier.atlas.model.VectorLayer l) {
        List<fr.bassinminier.atlas.model.Field> fields = new java.util.ArrayList<>(l.schema().fields());
        fields.add(new fr.bassinminier.atlas.model.Field(STATUS_FIELD, fr.bassinminier.atlas.model.FieldType.STRING));
        var schema = new fr.bassinminier.atlas.model.Schema(fields);
        List<Feature> fs = new java.util.ArrayList<>(l.size());
        for (Feature f : l.features()) {
            Object[] v = new Object[fields.size()];
            for (int i = 0; i < l.schema().size(); i++) v[i] = f.get(i);
            fs.add(new Feature(f.id(), f.geometry(), schema, v));
        }
        return new fr.bassinminier.atlas.model.VectorLayer(l.name(), l.geometryType(), l.crs(), schema, fs);
    }

    static final String STATUS_FIELD = "statut_renovation";

    public synchronized List<HistoryEntry> history(String citeId) throws RecordsException {
        if (store == null) return List.of();
        return store.history(HistoryEntry.CITE, citeId);
    }

    /** Saves an edit in one transaction and returns the new snapshot; blocking. */
    public synchronized RecordsSnapshot save(CiteEditorModel edit, String comment) throws RecordsException {
        return save(edit, edit.original(), comment);
    }

    /**
     * Saves an edit started from {@code base} (the cité as the editor read it, or as it last
     * saved it). When someone else changed the cité since, nothing is written and a
     * {@link ConflictException} lists mine and theirs field by field.
     */
    public synchronized RecordsSnapshot save(CiteEditorModel edit, Cite base, String comment) throws RecordsException {
        Cite result = edit.result();
        List<Tranche> changed = edit.changedTranches();
        store.edit(user(), comment, ch -> {
            ch.saveCite(new Versioned<>(base, Versioned.UNKNOWN), result);
            for (Tranche t : changed) ch.saveTranche(t);
        });
        return store.snapshot();
    }

    /** After a conflict: my changed fields re-applied over theirs, saved against their version. */
    public synchronized RecordsSnapshot reapply(CiteEditorModel edit, ConflictException conflict, String comment)
            throws RecordsException {
        Cite theirs = Cite.fromCells(conflict.theirs());
        Cite merged = Cite.fromCells(conflict.reapplied());
        List<Tranche> changed = edit.changedTranches();
        store.edit(user(), comment, ch -> {
            ch.saveCite(new Versioned<>(theirs, conflict.theirVersion()), merged);
            for (Tranche t : changed) ch.saveTranche(t);
        });
        return store.snapshot();
    }

    public static String user() {
        return Preferences.userNodeForPackage(RecordsViewModel.class).get(USER_KEY, System.getProperty("user.name", "?"));
    }

    public static void setUser(String name) {
        if (name != null && !name.isBlank()) Preferences.userNodeForPackage(RecordsViewModel.class).put(USER_KEY, name.strip());
    }
}
