package fr.bassinminier.atlas.records.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.HistoryEntry;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.records.RecordsSnapshot;
import fr.bassinminier.atlas.records.Tranche;
import fr.bassinminier.atlas.records.TrancheStatus;
import fr.bassinminier.atlas.records.UrbanWork;
import fr.bassinminier.atlas.records.UrbanWorkStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationTest {
    @TempDir
    Path dir;

    /** A version-1 file as the first released program wrote it, built here by hand. */
    private static void writeV1(Path f) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE meta (key VARCHAR(100) PRIMARY KEY, value TEXT)");
            s.execute("CREATE TABLE cite (id VARCHAR(100) PRIMARY KEY, id_mbm VARCHAR(20), nom TEXT NOT NULL, epci TEXT, "
                    + "logements INTEGER, unesco VARCHAR(20), programme_detail TEXT, statut_renovation TEXT, "
                    + "statut_urbain TEXT, statut_date VARCHAR(10), note TEXT, source TEXT)");
            s.execute("CREATE TABLE cite_commune (cite_id VARCHAR(100) NOT NULL, position INTEGER NOT NULL, nom TEXT NOT NULL, "
                    + "insee VARCHAR(5), PRIMARY KEY (cite_id, position))");
            s.execute("CREATE TABLE cite_owner (cite_id VARCHAR(100) NOT NULL, position INTEGER NOT NULL, nom TEXT NOT NULL, "
                    + "logements INTEGER, PRIMARY KEY (cite_id, position))");
            s.execute("CREATE TABLE cite_programme (cite_id VARCHAR(100) NOT NULL, programme VARCHAR(20) NOT NULL, "
                    + "PRIMARY KEY (cite_id, programme))");
            s.execute("CREATE TABLE cite_link (cite_id VARCHAR(100) NOT NULL, position INTEGER NOT NULL, "
                    + "layer_id VARCHAR(100) NOT NULL, feature_key TEXT NOT NULL, PRIMARY KEY (cite_id, position))");
            s.execute("CREATE TABLE change_set (id INTEGER PRIMARY KEY, at VARCHAR(30) NOT NULL, user_name TEXT NOT NULL, comment TEXT)");
            s.execute("CREATE TABLE history (id INTEGER PRIMARY KEY, change_set_id INTEGER NOT NULL, entity VARCHAR(20) NOT NULL, "
                    + "entity_id VARCHAR(100) NOT NULL, field VARCHAR(50) NOT NULL, old_value TEXT, new_value TEXT)");
            s.execute("CREATE INDEX history_record ON history (entity, entity_id)");
            s.execute("INSERT INTO cite VALUES ('mbm-9', '9', 'Cité des Alouettes', 'CALL', 804, 'NON', NULL, 'livrée', NULL, "
                    + "'2022-12', NULL, 'Rapport 2016')");
            s.execute("INSERT INTO cite VALUES ('mbm-110', '110', 'Cité des Genettes', 'CALL', 618, 'NON', NULL, 'livrée', "
                    + "'en cours', '2022-12', 'Note existante', NULL)");
            s.execute("INSERT INTO cite VALUES ('mbm-11', '11', 'Cité n°9 de Lens', 'CALL', 481, 'INSCRIT', NULL, "
                    + "'non renseigné', 'presque fini', NULL, NULL, NULL)");
            s.execute("INSERT INTO cite VALUES ('mbm-1', '1', 'Cité de la Victoire', 'Artois Comm', 822, 'EN_PARTIE', NULL, "
                    + "NULL, NULL, NULL, NULL, NULL)");
            s.execute("INSERT INTO cite_commune VALUES ('mbm-1', 0, 'Houdain', NULL), ('mbm-1', 1, 'Haillicourt', NULL)");
            s.execute("INSERT INTO change_set VALUES (1, '2024-05-02T08:00:00Z', 'Claire', 'saisie')");
            s.execute("INSERT INTO history VALUES (1, 1, 'cite', 'mbm-1', 'logements', '800', '822')");
            s.execute("PRAGMA application_id = " + Migrations.APPLICATION_ID);
            s.execute("PRAGMA user_version = 1");
        }
    }

    @Test
    void aVersion1FileIsUpgradedWithItsStatusesMovedAndTraced() throws Exception {
        Path f = dir.resolve("old.records.sqlite");
        writeV1(f);
        try (SqliteCiteStore s = SqliteCiteStore.open(f)) {
            assertEquals(2, s.schemaVersion());
            RecordsSnapshot snap = s.snapshot();
            assertEquals(4, snap.cites().size());
            assertEquals("Houdain / Haillicourt", snap.cite("mbm-1").orElseThrow().communesText());

            // "livrée" became an operation with one tranche of all the cité's dwellings, delivered 2022-12.
            assertEquals(2, snap.tranches().size());
            Tranche alouettes = snap.tranches().stream()
                    .filter(t -> snap.operationsById().get(t.operationId()).citeId().equals("mbm-9")).findFirst().orElseThrow();
            assertEquals(TrancheStatus.LIVREE, alouettes.status());
            assertEquals(804, alouettes.dwellings());
            assertEquals("2022-12", alouettes.end());
            UrbanWork genettes = snap.urbanWorks().get(0);
            assertEquals("mbm-110", genettes.citeId());
            assertEquals(UrbanWorkStatus.TRAVAUX_EN_COURS, genettes.status());

            // What is not a known status is kept in the note, not lost.
            assertEquals("Ancien statut (rénovation urbaine : presque fini)", snap.cite("mbm-11").orElseThrow().note());
            assertEquals("Note existante", snap.cite("mbm-110").orElseThrow().note());

            // The old history stays, and the move is in it.
            var h = s.history(HistoryEntry.CITE, "mbm-1");
            assertEquals("Claire", h.get(0).user());
            var moved = s.history(HistoryEntry.CITE, "mbm-9");
            assertTrue(moved.stream().anyMatch(e -> e.field().equals("statut_renovation") && e.oldValue().equals("livrée")
                    && e.newValue() == null && e.user().equals("migration")), moved.toString());
            assertEquals("ok", s.integrityCheck());
            // Usable at once.
            s.edit("Marc", null, tx -> tx.saveCite(tx.cite("mbm-1").orElseThrow().with(Cite.DWELLINGS, "830")));
        }
        assertTrue(Files.exists(dir.resolve("old.records.sqlite.v1.bak")), "a copy of the version-1 file is kept");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("old.records.sqlite.v1.bak"));
             Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
            assertEquals(1, rs.getInt(1));
        }
        // Opening again changes nothing more.
        try (SqliteCiteStore s = SqliteCiteStore.open(f)) {
            assertEquals(2, s.snapshot().tranches().size());
        }
    }

    @Test
    void aFileOfANewerProgramIsRefusedInFrenchAndLeftUntouched() throws Exception {
        Path f = dir.resolve("new.records.sqlite");
        try (SqliteCiteStore s = SqliteCiteStore.open(f)) {
            s.edit("Claire", null, tx -> tx.saveCite(fr.bassinminier.atlas.records.RecordsTestData.chateau()));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 7");
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        byte[] before = Files.readAllBytes(f);
        RecordsException e = assertThrows(RecordsException.class, () -> SqliteCiteStore.open(f));
        assertEquals(RecordsException.Kind.NEWER_SCHEMA, e.kind());
        assertEquals("Fichier « new.records.sqlite » : fiches des cités enregistrées par une version plus récente "
                + "de l'Atlas (schéma n°7, cette version connaît jusqu'au n°2). Mettez l'Atlas à jour pour les ouvrir ; "
                + "le fichier n'a pas été modifié.", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
    }

    @Test
    void otherFilesAreNotTakenForRecords() throws Exception {
        Path gpkg = dir.resolve("autre.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x)");
        }
        RecordsException e = assertThrows(RecordsException.class, () -> SqliteCiteStore.open(gpkg));
        assertEquals(RecordsException.Kind.NOT_RECORDS, e.kind());
        assertTrue(e.getMessage().contains("ce n'est pas un fichier de fiches des cités"), e.getMessage());

        Path text = dir.resolve("texte.records.sqlite");
        Files.writeString(text, "bonjour");
        assertEquals(RecordsException.Kind.NOT_RECORDS,
                assertThrows(RecordsException.class, () -> SqliteCiteStore.open(text)).kind());
        assertEquals("bonjour", Files.readString(text));
    }
}
