package fr.bassinminier.atlas.records.sqlite;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.records.HistoryEntry;
import fr.bassinminier.atlas.records.Labelled;
import fr.bassinminier.atlas.records.Operation;
import fr.bassinminier.atlas.records.Tranche;
import fr.bassinminier.atlas.records.TrancheStatus;
import fr.bassinminier.atlas.records.UrbanWork;
import fr.bassinminier.atlas.records.UrbanWorkStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schema versions of the records file, kept in {@code PRAGMA user_version}. Each step turns
 * version n-1 into n inside one transaction, so a crash during an upgrade leaves the file at the
 * previous version, and the next start resumes. A new file goes through the same steps as an old
 * one: there is a single path to the current schema. Steps are never edited once released; a
 * change of schema is a new step.
 */
final class Migrations {
    /** "ATLR" in the SQLite header: tells our records files from other SQLite files. */
    static final int APPLICATION_ID = 0x41544C52;
    static final int CURRENT = 2;

    @FunctionalInterface
    interface Step {
        void apply(Connection c) throws SQLException;
    }

    /** STEPS.get(n - 1) turns version n - 1 into n. */
    static final List<Step> STEPS = List.of(Migrations::v1, Migrations::v2);

    private Migrations() {
    }

    /** Version 1: the cités with their statuses as free text, as in the demo GeoJSON; history. */
    private static void v1(Connection c) throws SQLException {
        exec(c, """
                CREATE TABLE meta (
                  key   VARCHAR(100) PRIMARY KEY,
                  value TEXT)""");
        exec(c, """
                CREATE TABLE cite (
                  id                VARCHAR(100) PRIMARY KEY,
                  id_mbm            VARCHAR(20),
                  nom               TEXT NOT NULL,
                  epci              TEXT,
                  logements         INTEGER CHECK (logements IS NULL OR logements >= 0),
                  unesco            VARCHAR(20) CHECK (unesco IN ('INSCRIT', 'EN_PARTIE', 'ZONE_TAMPON', 'NON')),
                  programme_detail  TEXT,
                  statut_renovation TEXT,
                  statut_urbain     TEXT,
                  statut_date       VARCHAR(10),
                  note              TEXT,
                  source            TEXT)""");
        exec(c, """
                CREATE TABLE cite_commune (
                  cite_id  VARCHAR(100) NOT NULL REFERENCES cite(id),
                  position INTEGER NOT NULL,
                  nom      TEXT NOT NULL,
                  insee    VARCHAR(5),
                  PRIMARY KEY (cite_id, position))""");
        exec(c, """
                CREATE TABLE cite_owner (
                  cite_id   VARCHAR(100) NOT NULL REFERENCES cite(id),
                  position  INTEGER NOT NULL,
                  nom       TEXT NOT NULL,
                  logements INTEGER CHECK (logements IS NULL OR logements >= 0),
                  PRIMARY KEY (cite_id, position))""");
        exec(c, """
                CREATE TABLE cite_programme (
                  cite_id   VARCHAR(100) NOT NULL REFERENCES cite(id),
                  programme VARCHAR(20) NOT NULL,
                  PRIMARY KEY (cite_id, programme))""");
        exec(c, """
                CREATE TABLE cite_link (
                  cite_id     VARCHAR(100) NOT NULL REFERENCES cite(id),
                  position    INTEGER NOT NULL,
                  layer_id    VARCHAR(100) NOT NULL,
                  feature_key TEXT NOT NULL,
                  PRIMARY KEY (cite_id, position))""");
        exec(c, """
                CREATE TABLE change_set (
                  id        INTEGER PRIMARY KEY,
                  at        VARCHAR(30) NOT NULL,
                  user_name TEXT NOT NULL,
                  comment   TEXT)""");
        exec(c, """
                CREATE TABLE history (
                  id            INTEGER PRIMARY KEY,
                  change_set_id INTEGER NOT NULL REFERENCES change_set(id),
                  entity        VARCHAR(20) NOT NULL,
                  entity_id     VARCHAR(100) NOT NULL,
                  field         VARCHAR(50) NOT NULL,
                  old_value     TEXT,
                  new_value     TEXT)""");
        exec(c, "CREATE INDEX history_record ON history (entity, entity_id)");
    }

    /**
     * Version 2: renovation tracking. The free-text statuses of version 1 become an operation
     * with one tranche (the source gave the state of the whole cité) and urban works; what
     * cannot be read as a status moves to the cité's note. Every move is in the history.
     */
    private static void v2(Connection c) throws SQLException {
        exec(c, """
                CREATE TABLE operation (
                  id        INTEGER PRIMARY KEY,
                  cite_id   VARCHAR(100) NOT NULL REFERENCES cite(id),
                  nom       TEXT NOT NULL,
                  programme VARCHAR(20),
                  bailleur  TEXT,
                  UNIQUE (cite_id, nom))""");
        exec(c, """
                CREATE TABLE tranche (
                  id              INTEGER PRIMARY KEY,
                  operation_id    INTEGER NOT NULL REFERENCES operation(id),
                  numero          INTEGER NOT NULL CHECK (numero > 0),
                  logements       INTEGER CHECK (logements IS NULL OR logements >= 0),
                  statut          VARCHAR(20) NOT NULL
                                  CHECK (statut IN ('A_L_ETUDE', 'PROGRAMMEE', 'TRAVAUX_EN_COURS', 'LIVREE')),
                  debut           VARCHAR(10),
                  fin             VARCHAR(10),
                  etiquette_avant CHAR(1) CHECK (etiquette_avant IN ('A', 'B', 'C', 'D', 'E', 'F', 'G')),
                  etiquette_apres CHAR(1) CHECK (etiquette_apres IN ('A', 'B', 'C', 'D', 'E', 'F', 'G')),
                  cout_centimes   BIGINT CHECK (cout_centimes IS NULL OR cout_centimes >= 0),
                  source          TEXT,
                  UNIQUE (operation_id, numero))""");
        exec(c, """
                CREATE TABLE travaux_urbains (
                  id            INTEGER PRIMARY KEY,
                  cite_id       VARCHAR(100) NOT NULL REFERENCES cite(id),
                  intitule      TEXT NOT NULL,
                  statut        VARCHAR(20) NOT NULL
                                CHECK (statut IN ('A_L_ETUDE', 'PROGRAMMEE', 'TRAVAUX_EN_COURS', 'ACHEVEE')),
                  debut         VARCHAR(10),
                  fin           VARCHAR(10),
                  cout_centimes BIGINT CHECK (cout_centimes IS NULL OR cout_centimes >= 0),
                  source        TEXT)""");
        exec(c, "CREATE INDEX operation_cite ON operation (cite_id)");
        exec(c, "CREATE INDEX tranche_operation ON tranche (operation_id)");
        exec(c, "CREATE INDEX travaux_cite ON travaux_urbains (cite_id)");

        record Old(String id, Integer dwellings, String renovation, String urban, String date, String note) {
        }
        List<Old> olds = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, logements, statut_renovation, statut_urbain, statut_date, note FROM cite "
                        + "WHERE statut_renovation IS NOT NULL OR statut_urbain IS NOT NULL OR statut_date IS NOT NULL "
                        + "ORDER BY id")) {
            while (rs.next()) {
                int n = rs.getInt(2);
                olds.add(new Old(rs.getString(1), rs.wasNull() ? null : n, blankToNull(rs.getString(3)),
                        blankToNull(rs.getString(4)), blankToNull(rs.getString(5)), rs.getString(6)));
            }
        }
        if (!olds.isEmpty()) {
            long cs = insert(c, "INSERT INTO change_set (at, user_name, comment) VALUES (?, ?, ?)",
                    Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), "migration",
                    "Passage au schéma 2 : les statuts des cités deviennent opérations, tranches et travaux urbains");
            for (Old o : olds) {
                List<String> leftovers = new ArrayList<>();
                boolean dateUsed = false;
                Optional<TrancheStatus> ts = o.renovation == null ? Optional.empty() : TrancheStatus.parse(o.renovation);
                if (ts.isPresent()) {
                    Operation op = new Operation(0, o.id, "Réhabilitation", null, null);
                    long opId = insert(c, "INSERT INTO operation (cite_id, nom) VALUES (?, ?)", o.id, op.name());
                    history(c, cs, HistoryEntry.OPERATION, opId, op.withId(opId).cells());
                    String end = ts.get() == TrancheStatus.LIVREE ? datePart(o.date) : null;
                    dateUsed |= end != null;
                    Tranche t = new Tranche(0, opId, 1, o.dwellings, ts.get(), null, end, null, null, null,
                            "Statut de la cité avant le schéma 2 : la tranche couvre toute la cité.");
                    long tId = insert(c, "INSERT INTO tranche (operation_id, numero, logements, statut, fin, source) "
                            + "VALUES (?, ?, ?, ?, ?, ?)", opId, 1, t.dwellings(), t.status().name(), t.end(), t.source());
                    history(c, cs, HistoryEntry.TRANCHE, tId, t.cells());
                } else if (o.renovation != null && !unknownWord(o.renovation)) {
                    leftovers.add(Localization.text("records.renovation", o.renovation));
                }
                Optional<UrbanWorkStatus> us = o.urban == null ? Optional.empty() : UrbanWorkStatus.parse(o.urban);
                if (us.isPresent()) {
                    String date = datePart(o.date);
                    dateUsed |= date != null;
                    UrbanWork w = new UrbanWork(0, o.id, "Rénovation urbaine des espaces publics", us.get(), null,
                            us.get() == UrbanWorkStatus.ACHEVEE ? date : null, null,
                            date == null || us.get() == UrbanWorkStatus.ACHEVEE ? null : "État au " + date + ".");
                    long wId = insert(c, "INSERT INTO travaux_urbains (cite_id, intitule, statut, fin, source) "
                            + "VALUES (?, ?, ?, ?, ?)", o.id, w.title(), w.status().name(), w.end(), w.source());
                    history(c, cs, HistoryEntry.URBAN_WORK, wId, w.cells());
                } else if (o.urban != null && !unknownWord(o.urban)) {
                    leftovers.add(Localization.text("records.urbanRenewal", o.urban));
                }
                if (o.date != null && !dateUsed) leftovers.add(Localization.text("records.statusDate", o.date));
                fieldGone(c, cs, o.id, "statut_renovation", o.renovation);
                fieldGone(c, cs, o.id, "statut_urbain", o.urban);
                fieldGone(c, cs, o.id, "statut_date", o.date);
                if (!leftovers.isEmpty()) {
                    String add = "Ancien statut (" + String.join(" ; ", leftovers) + ")";
                    String note = o.note == null || o.note.isBlank() ? add : o.note + " — " + add;
                    update(c, "UPDATE cite SET note = ? WHERE id = ?", note, o.id);
                    insert(c, "INSERT INTO history (change_set_id, entity, entity_id, field, old_value, new_value) "
                            + "VALUES (?, ?, ?, ?, ?, ?)", cs, HistoryEntry.CITE, o.id, "note", blankToNull(o.note), note);
                }
            }
        }
        exec(c, "ALTER TABLE cite DROP COLUMN statut_renovation");
        exec(c, "ALTER TABLE cite DROP COLUMN statut_urbain");
        exec(c, "ALTER TABLE cite DROP COLUMN statut_date");
    }

    /** "non renseigné", "inconnu", "-": the sources' ways of saying they do not know. */
    private static boolean unknownWord(String s) {
        String k = Labelled.key(s);
        return k.equals("non renseigne") || k.equals("inconnu") || k.equals("-") || k.equals("?") || k.equals("nc");
    }

    private static String datePart(String d) {
        if (d == null) return null;
        try {
            return fr.bassinminier.atlas.records.Values.date(d);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void fieldGone(Connection c, long cs, String citeId, String field, String old) throws SQLException {
        if (old == null) return;
        insert(c, "INSERT INTO history (change_set_id, entity, entity_id, field, old_value, new_value) "
                + "VALUES (?, ?, ?, ?, ?, NULL)", cs, HistoryEntry.CITE, citeId, field, old);
    }

    private static void history(Connection c, long cs, String entity, long id, Map<String, String> cells)
            throws SQLException {
        for (Map.Entry<String, String> e : cells.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            insert(c, "INSERT INTO history (change_set_id, entity, entity_id, field, old_value, new_value) "
                    + "VALUES (?, ?, ?, ?, NULL, ?)", cs, entity, Long.toString(id), e.getKey(), e.getValue());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        }
    }

    static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                return k.next() ? k.getLong(1) : 0;
            }
        }
    }
}
