package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.CiteStore;
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
        store = RecordsProject.open(projectFile);
        return store.snapshot();
    }

    /** Publishes a snapshot read off the FX thread (call on the FX thread). */
    public void publish(RecordsSnapshot s) {
        snapshot.set(s);
        progress.set(s == null ? null : ProgressReport.of(s));
    }

    public synchronized void close() {
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
        String key = f.text("id");
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

    public synchronized List<HistoryEntry> history(String citeId) throws RecordsException {
        if (store == null) return List.of();
        return store.history(HistoryEntry.CITE, citeId);
    }

    /** Saves an edit in one transaction and returns the new snapshot; blocking. */
    public synchronized RecordsSnapshot save(CiteEditorModel edit, String comment) throws RecordsException {
        Cite result = edit.result();
        List<Tranche> changed = edit.changedTranches();
        store.edit(user(), comment, ch -> {
            ch.saveCite(result);
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
