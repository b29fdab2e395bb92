package fr.bassinminier.atlas.records.postgres;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.postgis.PgSettings;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.records.RecordsException.Kind;
import fr.bassinminier.atlas.records.sqlite.SqliteCiteStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Copies the records between an SQLite file and a PostgreSQL schema, history included
 * ({@code atlas records migrate --to/--from}). Both hold the same tables at the same schema
 * version, so the copy goes table by table, ids kept, in one transaction on the target.
 *
 * <p>Idempotent: when the target's edits (change sets) are the first of the source's, the copy
 * adds the missing ones with their history and replaces the records by the source's; when it
 * already has them all, nothing is written. A target with edits the source does not have is
 * refused, since copying would lose them.
 */
public final class RecordsCopy {
    /** The record tables, parents first; history tables apart (they are only appended to). */
    static final List<String> RECORD_TABLES = List.of("meta", "cite", "cite_commune", "cite_owner", "cite_programme",
            "cite_link", "operation", "tranche", "travaux_urbains");

    /** What a copy did, for the command's output. */
    public record Report(boolean upToDate, int cites, int changeSetsAdded, int historyRowsAdded, int changeSetsTotal) {
        public String describe(String from, String to) {
            if (upToDate) {
                return Localization.text("records.nothingCopyAlreadyChanges", to, changeSetsTotal, from, cites);
            }
            return Localization.text("records.copiedCitSChanges", from, to, cites, changeSetsAdded, historyRowsAdded, changeSetsTotal);
        }
    }

    private record ChangeSet(long id, Instant at, String user) {
    }

    private RecordsCopy() {
    }

    public static Report sqliteToPostgres(Path file, PgSettings pg, Supplier<char[]> password) throws RecordsException {
        SqliteCiteStore.open(file).close(); // creates or upgrades the file to the current schema
        PostgresCiteStore.open(pg, password).close(); // same for the server's schema
        try (Connection src = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Connection dst = pgConnection(pg, password)) {
            return copy(src, false, dst, true);
        } catch (SQLException e) {
            throw new RecordsException(Kind.STORAGE, Localization.text("records.nothingCopied", pg.explain(Localization.text("records.copy", file.getFileName()), e)), e);
        }
    }

    public static Report postgresToSqlite(PgSettings pg, Supplier<char[]> password, Path file) throws RecordsException {
        PostgresCiteStore.open(pg, password).close();
        SqliteCiteStore.open(file).close();
        try (Connection src = pgConnection(pg, password);
             Connection dst = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement s = dst.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("PRAGMA foreign_keys = ON");
            }
            return copy(src, true, dst, false);
        } catch (SQLException e) {
            throw new RecordsException(Kind.STORAGE, Localization.text("records.nothingCopied", pg.explain(Localization.text("records.copy2", file.getFileName()), e)), e);
        }
    }

    private static Connection pgConnection(PgSettings pg, Supplier<char[]> password) throws SQLException {
        Connection c = pg.connect(password);
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + PgSettings.quote(pg.schema()));
        }
        return c;
    }

    private static Report copy(Connection src, boolean srcPg, Connection dst, boolean dstPg)
            throws SQLException, RecordsException {
        src.setAutoCommit(false);
        dst.setAutoCommit(false);
        try (Statement s = src.createStatement()) {
            if (srcPg) s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        }
        try (Statement s = dst.createStatement()) {
            if (dstPg) s.execute("LOCK TABLE change_set, history, " + String.join(", ", RECORD_TABLES)
                    + " IN EXCLUSIVE MODE");
        }
        try {
            List<ChangeSet> from = changeSets(src), to = changeSets(dst);
            boolean prefix = to.size() <= from.size();
            for (int i = 0; prefix && i < to.size(); i++) prefix = same(from.get(i), to.get(i));
            if (!prefix) {
                throw new RecordsException(Kind.CONFLICT, Localization.text("records.targetChangesSourceLacks", to.size(), from.size()));
            }
            int cites = count(src, "cite");
            if (to.size() == from.size() && to.size() > 0) {
                src.rollback();
                dst.rollback();
                return new Report(true, cites, 0, 0, from.size());
            }
            for (int i = RECORD_TABLES.size() - 1; i >= 0; i--) {
                try (Statement s = dst.createStatement()) {
                    s.executeUpdate("DELETE FROM " + RECORD_TABLES.get(i));
                }
            }
            for (String t : RECORD_TABLES) copyRows(src, dst, dstPg, t, "");
            long after = to.isEmpty() ? 0 : to.get(to.size() - 1).id();
            copyRows(src, dst, dstPg, "change_set", " WHERE id > " + after);
            int history = copyRows(src, dst, dstPg, "history", " WHERE change_set_id > " + after);
            if (dstPg) {
                try (Statement s = dst.createStatement()) {
                    for (String t : List.of("change_set", "history", "operation", "tranche", "travaux_urbains")) {
                        s.execute("SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), "
                                + "coalesce((SELECT max(id) FROM " + t + "), 0) + 1, false)");
                    }
                    // Versions only grow: one more than the edits that touched each record.
                    String[][] entities = {{"cite", "cite"}, {"operation", "operation"}, {"tranche", "tranche"},
                            {"travaux_urbains", "travaux"}};
                    for (String[] e : entities) {
                        s.executeUpdate("UPDATE " + e[0] + " r SET version = 1 + (SELECT count(DISTINCT h.change_set_id) "
                                + "FROM history h WHERE h.entity = '" + e[1] + "' AND h.entity_id = r.id::text)");
                    }
                }
            }
            dst.commit();
            src.rollback();
            return new Report(false, cites, from.size() - to.size(), history, from.size());
        } catch (SQLException | RecordsException | RuntimeException e) {
            try {
                dst.rollback();
            } catch (SQLException ignored) {
                // The connection is gone: nothing was committed.
            }
            throw e;
        }
    }

    private static boolean same(ChangeSet a, ChangeSet b) {
        return a.id == b.id && Objects.equals(a.user, b.user) && a.at.toEpochMilli() == b.at.toEpochMilli();
    }

    private static List<ChangeSet> changeSets(Connection c) throws SQLException {
        List<ChangeSet> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, at, user_name FROM change_set ORDER BY id")) {
            while (rs.next()) out.add(new ChangeSet(rs.getLong(1), instant(rs.getObject(2)), rs.getString(3)));
        }
        return out;
    }

    private static Instant instant(Object o) {
        if (o instanceof OffsetDateTime t) return t.toInstant();
        if (o instanceof java.sql.Timestamp t) return t.toInstant();
        return Instant.parse(o.toString());
    }

    private static int count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Set<String> columns(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            Set<String> out = new LinkedHashSet<>();
            for (int i = 1; i <= md.getColumnCount(); i++) out.add(md.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
            return out;
        }
    }

    /** Copies the rows of one table (the columns both sides have), in batches. */
    private static int copyRows(Connection src, Connection dst, boolean dstPg, String table, String where)
            throws SQLException {
        Set<String> cols = columns(src, table);
        cols.retainAll(columns(dst, table));
        List<String> names = new ArrayList<>(cols);
        String list = String.join(", ", names);
        String marks = String.join(", ", names.stream().map(n -> "?").toList());
        int n = 0;
        try (Statement s = src.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + list + " FROM " + table + where);
             PreparedStatement ins = dst.prepareStatement("INSERT INTO " + table + " (" + list + ") VALUES (" + marks + ")")) {
            while (rs.next()) {
                for (int i = 0; i < names.size(); i++) {
                    Object v = rs.getObject(i + 1);
                    if (names.get(i).equals("at") && table.equals("change_set")) {
                        Instant at = instant(v);
                        v = dstPg ? OffsetDateTime.ofInstant(at, ZoneOffset.UTC) : at.toString();
                    }
                    ins.setObject(i + 1, v);
                }
                ins.addBatch();
                if (++n % 1000 == 0) ins.executeBatch();
            }
            ins.executeBatch();
        }
        return n;
    }
}
