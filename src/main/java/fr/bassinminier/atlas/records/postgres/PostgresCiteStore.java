package fr.bassinminier.atlas.records.postgres;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.postgis.PgSettings;
import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.CiteStore;
import fr.bassinminier.atlas.records.ConflictException;
import fr.bassinminier.atlas.records.HistoryEntry;
import fr.bassinminier.atlas.records.InvalidValueException;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.records.RecordsException.Kind;
import fr.bassinminier.atlas.records.RecordsSnapshot;
import fr.bassinminier.atlas.records.Versioned;
import fr.bassinminier.atlas.records.jdbc.JdbcChanges;
import fr.bassinminier.atlas.records.jdbc.RecordRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            throw s.fail(Localization.get("records.openingCitRecords"), e);
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
        if (closed) throw new RecordsException(Kind.STORAGE, Localization.text("records.recordsAlreadyClosed", settings.label()));
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
                    throw new RecordsException(Kind.NOT_RECORDS, Localization.text("records.schemaHoldsTablesOther", settings.label()));
                }
                if (v > PgMigrations.CURRENT) {
                    throw new RecordsException(Kind.NEWER_SCHEMA, Localization.text("records.citRecordsSavedNewer", settings.label(), v, PgMigrations.CURRENT));
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
                return Localization.text("records.readOnlyServerReplica", settings.label());
            }
            if (!rs.getBoolean(2)) {
                return Localization.text("records.userOnlyReadAccess", settings.label(), settings.user());
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
            return new RecordsException(Kind.STORAGE, Localization.text("records.yourUnsavedEntriesStay", settings.explain(what, e)), e);
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        rollbackQuietly();
        if (state.equals("40P01") || state.equals("40001") || state.equals("55P03")) {
            return new RecordsException(Kind.CONFLICT, Localization.text("records.impossibleOtherUsersChanging", settings.label(), what), e);
        }
        if (state.equals("23505")) {
            return new RecordsException(Kind.CONFLICT, Localization.text("records.refusedAnotherUserJust", settings.label(), what), e);
        }
        if (state.startsWith("23")) {
            return new RecordsException(Kind.INVALID, Localization.text("records.nothingChanged", settings.explain(what, e)), e);
        }
        return new RecordsException(Kind.STORAGE, Localization.text("records.nothingChanged", settings.explain(what, e)), e);
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

    private static final RecordRows.InstantColumn PG_TIME =
            (rs, col, changeSet) -> rs.getObject(col, OffsetDateTime.class).toInstant();

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
            throw fail(Localization.get("records.readingRecords"), e);
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
            return new RecordsSnapshot(RecordRows.cites(c, null),
                    RecordRows.readOperations(c, null), RecordRows.readTranches(c, null), RecordRows.readUrbanWorks(c, null), meta);
        });
    }

    @Override
    public Optional<Cite> cite(String id) throws RecordsException {
        return versionedCite(id).map(Versioned::value);
    }

    @Override
    public Optional<Versioned<Cite>> versionedCite(String id) throws RecordsException {
        return read(c -> RecordRows.readCites(c, id, "version", false).stream().findFirst());
    }

    @Override
    public List<HistoryEntry> history(String entity, String entityId) throws RecordsException {
        return read(c -> RecordRows.readHistory(c, PG_TIME,
                "WHERE h.entity = ? AND h.entity_id = ? ORDER BY h.id", entity, entityId));
    }

    @Override
    public List<HistoryEntry> recentHistory(int limit) throws RecordsException {
        return read(c -> RecordRows.readHistory(c, PG_TIME, "ORDER BY h.id DESC LIMIT ?", limit));
    }

    @Override
    public long editCount() throws RecordsException {
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM change_set")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    // ---- writes ------------------------------------------------------------------------------

    @Override
    public synchronized long edit(String user, String comment, Work work) throws RecordsException {
        String who = user == null ? null : user.strip();
        if (who == null || who.isEmpty()) {
            throw new RecordsException(Kind.INVALID, Localization.get("records.userNameMissingEach"));
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
            tx.close();
            if (tx.changes() == 0) {
                c.rollback();
                return 0;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                ps.setString(1, CHANNEL);
                ps.setString(2, settings.schema() + ":" + tx.changeSet());
                ps.execute();
            }
            if (watchers.get() > 0) ownChangeSets.add(tx.changeSet());
            committing = true;
            c.commit();
            return tx.changeSet();
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
            tx.close();
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
            throw new RecordsException(Kind.STORAGE, Localization.text("records.serverDidKeepChange", settings.explain("enregistrement", e)), e);
        } catch (SQLException again) {
            dropConnection();
            throw new RecordsException(Kind.STORAGE, Localization.text("records.connectionLostDuringCommit", settings.explain("enregistrement", e)), e);
        }
    }

    /** One transaction's view. Not usable once {@link #edit} has returned. */
    private final class Tx extends JdbcChanges {
        final UUID token = UUID.randomUUID();

        Tx(Connection c, String user, String comment) {
            super(c, user, comment, "version");
        }

        @Override
        protected long insertChangeSet() throws SQLException {
            return insert("INSERT INTO change_set (at, user_name, comment, client_token) VALUES (?, ?, ?, ?)",
                    OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC), user,
                    comment, token);
        }

        @Override
        protected long insert(String sql, Object... args) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql + " RETURNING id")) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        @Override
        protected RecordsException fail(String what, SQLException e) {
            // Thrown out of the work: edit() rolls back; a lost connection must still be dropped.
            return PostgresCiteStore.this.fail(what, e);
        }

        @Override
        protected boolean locksRows() {
            return true;
        }

        @Override
        protected void lock(String table, long id) throws SQLException {
            update("SELECT 1 FROM " + table + " WHERE id = ? FOR UPDATE", id);
        }

        @Override
        protected void lockMeta(String key) throws SQLException {
            // Serialises writers of the same key; an absent key has no row to lock.
            update("SELECT pg_advisory_xact_lock(hashtext('atlas-meta:' || ?))", key);
        }

        @Override
        public void saveCite(Versioned<Cite> base, Cite mine) throws RecordsException {
            open();
            try {
                Versioned<Cite> now = storedCite(mine.id());
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
                throw fail(Localization.text("records.savingCit", mine.id()), e);
            }
        }
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
