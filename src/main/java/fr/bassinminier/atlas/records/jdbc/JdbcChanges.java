package fr.bassinminier.atlas.records.jdbc;

import fr.bassinminier.atlas.l10n.Localization;
import static fr.bassinminier.atlas.records.jdbc.RecordRows.emptyToNull;
import static fr.bassinminier.atlas.records.jdbc.RecordRows.readOperations;
import static fr.bassinminier.atlas.records.jdbc.RecordRows.readTranches;
import static fr.bassinminier.atlas.records.jdbc.RecordRows.readUrbanWorks;
import static fr.bassinminier.atlas.records.jdbc.RecordRows.summary;
import static fr.bassinminier.atlas.records.jdbc.RecordRows.unknown;

import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.CiteStore;
import fr.bassinminier.atlas.records.Commune;
import fr.bassinminier.atlas.records.FeatureLink;
import fr.bassinminier.atlas.records.HistoryEntry;
import fr.bassinminier.atlas.records.Operation;
import fr.bassinminier.atlas.records.Owner;
import fr.bassinminier.atlas.records.Programme;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.records.RecordsException.Kind;
import fr.bassinminier.atlas.records.Tranche;
import fr.bassinminier.atlas.records.UrbanWork;
import fr.bassinminier.atlas.records.Versioned;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One write transaction of a records database, the same for SQLite and PostgreSQL: every save
 * compares with what is stored and writes the history of the fields that differ. The stores
 * differ only in how they number rows, lock them and keep versions — the hooks below.
 */
public abstract class JdbcChanges implements CiteStore.Changes {
    protected final Connection c;
    protected final String user;
    protected final String comment;
    protected long changeSet;
    protected int changes;
    protected boolean closed;
    private final String versionColumn;

    /** {@code versionColumn}: the rows' version counter, bumped on each update; null when the store keeps none. */
    protected JdbcChanges(Connection c, String user, String comment, String versionColumn) {
        this.c = c;
        this.user = user;
        this.comment = comment;
        this.versionColumn = versionColumn;
    }

    /** Inserts this transaction's change_set row; returns its id. */
    protected abstract long insertChangeSet() throws SQLException;

    /** Runs an INSERT and returns the new row's id. */
    protected abstract long insert(String sql, Object... args) throws SQLException;

    /** The French error for a failed statement. */
    protected abstract RecordsException fail(String what, SQLException e);

    /** Takes the row lock a concurrent writer would need (servers); nothing for a single-writer file. */
    protected void lock(String table, long id) throws SQLException {
    }

    /** Serialises writers of one meta key (servers). */
    protected void lockMeta(String key) throws SQLException {
    }

    /** Whether rows read for writing are locked FOR UPDATE / FOR SHARE (servers). */
    protected boolean locksRows() {
        return false;
    }

    public int changes() {
        return changes;
    }

    public long changeSet() {
        return changeSet;
    }

    /** Ends the transaction's use: later calls throw. */
    public void close() {
        closed = true;
    }

    protected final void open() {
        if (closed) throw new IllegalStateException("transaction closed");
    }

    @Override
    public long changeSetId() {
        try {
            return ensureChangeSet();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long ensureChangeSet() throws SQLException {
        if (changeSet == 0) changeSet = insertChangeSet();
        return changeSet;
    }

    private void log(String entity, String id, Map<String, String> before, Map<String, String> after)
            throws SQLException {
        for (String field : (after != null ? after : before).keySet()) {
            String o = before == null ? null : emptyToNull(before.get(field));
            String n = after == null ? null : emptyToNull(after.get(field));
            if (Objects.equals(o, n)) continue;
            write(entity, id, field, o, n);
        }
    }

    private void write(String entity, String id, String field, String o, String n) throws SQLException {
        update("INSERT INTO history (change_set_id, entity, entity_id, field, old_value, new_value) "
                + "VALUES (?, ?, ?, ?, ?, ?)", ensureChangeSet(), entity, id, field, o, n);
        changes++;
    }

    protected final void update(String sql, Object... args) throws SQLException {
        RecordRows.update(c, sql, args);
    }

    private String bump() {
        return versionColumn == null ? "" : ", " + versionColumn + " = " + versionColumn + " + 1";
    }

    /** The stored cité with its version, locked for this transaction where the store locks rows. */
    protected final Versioned<Cite> storedCite(String id) throws SQLException {
        return RecordRows.readCites(c, id, versionColumn, locksRows()).stream().findFirst().orElse(null);
    }

    @Override
    public Optional<Cite> cite(String id) throws RecordsException {
        open();
        try {
            return RecordRows.cites(c, id).stream().findFirst();
        } catch (SQLException e) {
            throw fail("lecture", e);
        }
    }

    @Override
    public void saveCite(Cite cite) throws RecordsException {
        open();
        try {
            save(cite, storedCite(cite.id()));
        } catch (SQLException e) {
            throw fail(Localization.text("records.savingCit", cite.id()), e);
        }
    }

    /** Writes {@code cite} over {@code stored} (null when new). */
    protected final void save(Cite cite, Versioned<Cite> stored) throws SQLException {
        Cite old = stored == null ? null : stored.value();
        Map<String, String> before = old == null ? null : old.cells();
        Map<String, String> after = cite.cells();
        if (after.equals(before)) return;
        Object[] values = {cite.mbmIndex(), cite.name(), cite.epci(), cite.dwellings(),
                cite.unesco() == null ? null : cite.unesco().name(), cite.programmeDetail(), cite.note(),
                cite.source(), cite.id()};
        if (old == null) {
            update("INSERT INTO cite (id_mbm, nom, epci, logements, unesco, programme_detail, note, source, id) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        } else {
            update("UPDATE cite SET id_mbm = ?, nom = ?, epci = ?, logements = ?, unesco = ?, "
                    + "programme_detail = ?, note = ?, source = ?" + bump() + " WHERE id = ?", values);
        }
        String id = cite.id();
        if (old == null || !old.communes().equals(cite.communes())) {
            update("DELETE FROM cite_commune WHERE cite_id = ?", id);
            int i = 0;
            for (Commune m : cite.communes()) {
                update("INSERT INTO cite_commune (cite_id, position, nom, insee) VALUES (?, ?, ?, ?)",
                        id, i++, m.name(), m.insee());
            }
        }
        if (old == null || !old.owners().equals(cite.owners())) {
            update("DELETE FROM cite_owner WHERE cite_id = ?", id);
            int i = 0;
            for (Owner o : cite.owners()) {
                update("INSERT INTO cite_owner (cite_id, position, nom, logements) VALUES (?, ?, ?, ?)",
                        id, i++, o.name(), o.dwellings());
            }
        }
        if (old == null || !old.programmes().equals(cite.programmes())) {
            update("DELETE FROM cite_programme WHERE cite_id = ?", id);
            for (Programme p : cite.programmes()) {
                update("INSERT INTO cite_programme (cite_id, programme) VALUES (?, ?)", id, p.name());
            }
        }
        if (old == null || !old.links().equals(cite.links())) {
            update("DELETE FROM cite_link WHERE cite_id = ?", id);
            int i = 0;
            for (FeatureLink l : cite.links()) {
                update("INSERT INTO cite_link (cite_id, position, layer_id, feature_key) VALUES (?, ?, ?, ?)",
                        id, i++, l.layerId(), l.featureKey());
            }
        }
        log(HistoryEntry.CITE, id, before, after);
    }

    @Override
    public Optional<Operation> operation(long id) throws RecordsException {
        return first(() -> readOperations(c, "WHERE id = ?", id));
    }

    @Override
    public Optional<Operation> operation(String citeId, String name) throws RecordsException {
        return first(() -> readOperations(c, "WHERE cite_id = ? AND nom = ?", citeId, name));
    }

    @Override
    public List<Operation> operations(String citeId) throws RecordsException {
        return all(() -> readOperations(c, "WHERE cite_id = ?", citeId));
    }

    @Override
    public Operation saveOperation(Operation op) throws RecordsException {
        open();
        try {
            requireCite(op.citeId());
            Optional<Operation> sameName = operation(op.citeId(), op.name());
            if (sameName.isPresent() && sameName.get().id() != op.id()) {
                throw new RecordsException(Kind.INVALID, Localization.text("records.citAlreadyOperation", op.citeId(), op.name()));
            }
            Object[] values = {op.citeId(), op.name(), op.programme() == null ? null : op.programme().name(),
                    op.owner()};
            if (op.id() == 0) {
                long id = insert("INSERT INTO operation (cite_id, nom, programme, bailleur) VALUES (?, ?, ?, ?)",
                        values);
                Operation saved = op.withId(id);
                log(HistoryEntry.OPERATION, Long.toString(id), null, saved.cells());
                return saved;
            }
            lock("operation", op.id());
            Operation old = operation(op.id()).orElseThrow(() -> unknown(Localization.get("records.operation"), op.id()));
            if (old.equals(op)) return op;
            if (!old.citeId().equals(op.citeId())) {
                throw new RecordsException(Kind.INVALID, Localization.text("records.operationDoesChangeCit", op.id()));
            }
            update("UPDATE operation SET cite_id = ?, nom = ?, programme = ?, bailleur = ?" + bump() + " WHERE id = ?",
                    values[0], values[1], values[2], values[3], op.id());
            log(HistoryEntry.OPERATION, Long.toString(op.id()), old.cells(), op.cells());
            return op;
        } catch (SQLException e) {
            throw fail(Localization.get("records.savingOperation"), e);
        }
    }

    @Override
    public void deleteOperation(long id) throws RecordsException {
        open();
        try {
            lock("operation", id);
            Operation old = operation(id).orElseThrow(() -> unknown(Localization.get("records.operation"), id));
            if (!readTranches(c, "WHERE operation_id = ?", id).isEmpty()) {
                throw new RecordsException(Kind.INVALID, Localization.text("records.operationStillPhases", old.name()));
            }
            update("DELETE FROM operation WHERE id = ?", id);
            write(HistoryEntry.OPERATION, Long.toString(id), HistoryEntry.DELETED, summary(old.cells()), null);
        } catch (SQLException e) {
            throw fail(Localization.get("records.deletingOperation"), e);
        }
    }

    @Override
    public Optional<Tranche> tranche(long id) throws RecordsException {
        return first(() -> readTranches(c, "WHERE id = ?", id));
    }

    @Override
    public List<Tranche> tranches(long operationId) throws RecordsException {
        return all(() -> readTranches(c, "WHERE operation_id = ?", operationId));
    }

    @Override
    public Tranche saveTranche(Tranche t) throws RecordsException {
        open();
        try {
            Operation op = operation(t.operationId()).orElseThrow(() -> unknown(Localization.get("records.operation"), t.operationId()));
            for (Tranche other : readTranches(c, "WHERE operation_id = ? AND numero = ?", t.operationId(), t.number())) {
                if (other.id() != t.id()) {
                    throw new RecordsException(Kind.INVALID, Localization.text("records.operationCitAlreadyPhase", op.name(), op.citeId(), t.number()));
                }
            }
            Object[] values = {t.operationId(), t.number(), t.dwellings(), t.status().name(), t.start(), t.end(),
                    t.energyBefore(), t.energyAfter(), t.costCents(), t.source()};
            if (t.id() == 0) {
                long id = insert("INSERT INTO tranche (operation_id, numero, logements, statut, debut, fin, "
                        + "etiquette_avant, etiquette_apres, cout_centimes, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        values);
                Tranche saved = t.withId(id);
                log(HistoryEntry.TRANCHE, Long.toString(id), null, trancheCells(saved));
                return saved;
            }
            lock("tranche", t.id());
            Tranche old = tranche(t.id()).orElseThrow(() -> unknown("tranche", t.id()));
            if (old.equals(t)) return t;
            update("UPDATE tranche SET operation_id = ?, numero = ?, logements = ?, statut = ?, debut = ?, fin = ?, "
                    + "etiquette_avant = ?, etiquette_apres = ?, cout_centimes = ?, source = ?" + bump()
                    + " WHERE id = ?", withId(values, t.id()));
            log(HistoryEntry.TRANCHE, Long.toString(t.id()), trancheCells(old), trancheCells(t));
            return t;
        } catch (SQLException e) {
            throw fail(Localization.get("records.savingPhase"), e);
        }
    }

    /** The tranche's fields plus its operation's id, so that moving it is in the history too. */
    private static Map<String, String> trancheCells(Tranche t) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("operation_id", Long.toString(t.operationId()));
        m.putAll(t.cells());
        return m;
    }

    @Override
    public void deleteTranche(long id) throws RecordsException {
        open();
        try {
            lock("tranche", id);
            Tranche old = tranche(id).orElseThrow(() -> unknown("tranche", id));
            update("DELETE FROM tranche WHERE id = ?", id);
            write(HistoryEntry.TRANCHE, Long.toString(id), HistoryEntry.DELETED, summary(trancheCells(old)), null);
        } catch (SQLException e) {
            throw fail(Localization.get("records.deletingPhase"), e);
        }
    }

    @Override
    public Optional<UrbanWork> urbanWork(long id) throws RecordsException {
        return first(() -> readUrbanWorks(c, "WHERE id = ?", id));
    }

    @Override
    public List<UrbanWork> urbanWorks(String citeId) throws RecordsException {
        return all(() -> readUrbanWorks(c, "WHERE cite_id = ?", citeId));
    }

    @Override
    public UrbanWork saveUrbanWork(UrbanWork w) throws RecordsException {
        open();
        try {
            requireCite(w.citeId());
            Object[] values = {w.citeId(), w.title(), w.status().name(), w.start(), w.end(), w.costCents(),
                    w.source()};
            if (w.id() == 0) {
                long id = insert("INSERT INTO travaux_urbains (cite_id, intitule, statut, debut, fin, "
                        + "cout_centimes, source) VALUES (?, ?, ?, ?, ?, ?, ?)", values);
                UrbanWork saved = w.withId(id);
                log(HistoryEntry.URBAN_WORK, Long.toString(id), null, saved.cells());
                return saved;
            }
            lock("travaux_urbains", w.id());
            UrbanWork old = urbanWork(w.id()).orElseThrow(() -> unknown(Localization.get("records.urbanWorks"), w.id()));
            if (old.equals(w)) return w;
            update("UPDATE travaux_urbains SET cite_id = ?, intitule = ?, statut = ?, debut = ?, fin = ?, "
                    + "cout_centimes = ?, source = ?" + bump() + " WHERE id = ?", withId(values, w.id()));
            log(HistoryEntry.URBAN_WORK, Long.toString(w.id()), old.cells(), w.cells());
            return w;
        } catch (SQLException e) {
            throw fail(Localization.get("records.savingUrbanWorks"), e);
        }
    }

    @Override
    public void deleteUrbanWork(long id) throws RecordsException {
        open();
        try {
            lock("travaux_urbains", id);
            UrbanWork old = urbanWork(id).orElseThrow(() -> unknown(Localization.get("records.urbanWorks"), id));
            update("DELETE FROM travaux_urbains WHERE id = ?", id);
            write(HistoryEntry.URBAN_WORK, Long.toString(id), HistoryEntry.DELETED, summary(old.cells()), null);
        } catch (SQLException e) {
            throw fail(Localization.get("records.deletingUrbanWorks"), e);
        }
    }

    @Override
    public void putMeta(String key, String value) throws RecordsException {
        open();
        try {
            lockMeta(key);
            String old = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) old = rs.getString(1);
                }
            }
            String v = emptyToNull(value);
            if (Objects.equals(old, v)) return;
            update("DELETE FROM meta WHERE key = ?", key);
            if (v != null) update("INSERT INTO meta (key, value) VALUES (?, ?)", key, v);
            write(HistoryEntry.META, key, "value", old, v);
        } catch (SQLException e) {
            throw fail("enregistrement", e);
        }
    }

    private void requireCite(String citeId) throws RecordsException, SQLException {
        // FOR SHARE on a server: the cité cannot vanish before this transaction commits.
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM cite WHERE id = ?" + (locksRows() ? " FOR SHARE" : ""))) {
            ps.setString(1, citeId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new RecordsException(Kind.INVALID, Localization.text("records.unknownCit", citeId));
            }
        }
    }

    private static Object[] withId(Object[] values, long id) {
        Object[] out = Arrays.copyOf(values, values.length + 1);
        out[values.length] = id;
        return out;
    }

    private interface Rows<T> {
        List<T> read() throws SQLException;
    }

    private <T> List<T> all(Rows<T> rows) throws RecordsException {
        open();
        try {
            return rows.read();
        } catch (SQLException e) {
            throw fail("lecture", e);
        }
    }

    private <T> Optional<T> first(Rows<T> rows) throws RecordsException {
        return all(rows).stream().findFirst();
    }
}
