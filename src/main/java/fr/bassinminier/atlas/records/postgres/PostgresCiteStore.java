package fr.bassinminier.atlas.records.postgres;

import fr.bassinminier.atlas.io.postgis.PgSettings;
import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.CiteStore;
import fr.bassinminier.atlas.records.Commune;
import fr.bassinminier.atlas.records.ConflictException;
import fr.bassinminier.atlas.records.FeatureLink;
import fr.bassinminier.atlas.records.HistoryEntry;
import fr.bassinminier.atlas.records.InvalidValueException;
import fr.bassinminier.atlas.records.Operation;
import fr.bassinminier.atlas.records.Owner;
import fr.bassinminier.atlas.records.Programme;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.records.RecordsException.Kind;
import fr.bassinminier.atlas.records.RecordsSnapshot;
import fr.bassinminier.atlas.records.Tranche;
import fr.bassinminier.atlas.records.TrancheStatus;
import fr.bassinminier.atlas.records.UnescoStatus;
import fr.bassinminier.atlas.records.UrbanWork;
import fr.bassinminier.atlas.records.UrbanWorkStatus;
import fr.bassinminier.atlas.records.Versioned;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The records in a PostgreSQL schema shared by a team: the tables of the SQLite file (same
 * names and columns, see {@link PgMigrations}), the same history and validation.
 *
 * <p>Concurrency: writes run in READ COMMITTED transactions that lock the rows they change
 * ({@code SELECT … FOR UPDATE}) before reading their old values, so the history's old → new
 * is exact even when users save at once. Each record row has a {@code version} counter, bumped
 * on every change; {@link Changes#saveCite(Versioned, Cite)} compares it under the row lock and
 * refuses a stale save with the fields of both sides. Each commit sends a NOTIFY that
 * {@link #watch} turns into a refresh in other users' windows.
 *
 * <p>Failures: a dropped connection is reported in French, the connection is opened again by
 * the next call (the editor keeps its values, so a retry works); when it drops during COMMIT,
 * the change set's client token tells after reconnecting whether the edit went through.
 */
public final class PostgresCiteStore implements CiteStore {
    /** NOTIFY channel; the payload is "schema:changeSetId". */
    static final String CHANNEL = "atlas_records";

    private final PgSettings settings;
    private final Supplier<char[]> password;
    /** This store's commits not yet seen by its watchers (kept only while something watches). */
    private final Set<Long> ownChangeSets = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger watchers = new java.util.concurrent.atomic.AtomicInteger();
    private Connection conn;
    private String readOnlyReason;
    private boolean closed;

    private PostgresCiteStore(PgSettings settings, Supplier<char[]> password) {
        this.settings = settings;
        this.password = password;
    }

    /**
     * Connects, creating the schema's tables when it is empty and upgrading an older version.
     * A schema of a newer program, or holding other tables, is refused and left untouched.
     *
     * @param password asked once when needed (a prompt), null for PGPASSWORD or ~/.pgpass
     */
    public static PostgresCiteStore open(PgSettings settings, Supplier<char[]> password) throws RecordsException {
        PostgresCiteStore s = new PostgresCiteStore(settings, memo(password));
        try {
            s.connection();
            return s;
        } catch (SQLException e) {
            s.dropConnection();
            throw s.fail("ouverture des fiches des cités", e);
        }
    }

    private static Supplier<char[]> memo(Supplier<char[]> p) {
        if (p == null) return null;
        char[][] cache = new char[1][];
        return () -> {
            synchronized (cache) {
                if (cache[0] == null) cache[0] = p.get();
                return cache[0];
            }
        };
    }

    public PgSettings settings() {
        return settings;
    }

    /** The connection, opened (and the schema checked) again after a drop. */
    private Connection connection() throws SQLException, RecordsException {
        if (closed) throw new RecordsException(Kind.STORAGE, settings.label() + " : fiches déjà fermées.");
        if (conn != null) return conn;
        Connection c = settings.connect(password);
        try {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET search_path TO " + PgSettings.quote(settings.schema()));
                s.execute("SET lock_timeout = '20s'");
                // Advisory lock: two programs starting at once do not both create the tables.
                s.execute("SELECT pg_advisory_xact_lock(hashtext('atlas-records:' || current_schema()))");
                boolean schemaExists;
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = '"
                        + settings.schema().replace("'", "''") + "'")) {
                    rs.next();
                    schemaExists = rs.getInt(1) > 0;
                }
                if (!schemaExists) s.execute("CREATE SCHEMA " + PgSettings.quote(settings.schema()));
                int v = PgMigrations.version(s);
                if (v < 0) {
                    throw new RecordsException(Kind.NOT_RECORDS, settings.label() + " : ce schéma contient d'autres "
                            + "tables que des fiches des cités de l'Atlas ; il n'a pas été modifié. Indiquez un autre schéma.");
                }
                if (v > PgMigrations.CURRENT) {
                    throw new RecordsException(Kind.NEWER_SCHEMA, settings.label() + " : fiches des cités enregistrées "
                            + "par une version plus récente de l'Atlas (schéma n°" + v + ", cette version connaît jusqu'au n°"
                            + PgMigrations.CURRENT + "). Mettez l'Atlas à jour ; la base n'a pas été modifiée.");
                }
                if (v < PgMigrations.CURRENT) PgMigrations.migrate(c, v);
                c.commit();
                readOnlyReason = readOnly(s);
                c.commit();
            }
            conn = c;
            return c;
        } catch (SQLException | RecordsException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // The first error is the one reported.
            }
            throw e;
        }
    }

    private String readOnly(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT current_setting('transaction_read_only') = 'on', "
                + "has_table_privilege('cite', 'INSERT, UPDATE, DELETE') AND has_table_privilege('change_set', 'INSERT') "
                + "AND has_table_privilege('history', 'INSERT') AND has_table_privilege('tranche', 'INSERT, UPDATE, DELETE')")) {
            rs.next();
            if (rs.getBoolean(1)) {
                return settings.label() + " : serveur en lecture seule (réplique) ; les fiches s'affichent sans "
                        + "modification possible.";
            }
            if (!rs.getBoolean(2)) {
                return settings.label() + " : l'utilisateur « " + settings.user() + " » n'a que le droit de lecture ; "
                        + "les fiches s'affichent sans modification possible. Demandez le droit d'écriture à "
                        + "l'administrateur de la base.";
            }
            return null;
        }
    }

    private void dropConnection() {
        Connection c = conn;
        conn = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Already broken.
            }
        }
    }

    /** A French message for the user; a lost connection is dropped so that the next call reconnects. */
    private RecordsException fail(String what, SQLException e) {
        if (PgSettings.isConnectionLost(e)) {
            dropConnection();
            return new RecordsException(Kind.STORAGE, settings.explain(what, e) + " Vos saisies non enregistrées "
                    + "restent dans l'éditeur ; réessayez quand le serveur répond.", e);
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        rollbackQuietly();
        if (state.equals("40P01") || state.equals("40001") || state.equals("55P03")) {
            return new RecordsException(Kind.CONFLICT, settings.label() + " : " + what + " impossible, d'autres "
                    + "utilisateurs modifient les mêmes fiches en ce moment ; rien n'a été modifié, réessayez.", e);
        }
        if (state.equals("23505")) {
            return new RecordsException(Kind.CONFLICT, settings.label() + " : " + what + " refusé, un autre utilisateur "
                    + "vient d'enregistrer une fiche de même identifiant ; rien n'a été modifié.", e);
        }
        if (state.startsWith("23")) {
            return new RecordsException(Kind.INVALID, settings.explain(what, e) + " Rien n'a été modifié.", e);
        }
        return new RecordsException(Kind.STORAGE, settings.explain(what, e) + " Rien n'a été modifié.", e);
    }

    private void rollbackQuietly() {
        try {
            if (conn != null) conn.rollback();
        } catch (SQLException ignored) {
            dropConnection();
        }
    }

    @Override
    public synchronized int schemaVersion() {
        try (Statement s = connection().createStatement()) {
            int v = PgMigrations.version(s);
            conn.commit();
            return v;
        } catch (SQLException | RecordsException e) {
            if (e instanceof SQLException se && PgSettings.isConnectionLost(se)) dropConnection();
            return -1;
        }
    }

    @Override
    public String location() {
        return settings.label();
    }

    @Override
    public String readOnlyReason() {
        return readOnlyReason;
    }

    // ---- reads -------------------------------------------------------------------------------

    private interface SqlWork<T> {
        T run(Connection c) throws SQLException, RecordsException;
    }

    /** One REPEATABLE READ transaction: every table read from the same snapshot. */
    private synchronized <T> T read(SqlWork<T> work) throws RecordsException {
        try {
            Connection c = connection();
            try (Statement s = c.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            T t = work.run(c);
            c.commit();
            return t;
        } catch (SQLException e) {
            throw fail("lecture des fiches", e);
        } catch (RecordsException | RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    @Override
    public RecordsSnapshot snapshot() throws RecordsException {
        return read(c -> {
            Map<String, String> meta = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT key, value FROM meta")) {
                while (rs.next()) meta.put(rs.getString(1), rs.getString(2));
            }
            return new RecordsSnapshot(readCites(c, null, false).stream().map(Versioned::value).toList(),
                    readOperations(c, null), readTranches(c, null), readUrbanWorks(c, null), meta);
        });
    }

    @Override
    public Optional<Cite> cite(String id) throws RecordsException {
        return versionedCite(id).map(Versioned::value);
    }

    @Override
    public Optional<Versioned<Cite>> versionedCite(String id) throws RecordsException {
        return read(c -> readCites(c, id, false).stream().findFirst());
    }

    @Override
    public List<HistoryEntry> history(String entity, String entityId) throws RecordsException {
        return read(c -> readHistory(c, "WHERE h.entity = ? AND h.entity_id = ? ORDER BY h.id", entity, entityId));
    }

    @Override
    public List<HistoryEntry> recentHistory(int limit) throws RecordsException {
        return read(c -> readHistory(c, "ORDER BY h.id DESC LIMIT ?", limit));
    }

    @Override
    public long editCount() throws RecordsException {
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM change_set")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    private static List<HistoryEntry> readHistory(Connection c, String tail, Object... args) throws SQLException {
        String sql = "SELECT h.change_set_id, c.at, c.user_name, c.comment, h.entity, h.entity_id, h.field, "
                + "h.old_value, h.new_value FROM history h JOIN change_set c ON c.id = h.change_set_id " + tail;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<HistoryEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HistoryEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9)));
                }
            }
            return out;
        }
    }

    private static List<Versioned<Cite>> readCites(Connection c, String onlyId, boolean lock) throws SQLException {
        String where = onlyId == null ? "" : " WHERE cite_id = ?";
        Map<String, List<Commune>> communes = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT cite_id, nom, insee FROM cite_commune" + where + " ORDER BY cite_id, position")) {
            bindOpt(ps, onlyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    communes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Commune(rs.getString(2), rs.getString(3)));
                }
            }
        }
        Map<String, List<Owner>> owners = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT cite_id, nom, logements FROM cite_owner" + where + " ORDER BY cite_id, position")) {
            bindOpt(ps, onlyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    owners.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Owner(rs.getString(2), intOrNull(rs, 3)));
                }
            }
        }
        Map<String, Set<Programme>> programmes = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT cite_id, programme FROM cite_programme" + where)) {
            bindOpt(ps, onlyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    programmes.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(Programme.class))
                            .add(Programme.valueOf(rs.getString(2)));
                }
            }
        }
        Map<String, List<FeatureLink>> links = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT cite_id, layer_id, feature_key FROM cite_link" + where + " ORDER BY cite_id, position")) {
            bindOpt(ps, onlyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    links.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new FeatureLink(rs.getString(2), rs.getString(3)));
                }
            }
        }
        List<Versioned<Cite>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, id_mbm, nom, epci, logements, unesco, "
                + "programme_detail, note, source, version FROM cite" + (onlyId == null ? "" : " WHERE id = ?")
                + (lock ? " FOR UPDATE" : ""))) {
            bindOpt(ps, onlyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    String u = rs.getString(6);
                    out.add(new Versioned<>(new Cite(id, rs.getString(2), rs.getString(3), communes.get(id),
                            rs.getString(4), owners.get(id), intOrNull(rs, 5), u == null ? null : UnescoStatus.valueOf(u),
                            programmes.get(id), rs.getString(7), links.get(id), rs.getString(8), rs.getString(9)),
                            rs.getLong(10)));
                }
            }
        }
        out.sort((a, b) -> naturalCompare(a.value().id(), b.value().id()));
        return out;
    }

    /** "t1-2" before "t1-10", as the SQLite store orders them. */
    static int naturalCompare(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i), cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i, sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
                while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int r = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (r != 0) return r;
            } else {
                if (ca != cb) return Character.compare(ca, cb);
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static List<Operation> readOperations(Connection c, String where, Object... args) throws SQLException {
        List<Operation> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, cite_id, nom, programme, bailleur FROM operation "
                + (where == null ? "" : where) + " ORDER BY cite_id, id")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String p = rs.getString(4);
                    out.add(new Operation(rs.getLong(1), rs.getString(2), rs.getString(3),
                            p == null ? null : Programme.valueOf(p), rs.getString(5)));
                }
            }
        }
        return out;
    }

    private static List<Tranche> readTranches(Connection c, String where, Object... args) throws SQLException {
        List<Tranche> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, operation_id, numero, logements, statut, debut, "
                + "fin, etiquette_avant, etiquette_apres, cout_centimes, source FROM tranche "
                + (where == null ? "" : where) + " ORDER BY operation_id, numero")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long cost = rs.getLong(10);
                    Long costOrNull = rs.wasNull() ? null : cost;
                    out.add(new Tranche(rs.getLong(1), rs.getLong(2), rs.getInt(3), intOrNull(rs, 4),
                            TrancheStatus.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), costOrNull, rs.getString(11)));
                }
            }
        }
        return out;
    }

    private static List<UrbanWork> readUrbanWorks(Connection c, String where, Object... args) throws SQLException {
        List<UrbanWork> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, cite_id, intitule, statut, debut, fin, "
                + "cout_centimes, source FROM travaux_urbains " + (where == null ? "" : where) + " ORDER BY cite_id, id")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long cost = rs.getLong(7);
                    Long costOrNull = rs.wasNull() ? null : cost;
                    out.add(new UrbanWork(rs.getLong(1), rs.getString(2), rs.getString(3),
                            UrbanWorkStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), costOrNull,
                            rs.getString(8)));
                }
            }
        }
        return out;
    }

    // ---- writes ------------------------------------------------------------------------------

    @Override
    public synchronized long edit(String user, String comment, Work work) throws RecordsException {
        String who = user == null ? null : user.strip();
        if (who == null || who.isEmpty()) {
            throw new RecordsException(Kind.INVALID, "Nom d'utilisateur manquant : chaque modification est signée.");
        }
        Connection c;
        try {
            c = connection();
        } catch (SQLException e) {
            throw fail("enregistrement", e);
        }
        if (readOnlyReason != null) throw new RecordsException(Kind.STORAGE, readOnlyReason);
        Tx tx = new Tx(c, who, comment == null || comment.isBlank() ? null : comment.strip());
        boolean committing = false;
        try {
            work.run(tx);
            tx.closed = true;
            if (tx.changes == 0) {
                c.rollback();
                return 0;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                ps.setString(1, CHANNEL);
                ps.setString(2, settings.schema() + ":" + tx.changeSet);
                ps.execute();
            }
            if (watchers.get() > 0) ownChangeSets.add(tx.changeSet);
            committing = true;
            c.commit();
            return tx.changeSet;
        } catch (InvalidValueException e) {
            rollbackQuietly();
            throw new RecordsException(Kind.INVALID, e.getMessage(), e);
        } catch (SQLException e) {
            if (committing && PgSettings.isConnectionLost(e)) return afterLostCommit(tx, e);
            throw fail("enregistrement", e);
        } catch (RecordsException | RuntimeException e) {
            rollbackQuietly();
            throw e;
        } finally {
            tx.closed = true;
        }
    }

    /**
     * The connection dropped while COMMIT was on its way: the edit may or may not be stored.
     * Reconnects once and looks for the change set's token, so the user is told which.
     */
    private long afterLostCommit(Tx tx, SQLException e) throws RecordsException {
        dropConnection();
        try {
            Connection c = connection();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM change_set WHERE client_token = ?")) {
                ps.setObject(1, tx.token);
                try (ResultSet rs = ps.executeQuery()) {
                    boolean stored = rs.next();
                    c.commit();
                    if (stored) return rs.getLong(1);
                }
            }
            throw new RecordsException(Kind.STORAGE, settings.explain("enregistrement", e) + " Le serveur n'a pas "
                    + "gardé cette modification ; vos saisies restent dans l'éditeur, réessayez.", e);
        } catch (SQLException again) {
            dropConnection();
            throw new RecordsException(Kind.STORAGE, settings.explain("enregistrement", e) + " La connexion a été "
                    + "perdue pendant la validation : le serveur a pu garder ou non cette modification (voyez "
                    + "l'historique de la fiche une fois reconnecté). Vos saisies restent dans l'éditeur.", e);
        }
    }

    /** One transaction's view. Not usable once {@link #edit} has returned. */
    private final class Tx implements Changes {
        final Connection c;
        final String user;
        final String comment;
        final UUID token = UUID.randomUUID();
        long changeSet;
        int changes;
        boolean closed;

        Tx(Connection c, String user, String comment) {
            this.c = c;
            this.user = user;
            this.comment = comment;
        }

        private void open() {
            if (closed) throw new IllegalStateException("transaction closed");
        }

        private RecordsException sql(String what, SQLException e) {
            // Thrown out of the work: edit() rolls back; a lost connection must still be dropped.
            return fail(what, e);
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
            if (changeSet == 0) {
                changeSet = insert(c, "INSERT INTO change_set (at, user_name, comment, client_token) VALUES (?, ?, ?, ?)",
                        OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC), user,
                        comment, token);
            }
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
            update(c, "INSERT INTO history (change_set_id, entity, entity_id, field, old_value, new_value) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", ensureChangeSet(), entity, id, field, o, n);
            changes++;
        }

        @Override
        public Optional<Cite> cite(String id) throws RecordsException {
            open();
            try {
                return readCites(c, id, false).stream().findFirst().map(Versioned::value);
            } catch (SQLException e) {
                throw sql("lecture", e);
            }
        }

        @Override
        public void saveCite(Cite cite) throws RecordsException {
            open();
            try {
                save(cite, readCites(c, cite.id(), true).stream().findFirst().orElse(null));
            } catch (SQLException e) {
                throw sql("enregistrement de la cité « " + cite.id() + " »", e);
            }
        }

        @Override
        public void saveCite(Versioned<Cite> base, Cite mine) throws RecordsException {
            open();
            try {
                Versioned<Cite> now = readCites(c, mine.id(), true).stream().findFirst().orElse(null);
                boolean stale = base.value() == null ? now != null
                        : now == null || (base.version() == Versioned.UNKNOWN ? !now.value().equals(base.value())
                        : now.version() != base.version());
                if (stale) {
                    throw new ConflictException(HistoryEntry.CITE, mine.id(),
                            base.value() == null ? null : base.value().cells(), mine.cells(),
                            now == null ? null : now.value().cells(), now == null ? 0 : now.version());
                }
                save(mine, now);
            } catch (SQLException e) {
                throw sql("enregistrement de la cité « " + mine.id() + " »", e);
            }
        }

        /** Writes {@code c} over {@code locked} (read FOR UPDATE, null when new). */
        private void save(Cite cite, Versioned<Cite> locked) throws SQLException {
            Cite old = locked == null ? null : locked.value();
            Map<String, String> before = old == null ? null : old.cells();
            Map<String, String> after = cite.cells();
            if (after.equals(before)) return;
            Object[] values = {cite.mbmIndex(), cite.name(), cite.epci(), cite.dwellings(),
                    cite.unesco() == null ? null : cite.unesco().name(), cite.programmeDetail(), cite.note(),
                    cite.source(), cite.id()};
            if (old == null) {
                update(c, "INSERT INTO cite (id_mbm, nom, epci, logements, unesco, programme_detail, note, source, id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
            } else {
                update(c, "UPDATE cite SET id_mbm = ?, nom = ?, epci = ?, logements = ?, unesco = ?, "
                        + "programme_detail = ?, note = ?, source = ?, version = version + 1 WHERE id = ?", values);
            }
            String id = cite.id();
            if (old == null || !old.communes().equals(cite.communes())) {
                update(c, "DELETE FROM cite_commune WHERE cite_id = ?", id);
                int i = 0;
                for (Commune m : cite.communes()) {
                    update(c, "INSERT INTO cite_commune (cite_id, position, nom, insee) VALUES (?, ?, ?, ?)",
                            id, i++, m.name(), m.insee());
                }
            }
            if (old == null || !old.owners().equals(cite.owners())) {
                update(c, "DELETE FROM cite_owner WHERE cite_id = ?", id);
                int i = 0;
                for (Owner o : cite.owners()) {
                    update(c, "INSERT INTO cite_owner (cite_id, position, nom, logements) VALUES (?, ?, ?, ?)",
                            id, i++, o.name(), o.dwellings());
                }
            }
            if (old == null || !old.programmes().equals(cite.programmes())) {
                update(c, "DELETE FROM cite_programme WHERE cite_id = ?", id);
                for (Programme p : cite.programmes()) {
                    update(c, "INSERT INTO cite_programme (cite_id, programme) VALUES (?, ?)", id, p.name());
                }
            }
            if (old == null || !old.links().equals(cite.links())) {
                update(c, "DELETE FROM cite_link WHERE cite_id = ?", id);
                int i = 0;
                for (FeatureLink l : cite.links()) {
                    update(c, "INSERT INTO cite_link (cite_id, position, layer_id, feature_key) VALUES (?, ?, ?, ?)",
                            id, i++, l.layerId(), l.featureKey());
                }
            }
            log(HistoryEntry.CITE, id, before, after);
        }

        @Override
        public Optional<Operation> operation(long id) throws RecordsException {
            open();
            try {
                return readOperations(c, "WHERE id = ?", id).stream().findFirst();
            } catch (SQLException e) {
                throw sql("lecture", e);
            }
        }

        @Override
        public Optional<Operation> operation(String citeId, String name) throws RecordsException {
            open();
            try {
                return readOperations(c, "WHERE cite_id = ? AND nom = ?", citeId, name).stream().findFirst();
            } catch (SQLException e) {
                throw sql("lecture", e);
            }
        }

        @Override
        public List<Operation> operations(String citeId) throws RecordsException {
            open();
            try {
                return readOperations(c, "WHERE cite_id = ?", citeId);
            } catch (SQLException e) {
                throw sql("lecture", e);
            }
        }

        @Override
        public Operation saveOperation(Operation op) throws RecordsException {
            open();
            try {
                requireCite(op.citeId());
                Optional<Operation> sameName = operation(op.citeId(), op.name());
                if (sameName.isPresent() && sameName.get().id() != op.id()) {
                    throw new RecordsException(Kind.INVALID, "La cité « " + op.citeId() + " » a déjà une opération « "
                            + op.name() + " ».");
                }
                Object[] values = {op.citeId(), op.name(), op.programme() == null ? null : op.programme().name(),
                        op.owner()};
                if (op.id() == 0) {
                    long id = insert(c, "INSERT INTO operation (cite_id, nom, programme, bailleur) VALUES (?, ?, ?, ?)",
                            values);
                    Operation saved = op.withId(id);
                    log(HistoryEntry.OPERATION, Long.toString(id), null, saved.cells());
                    return saved;
                }
                lock("operation", op.id());
                Operation old = operation(op.id()).orElseThrow(() -> unknown("opération", op.id()));
                if (old.equals(op)) return op;
                if (!old.citeId().equals(op.citeId())) {
                    throw new RecordsException(Kind.INVALID, "Une opération ne change pas de cité (opération n°" + op.id() + ").");
                }
                update(c, "UPDATE operation SET cite_id = ?, nom = ?, programme = ?, bailleur = ?, version = version + 1 "
                        + "WHERE id = ?", values[0], values[1], values[2], values[3], op.id());
                log(HistoryEntry.OPERATION, Long.toString(op.id()), old.cells(), op.cells());
                return op;
            } catch (SQLException e) {
                throw sql("enregistrement de l'opération", e);
            }
        }

        @Override
        public void deleteOperation(long id) throws RecordsException {
            open();
            try {
                lock("operation", id);
                Operation old = operation(id).orElseThrow(() -> unknown("opération", id));
                if (!readTranches(c, "WHERE operation_id = ?", id).isEmpty()) {
                    throw new RecordsException(Kind.INVALID, "L'opération « " + old.name() + " » a encore des tranches.");
                }
                update(c, "DELETE FROM operation WHERE id = ?", id);
                write(HistoryEntry.OPERATION, Long.toString(id), HistoryEntry.DELETED, summary(old.cells()), null);
            } catch (SQLException e) {
                throw sql("suppression de l'opération", e);
            }
        }

        @Override
        public Optional<Tranche> tranche(long id) throws RecordsException {
            open();
            try {
                return readTranches(c, "WHERE id = ?", id).stream().findFirst();
            } catch (SQLException e) {
                throw sql("lecture", e);
            }
        }

        @Override
        public List<Tranche> tranches(long operationId) throws RecordsException {
            open();
            try {
                return readTranches(c, "WHERE operation_id = ?", operationId);
            } catch (SQLException e) {
                throw sql("lecture", e);
            }
        }

        @Override
        public Tranche saveTranche(Tranche t) throws RecordsException {
            open();
            try {
                Operation op = operation(t.operationId()).orElseThrow(() -> unknown("opération", t.operationId()));
                for (Tranche other : readTranches(c, "WHERE operation_id = ? AND numero = ?", t.operationId(), t.number())) {
                    if (other.id() != t.id()) {
                        throw new RecordsException(Kind.INVALID, "L'opération « " + op.name() + " » de la cité « "
                                + op.citeId() + " » a déjà une tranche n°" + t.number() + ".");
                    }
                }
                Object[] values = {t.operationId(), t.number(), t.dwellings(), t.status().name(), t.start(), t.end(),
                        t.energyBefore(), t.energyAfter(), t.costCents(), t.source()};
                if (t.id() == 0) {
                    long id = insert(c, "INSERT INTO tranche (operation_id, numero, logements, statut, debut, fin, "
                            + "etiquette_avant, etiquette_apres, cout_centimes, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            values);
                    Tranche saved = t.withId(id);
                    log(HistoryEntry.TRANCHE, Long.toString(id), null, trancheCells(saved));
                    return saved;
                }
                lock("tranche", t.id());
                Tranche old = tranche(t.id()).orElseThrow(() -> unknown("tranche", t.id()));
                if (old.equals(t)) return t;
                Object[] withId = java.util.Arrays.copyOf(values, values.length + 1);
                withId[values.length] = t.id();
                update(c, "UPDATE tranche SET operation_id = ?, numero = ?, logements = ?, statut = ?, debut = ?, fin = ?, "
                        + "etiquette_avant = ?, etiquette_apres = ?, cout_centimes = ?, source = ?, version = version + 1 "
                        + "WHERE id = ?", withId);
                log(HistoryEntry.TRANCHE, Long.toString(t.id()), trancheCells(old), trancheCells(t));
                return t;
            } catch (SQLException e) {
                throw sql("enregistrement de la tranche", e);
            }
        }

        private Map<String, String> trancheCells(Tranche t) {
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
                update(c, "DELETE FROM tranche WHERE id = ?", id);
                write(HistoryEntry.TRANCHE, Long.toString(id), HistoryEntry.DELETED, summary(trancheCells(old)), null);
            } catch (SQLException e) {
                throw sql("suppression de la tranche", e);
            }
        }

        @Override
        public Optional<UrbanWork> urbanWork(long id) throws RecordsException {
            open();
            try {
                return readUrbanWorks(c, "WHERE id = ?", id).stream().findFirst();
            } catch (SQLException e) {
                throw sql("lecture", e);
            }
        }

        @Override
        public List<UrbanWork> urbanWorks(String citeId) throws RecordsException {
            open();
            try {
                return readUrbanWorks(c, "WHERE cite_id = ?", citeId);
            } catch (SQLException e) {
                throw sql("lecture", e);
            }
        }

        @Override
        public UrbanWork saveUrbanWork(UrbanWork w) throws RecordsException {
            open();
            try {
                requireCite(w.citeId());
                Object[] values = {w.citeId(), w.title(), w.status().name(), w.start(), w.end(), w.costCents(),
                        w.source()};
                if (w.id() == 0) {
                    long id = insert(c, "INSERT INTO travaux_urbains (cite_id, intitule, statut, debut, fin, "
                            + "cout_centimes, source) VALUES (?, ?, ?, ?, ?, ?, ?)", values);
                    UrbanWork saved = w.withId(id);
                    log(HistoryEntry.URBAN_WORK, Long.toString(id), null, saved.cells());
                    return saved;
                }
                lock("travaux_urbains", w.id());
                UrbanWork old = urbanWork(w.id()).orElseThrow(() -> unknown("travaux urbains", w.id()));
                if (old.equals(w)) return w;
                Object[] withId = java.util.Arrays.copyOf(values, values.length + 1);
                withId[values.length] = w.id();
                update(c, "UPDATE travaux_urbains SET cite_id = ?, intitule = ?, statut = ?, debut = ?, fin = ?, "
                        + "cout_centimes = ?, source = ?, version = version + 1 WHERE id = ?", withId);
                log(HistoryEntry.URBAN_WORK, Long.toString(w.id()), old.cells(), w.cells());
                return w;
            } catch (SQLException e) {
                throw sql("enregistrement des travaux urbains", e);
            }
        }

        @Override
        public void deleteUrbanWork(long id) throws RecordsException {
            open();
            try {
                lock("travaux_urbains", id);
                UrbanWork old = urbanWork(id).orElseThrow(() -> unknown("travaux urbains", id));
                update(c, "DELETE FROM travaux_urbains WHERE id = ?", id);
                write(HistoryEntry.URBAN_WORK, Long.toString(id), HistoryEntry.DELETED, summary(old.cells()), null);
            } catch (SQLException e) {
                throw sql("suppression des travaux urbains", e);
            }
        }

        @Override
        public void putMeta(String key, String value) throws RecordsException {
            open();
            try {
                // Serialises writers of the same key; an absent key has no row to lock.
                update(c, "SELECT pg_advisory_xact_lock(hashtext('atlas-meta:' || ?))", key);
                String old = null;
                try (PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
                    ps.setString(1, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) old = rs.getString(1);
                    }
                }
                String v = emptyToNull(value);
                if (Objects.equals(old, v)) return;
                update(c, "DELETE FROM meta WHERE key = ?", key);
                if (v != null) update(c, "INSERT INTO meta (key, value) VALUES (?, ?)", key, v);
                write(HistoryEntry.META, key, "value", old, v);
            } catch (SQLException e) {
                throw sql("enregistrement", e);
            }
        }

        private void lock(String table, long id) throws SQLException {
            update(c, "SELECT 1 FROM " + table + " WHERE id = ? FOR UPDATE", id);
        }

        private void requireCite(String citeId) throws RecordsException, SQLException {
            // FOR SHARE: the cité cannot vanish before this transaction commits.
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM cite WHERE id = ? FOR SHARE")) {
                ps.setString(1, citeId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new RecordsException(Kind.INVALID, "Cité « " + citeId + " » inconnue.");
                }
            }
        }
    }

    private static RecordsException unknown(String what, long id) {
        return new RecordsException(Kind.INVALID, "Identifiant inconnu : " + what + " n°" + id + ".");
    }

    private static String summary(Map<String, String> cells) {
        List<String> parts = new ArrayList<>();
        cells.forEach((k, v) -> {
            if (!v.isEmpty()) parts.add(k + "=" + v);
        });
        return String.join(" ; ", parts);
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.execute();
        }
    }

    private static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql + " RETURNING id")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
    }

    private static void bindOpt(PreparedStatement ps, String id) throws SQLException {
        if (id != null) ps.setString(1, id);
    }

    private static Integer intOrNull(ResultSet rs, int col) throws SQLException {
        int n = rs.getInt(col);
        return rs.wasNull() ? null : n;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    // ---- other users' saves ------------------------------------------------------------------

    /**
     * Listens on its own connection for other programs' commits (NOTIFY) and calls
     * {@code listener} for each, skipping this store's own. After a drop it reconnects every
     * few seconds and calls the listener once, since saves may have been missed meanwhile.
     */
    @Override
    public AutoCloseable watch(Runnable listener) {
        Watcher w = new Watcher(listener);
        watchers.incrementAndGet();
        Thread t = new Thread(w, "atlas-records-watch");
        t.setDaemon(true);
        w.thread = t;
        t.start();
        return w;
    }

    private final class Watcher implements Runnable, AutoCloseable {
        private final Runnable listener;
        private volatile boolean stop;
        private volatile Connection listening;
        Thread thread;

        Watcher(Runnable listener) {
            this.listener = listener;
        }

        @Override
        public void run() {
            boolean missed = false;
            String prefix = settings.schema() + ":";
            while (!stop) {
                try (Connection c = settings.connect(password)) {
                    listening = c;
                    try (Statement s = c.createStatement()) {
                        s.execute("LISTEN " + CHANNEL);
                    }
                    if (missed) listener.run();
                    PGConnection pg = c.unwrap(PGConnection.class);
                    while (!stop) {
                        PGNotification[] ns = pg.getNotifications(2000);
                        boolean other = false;
                        if (ns != null) {
                            for (PGNotification n : ns) {
                                String p = n.getParameter();
                                if (!p.startsWith(prefix)) continue;
                                long id = Long.parseLong(p.substring(prefix.length()));
                                if (!ownChangeSets.remove(id)) other = true;
                            }
                        }
                        if (other) listener.run();
                    }
                } catch (SQLException | RuntimeException e) {
                    missed = true;
                    if (stop) return;
                    try {
                        Thread.sleep(3000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }

        @Override
        public void close() {
            if (!stop) watchers.decrementAndGet();
            stop = true;
            Connection c = listening;
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // Stopping anyway.
                }
            }
            if (thread != null) thread.interrupt();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        dropConnection();
        closed = true;
    }
}
