package fr.bassinminier.atlas.records.sqlite;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.CiteStore;
import fr.bassinminier.atlas.records.HistoryEntry;
import fr.bassinminier.atlas.records.InvalidValueException;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.records.RecordsException.Kind;
import fr.bassinminier.atlas.records.RecordsSnapshot;
import fr.bassinminier.atlas.records.jdbc.JdbcChanges;
import fr.bassinminier.atlas.records.jdbc.RecordRows;
import fr.bassinminier.atlas.records.jdbc.StoredValues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * The records in an SQLite file beside the map project.
 *
 * <p>Durability: WAL journal with {@code synchronous=FULL}. In WAL mode NORMAL already keeps
 * the file uncorrupted through any crash, and loses nothing when only the program dies; but
 * after a power cut or an OS crash it may lose the last commits. Edits come at the pace of a
 * person typing (a commit costs one fsync, a few milliseconds), so FULL costs nothing felt and
 * makes "saved" mean saved. Writes take the lock at once (BEGIN IMMEDIATE) so two programs on
 * the same file wait for each other (busy timeout) instead of failing half-way.
 *
 * <p>SQL is kept standard (VARCHAR, INTEGER, CHECK, REFERENCES, generated keys through JDBC)
 * except for the PRAGMAs and INTEGER PRIMARY KEY as row id, so that a server database can take
 * the same schema with few changes. One connection, used under this object's lock.
 */
public final class SqliteCiteStore implements CiteStore {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    static final int BUSY_TIMEOUT_MS = 10_000;

    private final Path file;
    /** Read-write: used only inside write transactions (and to open and upgrade the file). */
    private final Connection conn;
    /** Read-only: every read outside a write; WAL lets it read while another program writes. */
    private final Connection reader;
    private volatile boolean closed;

    private SqliteCiteStore(Path file, Connection conn, Connection reader) {
        this.file = file;
        this.conn = conn;
        this.reader = reader;
    }

    /** The schema version this program writes. */
    public static int currentSchemaVersion() {
        return Migrations.CURRENT;
    }

    /**
     * Opens the records file, creating it when absent and upgrading it when an older program
     * wrote it (after a copy of the old file, {@code NAME.vN.bak}). A file of a newer program,
     * one that is not a records file, or a damaged one ({@code PRAGMA quick_check}) is refused
     * and left untouched. Opening takes no write lock unless the file must be created or
     * upgraded, so it never waits for another program's import. A sound file gets its
     * automatic backup refreshed when the last one is more than a day old ({@link StoreBackups}).
     */
    public static SqliteCiteStore open(Path file) throws RecordsException {
        Path abs = file.toAbsolutePath();
        checkHeader(abs);
        boolean existing = isNonEmptyFile(abs);
        Connection c = null;
        Connection r = null;
        try {
            Files.createDirectories(abs.getParent());
            c = DriverManager.getConnection("jdbc:sqlite:" + abs);
            Migrations.exec(c, "PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            // Checks first, before any PRAGMA that writes, so a refused file stays as it was.
            int version = pragmaInt(c, "user_version");
            int appId = pragmaInt(c, "application_id");
            if (appId != 0 && appId != Migrations.APPLICATION_ID) throw notRecords(abs, null);
            if (appId == 0 && (version != 0 || tableCount(c) > 0)) throw notRecords(abs, null);
            if (version > Migrations.CURRENT) {
                throw new RecordsException(Kind.NEWER_SCHEMA, Localization.text("records.fileCitRecordsSaved", abs.getFileName(), version, Migrations.CURRENT));
            }
            if (existing) {
                String check = check(c, "quick_check");
                if (!check.equals("ok")) throw StoreBackups.damaged(abs, check);
            }
            if (!"wal".equalsIgnoreCase(pragmaText(c, "journal_mode"))) Migrations.exec(c, "PRAGMA journal_mode = WAL");
            Migrations.exec(c, "PRAGMA synchronous = FULL");
            Migrations.exec(c, "PRAGMA foreign_keys = ON");
            if (version > 0 && version < Migrations.CURRENT) backup(c, abs, version);
            if (version < Migrations.CURRENT) migrate(c);
            r = readOnly(abs);
            SqliteCiteStore store = new SqliteCiteStore(abs, c, r);
            // VACUUM INTO needs a read-write connection, but only reads (no write lock).
            if (existing) StoreBackups.refreshIfOlderThan(abs, c, StoreBackups.DAILY);
            return store;
        } catch (SQLException | IOException e) {
            closeQuietly(r);
            closeQuietly(c);
            if (e instanceof SQLException s && isNotADatabase(s)) throw notRecords(abs, e);
            if (e instanceof SQLException s && StorageErrors.isCorrupt(s)) throw StoreBackups.damaged(abs, s.getMessage());
            throw new RecordsException(Kind.STORAGE, Localization.text("records.fileCannotOpenCit", abs.getFileName(), StorageErrors.describe(e, abs, null)), e);
        } catch (RecordsException e) {
            closeQuietly(r);
            closeQuietly(c);
            throw e;
        }
    }

    private static boolean isNonEmptyFile(Path abs) {
        try {
            return Files.isRegularFile(abs) && Files.size(abs) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** A connection that cannot write (nor take the write lock), for reads. */
    static Connection readOnly(Path abs) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        Connection r = config.createConnection("jdbc:sqlite:" + abs);
        try {
            Migrations.exec(r, "PRAGMA query_only = ON");
            return r;
        } catch (SQLException e) {
            closeQuietly(r);
            throw e;
        }
    }

    /** PRAGMA quick_check or integrity_check: "ok", else SQLite's list of problems (at most 20). */
    static String check(Connection c, String pragma) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma + "(20)")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getString(1));
            return String.join("\n", out);
        }
    }

    private static void checkHeader(Path abs) throws RecordsException {
        if (!Files.isRegularFile(abs)) return;
        try (InputStream in = Files.newInputStream(abs)) {
            byte[] head = in.readNBytes(SQLITE_HEADER.length);
            if (head.length == 0) return;
            if (!java.util.Arrays.equals(head, SQLITE_HEADER)) throw notRecords(abs, null);
        } catch (IOException e) {
            throw new RecordsException(Kind.STORAGE, Localization.text("records.fileCannotRead", abs.getFileName(), e.getMessage()), e);
        }
    }

    private static RecordsException notRecords(Path abs, Throwable cause) {
        return new RecordsException(Kind.NOT_RECORDS, Localization.text("records.fileAtlasCitRecords", abs.getFileName()), cause);
    }

    private static boolean isNotADatabase(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_NOTADB") || m.contains("not a database");
    }

    /** A consistent copy of the old file before upgrading it (VACUUM INTO reads one snapshot). */
    private static void backup(Connection c, Path abs, int version) throws SQLException {
        Path bak = abs.resolveSibling(abs.getFileName() + ".v" + version + ".bak");
        if (Files.exists(bak)) {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            bak = abs.resolveSibling(abs.getFileName() + ".v" + version + "." + stamp + ".bak");
        }
        try (PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, bak.toString());
            ps.execute();
        }
    }

    private static void migrate(Connection c) throws SQLException {
        while (true) {
            Migrations.exec(c, "BEGIN IMMEDIATE");
            boolean done = false;
            try {
                // Read again under the write lock: another program may have upgraded meanwhile.
                int v = pragmaInt(c, "user_version");
                if (v >= Migrations.CURRENT) {
                    Migrations.exec(c, "COMMIT");
                    done = true;
                    return;
                }
                Migrations.STEPS.get(v).apply(c);
                Migrations.exec(c, "PRAGMA user_version = " + (v + 1));
                Migrations.exec(c, "PRAGMA application_id = " + Migrations.APPLICATION_ID);
                Migrations.exec(c, "COMMIT");
                done = true;
            } finally {
                if (!done) rollbackQuietly(c);
            }
        }
    }

    private static int pragmaInt(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String pragmaText(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private static int tableCount(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public int schemaVersion() {
        synchronized (reader) {
            try {
                return pragmaInt(reader, "user_version");
            } catch (SQLException e) {
                return -1;
            }
        }
    }

    @Override
    public String location() {
        return file.getFileName().toString();
    }

    /** PRAGMA integrity_check: "ok" for a sound file, else SQLite's list of problems. */
    public String integrityCheck() throws RecordsException {
        checkOpen();
        synchronized (reader) {
            try {
                return check(reader, "integrity_check");
            } catch (SQLException e) {
                if (StorageErrors.isCorrupt(e)) return String.valueOf(e.getMessage());
                throw storage(Localization.get("records.check"), e);
            }
        }
    }

    /** Before an import: the full integrity check (a damaged file is refused), then a fresh backup. */
    @Override
    public void beforeImport() throws RecordsException {
        String check = integrityCheck();
        if (!check.equals("ok")) throw StoreBackups.damaged(file, check);
        synchronized (this) {
            StoreBackups.refreshIfOlderThan(file, conn, java.time.Duration.ZERO);
        }
    }

    // ---- reads -------------------------------------------------------------------------------

    @Override
    public RecordsSnapshot snapshot() throws RecordsException {
        checkOpen();
        return inReadTransaction(() -> {
            Map<String, String> meta = new LinkedHashMap<>();
            try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("SELECT key, value FROM meta")) {
                while (rs.next()) meta.put(rs.getString(1), rs.getString(2));
            }
            return new RecordsSnapshot(RecordRows.cites(reader, null), RecordRows.readOperations(reader, null), RecordRows.readTranches(reader, null),
                    RecordRows.readUrbanWorks(reader, null), meta);
        });
    }

    @Override
    public Optional<Cite> cite(String id) throws RecordsException {
        checkOpen();
        return inReadTransaction(() -> RecordRows.cites(reader, id).stream().findFirst());
    }

    @Override
    public List<HistoryEntry> history(String entity, String entityId) throws RecordsException {
        checkOpen();
        return readHistory("WHERE h.entity = ? AND h.entity_id = ? ORDER BY h.id", entity, entityId);
    }

    @Override
    public List<HistoryEntry> recentHistory(int limit) throws RecordsException {
        checkOpen();
        return readHistory("ORDER BY h.id DESC LIMIT ?", limit);
    }

    @Override
    public List<HistoryEntry> historySince(long editId) throws RecordsException {
        checkOpen();
        return readHistory("WHERE h.change_set_id > ? ORDER BY h.id", editId);
    }

    @Override
    public long lastEditId() throws RecordsException {
        checkOpen();
        return inReadTransaction(() -> {
            try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("SELECT max(id) FROM change_set")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    @Override
    public long editCount() throws RecordsException {
        checkOpen();
        return inReadTransaction(() -> {
            try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM change_set")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    private List<HistoryEntry> readHistory(String tail, Object... args) throws RecordsException {
        return inReadTransaction(() -> RecordRows.readHistory(reader,
                (rs, col, changeSet) -> StoredValues.instant(rs.getString(col), changeSet), tail, args));
    }

    private interface SqlWork<T> {
        T run() throws SQLException, RecordsException;
    }

    /** One read transaction on the read-only connection: a consistent snapshot, never a write lock. */
    private <T> T inReadTransaction(SqlWork<T> work) throws RecordsException {
        synchronized (reader) {
            try {
                Migrations.exec(reader, "BEGIN");
                boolean ok = false;
                try {
                    T t = work.run();
                    Migrations.exec(reader, "COMMIT");
                    ok = true;
                    return t;
                } finally {
                    if (!ok) rollbackQuietly(reader);
                }
            } catch (SQLException e) {
                throw storage("lecture", e);
            } catch (StoredValues.BadStoredValue | InvalidValueException e) {
                throw StoredValues.badValue(location(), e);
            }
        }
    }

    // ---- writes ------------------------------------------------------------------------------

    @Override
    public synchronized long edit(String user, String comment, Work work) throws RecordsException {
        checkOpen();
        String who = user == null ? null : user.strip();
        if (who == null || who.isEmpty()) {
            throw new RecordsException(Kind.INVALID, Localization.get("records.userNameMissingEach"));
        }
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        Tx tx = new Tx(who, note);
        boolean committed = false;
        try {
            Migrations.exec(conn, "BEGIN IMMEDIATE");
            // Who holds the lock, for the message of a program that waits too long for it.
            WriterNote.write(file, who, note);
            try {
                work.run(tx);
                tx.close();
                Migrations.exec(conn, "COMMIT");
                committed = true;
                return tx.changes() > 0 ? tx.changeSet() : 0;
            } finally {
                tx.close();
                if (!committed) rollbackQuietly(conn);
                WriterNote.clear(file);
            }
        } catch (StoredValues.BadStoredValue e) {
            throw StoredValues.badValue(location(), e);
        } catch (InvalidValueException e) {
            throw new RecordsException(Kind.INVALID, e.getMessage(), e);
        } catch (SQLException e) {
            throw storage("enregistrement", e);
        }
    }

    /** One transaction's view. Not usable once {@link #edit} has returned. */
    private final class Tx extends JdbcChanges {
        Tx(String user, String comment) {
            super(conn, user, comment, null);
        }

        @Override
        protected long insertChangeSet() throws SQLException {
            return insert("INSERT INTO change_set (at, user_name, comment) VALUES (?, ?, ?)",
                    Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), user, comment);
        }

        @Override
        protected long insert(String sql, Object... args) throws SQLException {
            return Migrations.insert(c, sql, args);
        }

        @Override
        protected RecordsException fail(String what, SQLException e) {
            return storage(what, e);
        }
    }

    private RecordsException storage(String what, SQLException e) {
        if (StorageErrors.isCorrupt(e)) return StoreBackups.damaged(file, e.getMessage());
        return new RecordsException(Kind.STORAGE, Localization.text("records.fileImpossibleNothingChanged", location(), what, StorageErrors.describe(e, file, WriterNote.read(file))), e);
    }

    private void checkOpen() throws RecordsException {
        if (closed) throw new RecordsException(Kind.STORAGE, Localization.text("records.fileRecordsAlreadyClosed", location()));
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (c != null) Migrations.exec(c, "ROLLBACK");
        } catch (SQLException ignored) {
            // No transaction open (it failed to start, or SQLite rolled it back itself).
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            if (c != null) c.close();
        } catch (SQLException ignored) {
            // Already failing: the first error is the one reported.
        }
    }

    @Override
    public synchronized void close() throws RecordsException {
        if (closed) return;
        closed = true;
        synchronized (reader) {
            closeQuietly(reader);
        }
        try {
            conn.close();
        } catch (SQLException e) {
            throw storage("fermeture", e);
        }
    }
}
