package fr.bassinminier.atlas.records;

import java.util.List;
import java.util.Optional;

/**
 * Where the cité records live. The SQLite file beside a map project is one implementation; a
 * shared server database can be another, which is why nothing here names a file or SQL.
 *
 * <p>Reads are consistent snapshots. Every write goes through {@link #edit}: one transaction,
 * durable once it returns, with every changed field kept in the history under the user's name.
 * Nothing is ever updated or deleted without its history row.
 */
public interface CiteStore extends AutoCloseable {
    /** The schema version of the storage (see README). */
    int schemaVersion();

    /** Where the records are, for messages ("bassin-minier.records.sqlite"). */
    String location();

    /** All records, read in one transaction. */
    RecordsSnapshot snapshot() throws RecordsException;

    default List<Cite> cites() throws RecordsException {
        return snapshot().cites();
    }

    Optional<Cite> cite(String id) throws RecordsException;

    /** The history of one record, oldest first. */
    List<HistoryEntry> history(String entity, String entityId) throws RecordsException;

    /** The latest changes of all records, newest first. */
    List<HistoryEntry> recentHistory(int limit) throws RecordsException;

    /** Number of edits (change sets) recorded. */
    long editCount() throws RecordsException;

    /**
     * The id of the latest edit, 0 when none. An export records it as the base of its rows, so
     * that an import can tell the sheet's changes from other people's changes made since.
     */
    default long lastEditId() throws RecordsException {
        List<HistoryEntry> last = recentHistory(1);
        return last.isEmpty() ? 0 : last.get(0).changeSet();
    }

    /** The changes of the edits after {@code editId}, oldest first. */
    default List<HistoryEntry> historySince(long editId) throws RecordsException {
        for (int limit = 1024; ; limit *= 4) {
            List<HistoryEntry> newest = recentHistory(limit);
            boolean complete = newest.size() < limit || newest.get(newest.size() - 1).changeSet() <= editId;
            if (complete || limit > (1 << 28)) {
                List<HistoryEntry> out = new java.util.ArrayList<>();
                for (int i = newest.size() - 1; i >= 0; i--) {
                    if (newest.get(i).changeSet() > editId) out.add(newest.get(i));
                }
                return out;
            }
        }
    }

    /**
     * Runs {@code work} in one transaction under {@code user}'s name: all of its changes are
     * kept, or none (on any exception). Returns the id of the edit (change set), or 0 when the
     * work changed nothing (no edit is recorded then).
     */
    long edit(String user, String comment, Work work) throws RecordsException;

    /**
     * A cité with its version, for an editor that saves it back with
     * {@link Changes#saveCite(Versioned, Cite)}. Stores without a version column give the last
     * edit that touched the record.
     */
    default Optional<Versioned<Cite>> versionedCite(String id) throws RecordsException {
        Optional<Cite> c = cite(id);
        if (c.isEmpty()) return Optional.empty();
        List<HistoryEntry> h = history(HistoryEntry.CITE, id);
        return Optional.of(new Versioned<>(c.get(), h.isEmpty() ? 0 : h.get(h.size() - 1).changeSet()));
    }

    /**
     * Null when edits are allowed, else why not, in French for the editor's banner (a server
     * role with the right to read only).
     */
    default String readOnlyReason() {
        return null;
    }

    /**
     * Calls {@code listener} on a background thread when someone else saved edits (another user
     * of a shared server). Stores nobody else writes to never call it. Close the result to stop.
     */
    default AutoCloseable watch(Runnable listener) {
        return () -> {
        };
    }

    /**
     * Called before a bulk write (an import): a storage may check itself in full and keep a
     * backup first. Throws (kind {@link RecordsException.Kind#CORRUPT}) when it is damaged.
     */
    default void beforeImport() throws RecordsException {
    }

    @Override
    void close() throws RecordsException;

    @FunctionalInterface
    interface Work {
        void run(Changes changes) throws RecordsException;
    }

    /** What a transaction may read and change. Each save writes history for the fields that differ. */
    interface Changes {
        long changeSetId();

        Optional<Cite> cite(String id) throws RecordsException;

        /** Inserts or updates (by id). */
        void saveCite(Cite cite) throws RecordsException;

        /**
         * Saves {@code mine} only if the stored cité is still the one the editor read
         * ({@code base}); else throws {@link ConflictException} with mine and theirs field by
         * field. Stores without versions compare the values.
         */
        default void saveCite(Versioned<Cite> base, Cite mine) throws RecordsException {
            Cite now = cite(mine.id()).orElse(null);
            if (!java.util.Objects.equals(now, base.value())) {
                throw new ConflictException(HistoryEntry.CITE, mine.id(), base.value() == null ? null : base.value().cells(),
                        mine.cells(), now == null ? null : now.cells(), base.version());
            }
            saveCite(mine);
        }

        Optional<Operation> operation(long id) throws RecordsException;

        Optional<Operation> operation(String citeId, String name) throws RecordsException;

        List<Operation> operations(String citeId) throws RecordsException;

        /** Inserts (id 0) or updates; returns it with its id. */
        Operation saveOperation(Operation operation) throws RecordsException;

        /** Deletes an operation that has no tranche left. */
        void deleteOperation(long id) throws RecordsException;

        Optional<Tranche> tranche(long id) throws RecordsException;

        List<Tranche> tranches(long operationId) throws RecordsException;

        Tranche saveTranche(Tranche tranche) throws RecordsException;

        void deleteTranche(long id) throws RecordsException;

        Optional<UrbanWork> urbanWork(long id) throws RecordsException;

        List<UrbanWork> urbanWorks(String citeId) throws RecordsException;

        UrbanWork saveUrbanWork(UrbanWork work) throws RecordsException;

        void deleteUrbanWork(long id) throws RecordsException;

        /** Project-level facts (target, reported figures, seed origin), kept with history too. */
        void putMeta(String key, String value) throws RecordsException;
    }
}
