package fr.bassinminier.atlas.records.jdbc;

import fr.bassinminier.atlas.l10n.Localization;
import static fr.bassinminier.atlas.records.jdbc.StoredValues.enumValue;

import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.Commune;
import fr.bassinminier.atlas.records.FeatureLink;
import fr.bassinminier.atlas.records.HistoryEntry;
import fr.bassinminier.atlas.records.Operation;
import fr.bassinminier.atlas.records.Owner;
import fr.bassinminier.atlas.records.Programme;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.records.RecordsException.Kind;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The records' tables read into their model, the same SQL for SQLite and PostgreSQL (the schemas
 * differ only by PostgreSQL's version columns and timestamp type).
 */
public final class RecordRows {
    private RecordRows() {
    }

    /** How a store reads a change set's time: SQLite keeps ISO text, PostgreSQL a timestamptz. */
    @FunctionalInterface
    public interface InstantColumn {
        Instant read(ResultSet rs, int column, long changeSet) throws SQLException;
    }

    /**
     * The cités (all, or the one with {@code onlyId}) in natural id order. {@code versionColumn}:
     * the column holding each row's version, or null when the store keeps none ({@link Versioned#UNKNOWN}).
     * {@code lock}: read FOR UPDATE (PostgreSQL writers).
     */
    public static List<Versioned<Cite>> readCites(Connection c, String onlyId, String versionColumn, boolean lock)
            throws SQLException {
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
                            .add(enumValue(Programme.class, rs.getString(2), "cite_programme", "programme", rs.getString(1)));
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
                + "programme_detail, note, source" + (versionColumn == null ? "" : ", " + versionColumn) + " FROM cite"
                + (onlyId == null ? "" : " WHERE id = ?") + (lock ? " FOR UPDATE" : ""))) {
            bindOpt(ps, onlyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    String u = rs.getString(6);
                    Cite cite = new Cite(id, rs.getString(2), rs.getString(3), communes.get(id), rs.getString(4),
                            owners.get(id), intOrNull(rs, 5),
                            u == null ? null : enumValue(UnescoStatus.class, u, "cite", "unesco", id),
                            programmes.get(id), rs.getString(7), links.get(id), rs.getString(8), rs.getString(9));
                    out.add(new Versioned<>(cite, versionColumn == null ? Versioned.UNKNOWN : rs.getLong(10)));
                }
            }
        }
        out.sort((a, b) -> naturalCompare(a.value().id(), b.value().id()));
        return out;
    }

    /** The cités without their versions. */
    public static List<Cite> cites(Connection c, String onlyId) throws SQLException {
        return readCites(c, onlyId, null, false).stream().map(Versioned::value).toList();
    }

    /** "t1-2" before "t1-10": ids compared with their numbers as numbers. */
    public static int naturalCompare(String a, String b) {
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

    public static List<Operation> readOperations(Connection c, String where, Object... args) throws SQLException {
        List<Operation> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, cite_id, nom, programme, bailleur FROM operation "
                + (where == null ? "" : where) + " ORDER BY cite_id, id")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String p = rs.getString(4);
                    out.add(new Operation(rs.getLong(1), rs.getString(2), rs.getString(3),
                            p == null ? null : enumValue(Programme.class, p, "operation", "programme", rs.getLong(1)),
                            rs.getString(5)));
                }
            }
        }
        return out;
    }

    public static List<Tranche> readTranches(Connection c, String where, Object... args) throws SQLException {
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
                            enumValue(TrancheStatus.class, rs.getString(5), "tranche", "statut", rs.getLong(1)),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), costOrNull,
                            rs.getString(11)));
                }
            }
        }
        return out;
    }

    public static List<UrbanWork> readUrbanWorks(Connection c, String where, Object... args) throws SQLException {
        List<UrbanWork> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, cite_id, intitule, statut, debut, fin, "
                + "cout_centimes, source FROM travaux_urbains " + (where == null ? "" : where) + " ORDER BY cite_id, id")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long cost = rs.getLong(7);
                    Long costOrNull = rs.wasNull() ? null : cost;
                    out.add(new UrbanWork(rs.getLong(1), rs.getString(2), rs.getString(3),
                            enumValue(UrbanWorkStatus.class, rs.getString(4), "travaux_urbains", "statut", rs.getLong(1)),
                            rs.getString(5), rs.getString(6), costOrNull, rs.getString(8)));
                }
            }
        }
        return out;
    }

    /** History rows joined with their change set; {@code tail}: WHERE/ORDER/LIMIT on h (history) and c (change_set). */
    public static List<HistoryEntry> readHistory(Connection c, InstantColumn at, String tail, Object... args)
            throws SQLException {
        String sql = "SELECT h.change_set_id, c.at, c.user_name, c.comment, h.entity, h.entity_id, h.field, "
                + "h.old_value, h.new_value FROM history h JOIN change_set c ON c.id = h.change_set_id " + tail;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<HistoryEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HistoryEntry(rs.getLong(1), at.read(rs, 2, rs.getLong(1)), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9)));
                }
            }
            return out;
        }
    }

    /** The single number a query answers (count, max), 0 when it answers nothing. */
    public static long number(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
        }
    }

    public static Map<String, String> readMeta(Connection c) throws SQLException {
        Map<String, String> meta = new java.util.LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, value FROM meta"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) meta.put(rs.getString(1), rs.getString(2));
        }
        return meta;
    }

    public static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.execute();
        }
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
    }

    private static void bindOpt(PreparedStatement ps, String id) throws SQLException {
        if (id != null) ps.setString(1, id);
    }

    static Integer intOrNull(ResultSet rs, int col) throws SQLException {
        int n = rs.getInt(col);
        return rs.wasNull() ? null : n;
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static RecordsException unknown(String what, long id) {
        return new RecordsException(Kind.INVALID, Localization.text("records.unknownIdentifier", what, id));
    }

    /** The last values of a deleted record, in one line: "tranche=1 ; logements=89 ; …". */
    static String summary(Map<String, String> cells) {
        List<String> parts = new ArrayList<>();
        cells.forEach((k, v) -> {
            if (!v.isEmpty()) parts.add(k + "=" + v);
        });
        return String.join(" ; ", parts);
    }
}
