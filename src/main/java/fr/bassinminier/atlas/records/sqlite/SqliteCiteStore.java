package fr.bassinminier.atlas.records.sqlite;

import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.CiteStore;
import fr.bassinminier.atlas.records.Commune;
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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
                throw new RecordsException(Kind.NEWER_SCHEMA, "Fichier « " + abs.getFileName() + " » : fiches des cités "
                        + "enregistrées par une version plus récente de l'Atlas (schéma n°" + version + ", cette version "
                        + "connaît jusqu'au n°" + Migrations.CURRENT + "). Mettez l'Atlas à jour pour les ouvrir ; "
                        + "le fichier n'a pas été modifié.");
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
            throw new RecordsException(Kind.STORAGE, "Fichier « " + abs.getFileName() + " » : ouverture des fiches "
                    + "des cités impossible (" + StorageErrors.describe(e, abs, null) + ").", e);
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
            throw new RecordsException(Kind.STORAGE, "Fichier « " + abs.getFileName() + " » : lecture impossible ("
                    + e.getMessage() + ").", e);
        }
    }

    private static RecordsException notRecords(Path abs, Throwable cause) {
        return new RecordsException(Kind.NOT_RECORDS, "Fichier « " + abs.getFileName() + " » : ce n'est pas un "
                + "fichier de fiches des cités de l'Atlas ; il n'a pas été modifié.", cause);
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
                throw storage("vérification", e);
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
            return new RecordsSnapshot(readCites(reader, null), readOperations(reader, null), readTranches(reader, null),
                    readUrbanWorks(reader, null), meta);
        });
    }

    @Override
    public Optional<Cite> cite(String id) throws RecordsException {
        checkOpen();
        return inReadTransaction(() -> readCites(reader, id).stream().findFirst());
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
        String sql = "SELECT h.change_set_id, c.at, c.user_name, c.comment, h.entity, h.entity_id, h.field, "
                + "h.old_value, h.new_value FROM history h JOIN change_set c ON c.id = h.change_set_id " + tail;
        return inReadTransaction(() -> {
            try (PreparedStatement ps = reader.prepareStatement(sql)) {
                bind(ps, args);
                List<HistoryEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new HistoryEntry(rs.getLong(1), StorageErrors.instant(rs.getString(2), rs.getLong(1)),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8), rs.getString(9)));
                    }
                }
                return out;
            }
        });
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
            } catch (StorageErrors.BadStoredValue | InvalidValueException e) {
                throw StorageErrors.badValue(location(), e);
            }
        }
    }

    private List<Cite> readCites(Connection db, String onlyId) throws SQLException {
        String where = onlyId == null ? "" : " WHERE cite_id = ?";
        Map<String, List<Commune>> communes = new HashMap<>();
        try (PreparedStatement ps = db.prepareStatement(
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
        try (PreparedStatement ps = db.prepareStatement(
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
        try (PreparedStatement ps = db.prepareStatement("SELECT cite_id, programme FROM cite_programme" + where)) {
            bindOpt(ps, onlyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    programmes.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(Programme.class))
                            .add(StorageErrors.enumValue(Programme.class, rs.getString(2), "cite_programme", "programme", rs.getString(1)));
                }
            }
        }
        Map<String, List<FeatureLink>> links = new HashMap<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT cite_id, layer_id, feature_key FROM cite_link" + where + " ORDER BY cite_id, position")) {
            bindOpt(ps, onlyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    links.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new FeatureLink(rs.getString(2), rs.getString(3)));
                }
            }
        }
        List<Cite> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT id, id_mbm, nom, epci, logements, unesco, "
                + "programme_detail, note, source FROM cite" + (onlyId == null ? "" : " WHERE id = ?") + " ORDER BY id")) {
            bindOpt(ps, onlyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    String u = rs.getString(6);
                    out.add(new Cite(id, rs.getString(2), rs.getString(3), communes.get(id), rs.getString(4),
                            owners.get(id), intOrNull(rs, 5), u == null ? null : StorageErrors.enumValue(UnescoStatus.class, u, "cite", "unesco", id),
                            programmes.get(id), rs.getString(7), links.get(id), rs.getString(8), rs.getString(9)));
                }
            }
        }
        out.sort(SqliteCiteStore::naturalOrder);
        return out;
    }

    /** "t1-2" before "t1-10": ids compared with their numbers as numbers. */
    static int naturalOrder(Cite a, Cite b) {
        return naturalCompare(a.id(), b.id());
    }

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
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) return c;
            } else {
                if (ca != cb) return Character.compare(ca, cb);
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private List<Operation> readOperations(Connection db, String where, Object... args) throws SQLException {
        List<Operation> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT id, cite_id, nom, programme, bailleur FROM operation "
                + (where == null ? "" : where) + " ORDER BY cite_id, id")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String p = rs.getString(4);
                    out.add(new Operation(rs.getLong(1), rs.getString(2), rs.getString(3),
                            p == null ? null : StorageErrors.enumValue(Programme.class, p, "operation", "programme", rs.getLong(1)), rs.getString(5)));
                }
            }
        }
        return out;
    }

    private List<Tranche> readTranches(Connection db, String where, Object... args) throws SQLException {
        List<Tranche> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT id, operation_id, numero, logements, statut, debut, "
                + "fin, etiquette_avant, etiquette_apres, cout_centimes, source FROM tranche "
                + (where == null ? "" : where) + " ORDER BY operation_id, numero")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long cost = rs.getLong(10);
                    Long costOrNull = rs.wasNull() ? null : cost;
                    out.add(new Tranche(rs.getLong(1), rs.getLong(2), rs.getInt(3), intOrNull(rs, 4),
                            StorageErrors.enumValue(TrancheStatus.class, rs.getString(5), "tranche", "statut", rs.getLong(1)), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), costOrNull, rs.getString(11)));
                }
            }
        }
        return out;
    }

    private List<UrbanWork> readUrbanWorks(Connection db, String where, Object... args) throws SQLException {
        List<UrbanWork> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT id, cite_id, intitule, statut, debut, fin, "
                + "cout_centimes, source FROM travaux_urbains " + (where == null ? "" : where) + " ORDER BY cite_id, id")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long cost = rs.getLong(7);
                    Long costOrNull = rs.wasNull() ? null : cost;
                    out.add(new UrbanWork(rs.getLong(1), rs.getString(2), rs.getString(3),
                            StorageErrors.enumValue(UrbanWorkStatus.class, rs.getString(4), "travaux_urbains", "statut", rs.getLong(1)), rs.getString(5), rs.getString(6), costOrNull,
                            rs.getString(8)));
                }
            }
        }
        return out;
    }

    // ---- writes ------------------------------------------------------------------------------

    @Override
    public synchronized long edit(String user, String comment, Work work) throws RecordsException {
        checkOpen();
        String who = user == null ? null : user.strip();
        if (who == null || who.isEmpty()) {
            throw new RecordsException(Kind.INVALID, "Nom d'utilisateur manquant : chaque modification est signée.");
        }
        Tx tx = new Tx(who, comment == null || comment.isBlank() ? null : comment.strip());
        boolean committed = false;
        try {
            Migrations.exec(conn, "BEGIN IMMEDIATE");
            // Who holds the lock, for the message of a program that waits too long for it.
            WriterNote.write(file, who, tx.comment);
            try {
                work.run(tx);
                tx.closed = true;
                Migrations.exec(conn, "COMMIT");
                committed = true;
                return tx.changes > 0 ? tx.changeSet : 0;
            } finally {
                tx.closed = true;
                if (!committed) rollbackQuietly(conn);
                WriterNote.clear(file);
            }
        } catch (StorageErrors.BadStoredValue e) {
            throw StorageErrors.badValue(location(), e);
        } catch (InvalidValueException e) {
            throw new RecordsException(Kind.INVALID, e.getMessage(), e);
        } catch (SQLException e) {
            throw storage("enregistrement", e);
        }
    }

    /** One transaction's view. Not usable once {@link #edit} has returned. */
    private final class Tx implements Changes {
        final String user;
        final String comment;
        long changeSet;
        int changes;
        boolean closed;

        Tx(String user, String comment) {
            this.user = user;
            this.comment = comment;
        }

        private void open() throws RecordsException {
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
            if (changeSet == 0) {
                changeSet = Migrations.insert(conn, "INSERT INTO change_set (at, user_name, comment) VALUES (?, ?, ?)",
                        Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), user, comment);
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
            Migrations.insert(conn, "INSERT INTO history (change_set_id, entity, entity_id, field, old_value, "
                    + "new_value) VALUES (?, ?, ?, ?, ?, ?)", ensureChangeSet(), entity, id, field, o, n);
            changes++;
        }

        @Override
        public Optional<Cite> cite(String id) throws RecordsException {
            open();
            try {
                return readCites(conn, id).stream().findFirst();
            } catch (SQLException e) {
                throw storage("lecture", e);
            }
        }

        @Override
        public void saveCite(Cite c) throws RecordsException {
            open();
            try {
                Cite old = readCites(conn, c.id()).stream().findFirst().orElse(null);
                Map<String, String> before = old == null ? null : old.cells();
                Map<String, String> after = c.cells();
                if (after.equals(before)) return;
                Object[] values = {c.mbmIndex(), c.name(), c.epci(), c.dwellings(),
                        c.unesco() == null ? null : c.unesco().name(), c.programmeDetail(), c.note(), c.source(), c.id()};
                if (old == null) {
                    update("INSERT INTO cite (id_mbm, nom, epci, logements, unesco, programme_detail, note, source, id) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
                } else {
                    update("UPDATE cite SET id_mbm = ?, nom = ?, epci = ?, logements = ?, unesco = ?, "
                            + "programme_detail = ?, note = ?, source = ? WHERE id = ?", values);
                }
                if (old == null || !old.communes().equals(c.communes())) {
                    update("DELETE FROM cite_commune WHERE cite_id = ?", c.id());
                    int i = 0;
                    for (Commune m : c.communes()) {
                        update("INSERT INTO cite_commune (cite_id, position, nom, insee) VALUES (?, ?, ?, ?)",
                                c.id(), i++, m.name(), m.insee());
                    }
                }
                if (old == null || !old.owners().equals(c.owners())) {
                    update("DELETE FROM cite_owner WHERE cite_id = ?", c.id());
                    int i = 0;
                    for (Owner o : c.owners()) {
                        update("INSERT INTO cite_owner (cite_id, position, nom, logements) VALUES (?, ?, ?, ?)",
                                c.id(), i++, o.name(), o.dwellings());
                    }
                }
                if (old == null || !old.programmes().equals(c.programmes())) {
                    update("DELETE FROM cite_programme WHERE cite_id = ?", c.id());
                    for (Programme p : c.programmes()) {
                        update("INSERT INTO cite_programme (cite_id, programme) VALUES (?, ?)", c.id(), p.name());
                    }
                }
                if (old == null || !old.links().equals(c.links())) {
                    update("DELETE FROM cite_link WHERE cite_id = ?", c.id());
                    int i = 0;
                    for (FeatureLink l : c.links()) {
                        update("INSERT INTO cite_link (cite_id, position, layer_id, feature_key) VALUES (?, ?, ?, ?)",
                                c.id(), i++, l.layerId(), l.featureKey());
                    }
                }
                log(HistoryEntry.CITE, c.id(), before, after);
            } catch (SQLException e) {
                throw storage("enregistrement de la cité « " + c.id() + " »", e);
            }
        }

        @Override
        public Optional<Operation> operation(long id) throws RecordsException {
            open();
            try {
                return readOperations(conn, "WHERE id = ?", id).stream().findFirst();
            } catch (SQLException e) {
                throw storage("lecture", e);
            }
        }

        @Override
        public Optional<Operation> operation(String citeId, String name) throws RecordsException {
            open();
            try {
                return readOperations(conn, "WHERE cite_id = ? AND nom = ?", citeId, name).stream().findFirst();
            } catch (SQLException e) {
                throw storage("lecture", e);
            }
        }

        @Override
        public List<Operation> operations(String citeId) throws RecordsException {
            open();
            try {
                return readOperations(conn, "WHERE cite_id = ?", citeId);
            } catch (SQLException e) {
                throw storage("lecture", e);
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
                    long id = Migrations.insert(conn, "INSERT INTO operation (cite_id, nom, programme, bailleur) "
                            + "VALUES (?, ?, ?, ?)", values);
                    Operation saved = op.withId(id);
                    log(HistoryEntry.OPERATION, Long.toString(id), null, saved.cells());
                    return saved;
                }
                Operation old = operation(op.id()).orElseThrow(() -> unknown("opération", op.id()));
                if (old.equals(op)) return op;
                if (!old.citeId().equals(op.citeId())) {
                    throw new RecordsException(Kind.INVALID, "Une opération ne change pas de cité (opération n°" + op.id() + ").");
                }
                update("UPDATE operation SET cite_id = ?, nom = ?, programme = ?, bailleur = ? WHERE id = ?",
                        values[0], values[1], values[2], values[3], op.id());
                log(HistoryEntry.OPERATION, Long.toString(op.id()), old.cells(), op.cells());
                return op;
            } catch (SQLException e) {
                throw storage("enregistrement de l'opération", e);
            }
        }

        @Override
        public void deleteOperation(long id) throws RecordsException {
            open();
            try {
                Operation old = operation(id).orElseThrow(() -> unknown("opération", id));
                if (!readTranches(conn, "WHERE operation_id = ?", id).isEmpty()) {
                    throw new RecordsException(Kind.INVALID, "L'opération « " + old.name() + " » a encore des tranches.");
                }
                update("DELETE FROM operation WHERE id = ?", id);
                write(HistoryEntry.OPERATION, Long.toString(id), HistoryEntry.DELETED, summary(old.cells()), null);
            } catch (SQLException e) {
                throw storage("suppression de l'opération", e);
            }
        }

        @Override
        public Optional<Tranche> tranche(long id) throws RecordsException {
            open();
            try {
                return readTranches(conn, "WHERE id = ?", id).stream().findFirst();
            } catch (SQLException e) {
                throw storage("lecture", e);
            }
        }

        @Override
        public List<Tranche> tranches(long operationId) throws RecordsException {
            open();
            try {
                return readTranches(conn, "WHERE operation_id = ?", operationId);
            } catch (SQLException e) {
                throw storage("lecture", e);
            }
        }

        @Override
        public Tranche saveTranche(Tranche t) throws RecordsException {
            open();
            try {
                Operation op = operation(t.operationId()).orElseThrow(() -> unknown("opération", t.operationId()));
                for (Tranche other : readTranches(conn, "WHERE operation_id = ? AND numero = ?", t.operationId(), t.number())) {
                    if (other.id() != t.id()) {
                        throw new RecordsException(Kind.INVALID, "L'opération « " + op.name() + " » de la cité « "
                                + op.citeId() + " » a déjà une tranche n°" + t.number() + ".");
                    }
                }
                Object[] values = {t.operationId(), t.number(), t.dwellings(), t.status().name(), t.start(), t.end(),
                        t.energyBefore(), t.energyAfter(), t.costCents(), t.source()};
                if (t.id() == 0) {
                    long id = Migrations.insert(conn, "INSERT INTO tranche (operation_id, numero, logements, statut, "
                            + "debut, fin, etiquette_avant, etiquette_apres, cout_centimes, source) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
                    Tranche saved = t.withId(id);
                    log(HistoryEntry.TRANCHE, Long.toString(id), null, trancheCells(saved));
                    return saved;
                }
                Tranche old = tranche(t.id()).orElseThrow(() -> unknown("tranche", t.id()));
                if (old.equals(t)) return t;
                Object[] withId = java.util.Arrays.copyOf(values, values.length + 1);
                withId[values.length] = t.id();
                update("UPDATE tranche SET operation_id = ?, numero = ?, logements = ?, statut = ?, debut = ?, fin = ?, "
                        + "etiquette_avant = ?, etiquette_apres = ?, cout_centimes = ?, source = ? WHERE id = ?", withId);
                log(HistoryEntry.TRANCHE, Long.toString(t.id()), trancheCells(old), trancheCells(t));
                return t;
            } catch (SQLException e) {
                throw storage("enregistrement de la tranche", e);
            }
        }

        /** The tranche's fields plus its operation's id, so that moving it is in the history too. */
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
                Tranche old = tranche(id).orElseThrow(() -> unknown("tranche", id));
                update("DELETE FROM tranche WHERE id = ?", id);
                write(HistoryEntry.TRANCHE, Long.toString(id), HistoryEntry.DELETED, summary(trancheCells(old)), null);
            } catch (SQLException e) {
                throw storage("suppression de la tranche", e);
            }
        }

        @Override
        public Optional<UrbanWork> urbanWork(long id) throws RecordsException {
            open();
            try {
                return readUrbanWorks(conn, "WHERE id = ?", id).stream().findFirst();
            } catch (SQLException e) {
                throw storage("lecture", e);
            }
        }

        @Override
        public List<UrbanWork> urbanWorks(String citeId) throws RecordsException {
            open();
            try {
                return readUrbanWorks(conn, "WHERE cite_id = ?", citeId);
            } catch (SQLException e) {
                throw storage("lecture", e);
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
                    long id = Migrations.insert(conn, "INSERT INTO travaux_urbains (cite_id, intitule, statut, debut, "
                            + "fin, cout_centimes, source) VALUES (?, ?, ?, ?, ?, ?, ?)", values);
                    UrbanWork saved = w.withId(id);
                    log(HistoryEntry.URBAN_WORK, Long.toString(id), null, saved.cells());
                    return saved;
                }
                UrbanWork old = urbanWork(w.id()).orElseThrow(() -> unknown("travaux urbains", w.id()));
                if (old.equals(w)) return w;
                Object[] withId = java.util.Arrays.copyOf(values, values.length + 1);
                withId[values.length] = w.id();
                update("UPDATE travaux_urbains SET cite_id = ?, intitule = ?, statut = ?, debut = ?, fin = ?, "
                        + "cout_centimes = ?, source = ? WHERE id = ?", withId);
                log(HistoryEntry.URBAN_WORK, Long.toString(w.id()), old.cells(), w.cells());
                return w;
            } catch (SQLException e) {
                throw storage("enregistrement des travaux urbains", e);
            }
        }

        @Override
        public void deleteUrbanWork(long id) throws RecordsException {
            open();
            try {
                UrbanWork old = urbanWork(id).orElseThrow(() -> unknown("travaux urbains", id));
                update("DELETE FROM travaux_urbains WHERE id = ?", id);
                write(HistoryEntry.URBAN_WORK, Long.toString(id), HistoryEntry.DELETED, summary(old.cells()), null);
            } catch (SQLException e) {
                throw storage("suppression des travaux urbains", e);
            }
        }

        @Override
        public void putMeta(String key, String value) throws RecordsException {
            open();
            try {
                String old = null;
                try (PreparedStatement ps = conn.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
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
                throw storage("enregistrement", e);
            }
        }

        private void requireCite(String citeId) throws RecordsException, SQLException {
            try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM cite WHERE id = ?")) {
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

    /** The last values of a deleted record, in one line: "tranche=1 ; logements=89 ; …". */
    private static String summary(Map<String, String> cells) {
        List<String> parts = new ArrayList<>();
        cells.forEach((k, v) -> {
            if (!v.isEmpty()) parts.add(k + "=" + v);
        });
        return String.join(" ; ", parts);
    }

    private void update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            bind(ps, args);
            ps.executeUpdate();
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

    private RecordsException storage(String what, SQLException e) {
        if (StorageErrors.isCorrupt(e)) return StoreBackups.damaged(file, e.getMessage());
        return new RecordsException(Kind.STORAGE, "Fichier « " + location() + " » : " + what + " impossible ("
                + StorageErrors.describe(e, file, WriterNote.read(file)) + ") ; rien n'a été modifié.", e);
    }

    private void checkOpen() throws RecordsException {
        if (closed) throw new RecordsException(Kind.STORAGE, "Fichier « " + location() + " » : fiches déjà fermées.");
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
