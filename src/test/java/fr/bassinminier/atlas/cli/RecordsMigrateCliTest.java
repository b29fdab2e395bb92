package fr.bassinminier.atlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.postgis.PgSettings;
import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.CiteStore;
import fr.bassinminier.atlas.records.HistoryEntry;
import fr.bassinminier.atlas.records.RecordsTestData;
import fr.bassinminier.atlas.records.postgres.PgCluster;
import fr.bassinminier.atlas.records.postgres.PostgresCiteStore;
import fr.bassinminier.atlas.records.project.RecordsProject;
import fr.bassinminier.atlas.records.sqlite.SqliteCiteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `atlas records migrate` both ways against a throwaway server, the password read from a
 * pgpass file (the driver's {@code org.postgresql.pgpassfile}, as ~/.pgpass for users).
 */
class RecordsMigrateCliTest {
    @TempDir
    Path dir;

    @AfterEach
    void forgetPgpass() {
        System.clearProperty("org.postgresql.pgpassfile");
    }

    @Test
    void migrateCopiesHistoryIsIdempotentRefusesToLoseEditsAndComesBack() throws Exception {
        PgCluster cluster = PgCluster.shared();
        PgSettings pg = cluster.newDatabase("suivi");
        Path pgpass = Files.writeString(dir.resolve("pgpass"), "127.0.0.1:" + cluster.port() + ":*:"
                + PgCluster.SUPERUSER + ":" + PgCluster.PASSWORD + "\n");
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
        Path project = RecordsTestData.copyDemo(dir);
        try (CiteStore s = RecordsProject.open(project)) { // seeded from the demo
            Cite first = s.cites().get(0);
            s.edit("Claire", "avant migration", tx -> tx.saveCite(first.with(Cite.NOTE, "vu en mairie")));
        }
        String uri = pg.uri();
        CliTest.Result r = CliTest.run("records", "migrate", "--project", project.toString(), "--to", uri);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Copié de « bassin-minier.records.sqlite » vers base PostgreSQL"), r.out());

        try (SqliteCiteStore file = SqliteCiteStore.open(RecordsProject.recordsFile(project));
             PostgresCiteStore server = PostgresCiteStore.open(pg, null)) {
            assertEquals(file.snapshot(), server.snapshot(), "same records");
            assertEquals(file.recentHistory(100_000), server.recentHistory(100_000), "same history, same ids");
            String id = file.cites().get(0).id();
            assertEquals(file.history(HistoryEntry.CITE, id), server.history(HistoryEntry.CITE, id));
        }
        CliTest.Result again = CliTest.run("records", "migrate", "--project", project.toString(), "--to", uri);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().startsWith("Rien à copier"), again.out());

        // New edit in the file: the copy adds it only.
        try (SqliteCiteStore file = SqliteCiteStore.open(RecordsProject.recordsFile(project))) {
            Cite c = file.cites().get(1);
            file.edit("Marc", null, tx -> tx.saveCite(c.with(Cite.NOTE, "hors ligne")));
        }
        CliTest.Result more = CliTest.run("records", "migrate", "--project", project.toString(), "--to", uri, "--use");
        assertEquals(0, more.code(), more.err());
        assertTrue(more.out().contains("1 modifications ajoutées"), more.out());
        assertTrue(Files.isRegularFile(RecordsProject.serverFile(project)));
        assertFalse(Files.readString(RecordsProject.serverFile(project)).contains(PgCluster.PASSWORD));

        // The project now uses the server; an edit there makes the file behind, and copying the
        // file over the server would lose it: refused.
        try (CiteStore s = RecordsProject.open(project)) {
            assertTrue(s instanceof PostgresCiteStore);
            Cite c = s.cites().get(2);
            s.edit("Sophie", null, tx -> tx.saveCite(c.with(Cite.NOTE, "sur le serveur")));
        }
        CliTest.Result refused = CliTest.run("records", "migrate", "--project", project.toString(), "--to", uri);
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("La cible a des modifications que la source n'a pas"), refused.err());
        // Back to the file for offline work: it gets the server's edit.
        CliTest.Result back = CliTest.run("records", "migrate", "--project", project.toString(), "--from", uri, "--use");
        assertEquals(0, back.code(), back.err());
        assertFalse(Files.exists(RecordsProject.serverFile(project)));
        try (CiteStore s = RecordsProject.open(project)) {
            assertTrue(s instanceof SqliteCiteStore);
            assertEquals("sur le serveur", s.cites().get(2).note());
        }
        CliTest.Result pw = CliTest.run("records", "migrate", "--project", project.toString(), "--to",
                "postgresql://atlas:secret@127.0.0.1/x");
        assertEquals(2, pw.code());
        assertTrue(pw.err().contains("pas de mot de passe dans l'adresse"), pw.err());
    }
}
