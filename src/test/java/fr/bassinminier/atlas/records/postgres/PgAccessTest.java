package fr.bassinminier.atlas.records.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.postgis.PgSettings;
import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.records.RecordsTestData;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Roles, passwords and dropped connections: what a user of a shared server meets. */
class PgAccessTest {
    @Test
    void aReadOnlyRoleGetsReadOnlyRecordsWithAClearMessage() throws Exception {
        PgSettings db = PgCluster.shared().newDatabase("cites");
        try (PostgresCiteStore s = PostgresCiteStore.open(db, PgCluster.PASSWORD::toCharArray)) {
            s.edit("Claire", null, tx -> tx.saveCite(RecordsTestData.chateau()));
        }
        try (Connection c = PgCluster.shared().admin(db.database()); Statement st = c.createStatement()) {
            st.execute("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lecteur') THEN "
                    + "CREATE ROLE lecteur LOGIN PASSWORD 'lecture'; END IF; END$$");
            st.execute("GRANT USAGE ON SCHEMA cites TO lecteur");
            st.execute("GRANT SELECT ON ALL TABLES IN SCHEMA cites TO lecteur");
        }
        PgSettings reader = PgCluster.shared().settings(db.database(), "cites", "lecteur");
        try (PostgresCiteStore s = PostgresCiteStore.open(reader, "lecture"::toCharArray)) {
            assertNotNull(s.readOnlyReason());
            assertTrue(s.readOnlyReason().contains("n'a que le droit de lecture"), s.readOnlyReason());
            assertEquals("Cité du Château", s.cite("c-1").orElseThrow().name(), "reading works");
            RecordsException e = assertThrows(RecordsException.class, () -> s.edit("Lecteur", null,
                    tx -> tx.saveCite(RecordsTestData.chateau().with(Cite.NOTE, "x"))));
            assertTrue(e.getMessage().contains("lecture"), e.getMessage());
        }
    }

    @Test
    void wrongPasswordUnknownDatabaseAndDeadServerGiveFrenchMessages() throws Exception {
        PgSettings db = PgCluster.shared().newDatabase("cites");
        RecordsException bad = assertThrows(RecordsException.class, () -> PostgresCiteStore.open(db, "faux"::toCharArray));
        assertTrue(bad.getMessage().contains("authentification refusée pour l'utilisateur « atlas »"), bad.getMessage());
        PgSettings none = PgCluster.shared().settings("absente", "cites", PgCluster.SUPERUSER);
        RecordsException missing = assertThrows(RecordsException.class,
                () -> PostgresCiteStore.open(none, PgCluster.PASSWORD::toCharArray));
        assertTrue(missing.getMessage().contains("la base « absente » n'existe pas"), missing.getMessage());
        int closedPort;
        try (java.net.ServerSocket ss = new java.net.ServerSocket(0)) {
            closedPort = ss.getLocalPort();
        }
        PgSettings dead = new PgSettings("127.0.0.1", closedPort, "x", "cites", "atlas", "disable");
        long t0 = System.nanoTime();
        RecordsException down = assertThrows(RecordsException.class, () -> PostgresCiteStore.open(dead, null));
        assertTrue(down.getMessage().contains("connexion au serveur impossible ou perdue"), down.getMessage());
        assertTrue(System.nanoTime() - t0 < 15_000_000_000L, "nothing hangs");
    }

    @Test
    void aDroppedConnectionIsReportedAndTheRetryWorks() throws Exception {
        PgSettings db = PgCluster.shared().newDatabase("cites");
        try (PostgresCiteStore s = PostgresCiteStore.open(db, PgCluster.PASSWORD::toCharArray)) {
            s.edit("Claire", null, tx -> tx.saveCite(RecordsTestData.chateau()));
            Cite edited = s.cite("c-1").orElseThrow().with(Cite.NOTE, "saisie pendant la coupure");
            try (Connection c = PgCluster.shared().admin(db.database()); Statement st = c.createStatement()) {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db.database()
                        + "' AND pid <> pg_backend_pid()");
            }
            RecordsException e = assertThrows(RecordsException.class,
                    () -> s.edit("Claire", null, tx -> tx.saveCite(edited)));
            assertEquals(RecordsException.Kind.STORAGE, e.kind());
            assertTrue(e.getMessage().contains("connexion au serveur impossible ou perdue")
                    && e.getMessage().contains("restent dans l'éditeur"), e.getMessage());
            // The editor still has `edited`: saving it again works on a new connection.
            s.edit("Claire", null, tx -> tx.saveCite(edited));
            assertEquals("saisie pendant la coupure", s.cite("c-1").orElseThrow().note());
        }
    }

    @Test
    void settingsKeepNoPasswordAndReadTheUriForm() {
        PgSettings p = PgSettings.parse("postgresql://claire@db.cabbalr.fr:5433/atlas?schema=suivi&sslmode=require");
        assertEquals("db.cabbalr.fr", p.host());
        assertEquals(5433, p.port());
        assertEquals("suivi", p.schema());
        assertEquals("require", p.sslMode());
        assertEquals(p, PgSettings.parse(p.uri()));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PgSettings.parse("postgresql://claire:secret@h/atlas")).getMessage().contains("pas de mot de passe"));
        assertThrows(IllegalArgumentException.class, () -> PgSettings.parse("postgresql://h/atlas?schema=Robert;DROP"));
    }
}
