package fr.bassinminier.atlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.Main;
import fr.bassinminier.atlas.records.RecordsTestData;
import fr.bassinminier.atlas.records.project.RecordsProject;
import fr.bassinminier.atlas.records.sqlite.SqliteCiteStore;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit's "database is locked": `records stats` (read only) failed after ~11 s while an
 * import wrote. Here a large import runs in another JVM; once it holds the write lock, stats
 * must answer without waiting for it. Prints how long stats took.
 */
class RecordsReadWhileWritingTest {
    private static final int ROWS = 60_000;

    @TempDir
    Path dir;

    @Test
    void statsAnswersWhileALongImportIsWriting() throws Exception {
        Path project = dir.resolve("p.atlas.json");
        Files.writeString(project, "{}");
        Path records = RecordsProject.recordsFile(project);
        try (SqliteCiteStore s = SqliteCiteStore.open(records)) {
            s.edit("Claire", null, tx -> tx.saveCite(RecordsTestData.chateau()));
        }
        Path csv = dir.resolve("gros.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("id;nom;communes;epci;logements;note\r\n");
            for (int i = 0; i < ROWS; i++) {
                w.write("g-" + i + ";Cité n°" + i + ";Lens (62498) / Liévin;CALL;" + (10 + i % 90) + ";importée\r\n");
            }
        }
        // Same program warmed up (classes, SQLite's native library): what is timed below is the store.
        long w0 = System.nanoTime();
        assertEquals(0, CliTest.run("records", "stats", "--json", "--project", project.toString()).code());
        double idleMs = (System.nanoTime() - w0) / 1e6;
        w0 = System.nanoTime();
        assertEquals(0, CliTest.run("records", "stats", "--json", "--project", project.toString()).code());
        idleMs = (System.nanoTime() - w0) / 1e6;
        Path note = records.resolveSibling(records.getFileName() + ".writer");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process importer = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "records", "import", csv.toString(), "--project", project.toString(),
                "--user", "Import").redirectOutput(dir.resolve("import.out").toFile())
                .redirectError(dir.resolve("import.err").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!Files.exists(note) && importer.isAlive() && System.nanoTime() < deadline) Thread.sleep(5);
            assertTrue(Files.exists(note), "the import never took the write lock: "
                    + Files.readString(dir.resolve("import.err")));

            long t0 = System.nanoTime();
            CliTest.Result r = CliTest.run("records", "stats", "--json", "--project", project.toString());
            double ms = (System.nanoTime() - t0) / 1e6;
            boolean stillWriting = Files.exists(note) && importer.isAlive();
            System.out.printf("records stats: %.0f ms idle, %.0f ms during a %,d-row import (import still writing "
                    + "afterwards: %s)%n", idleMs, ms, ROWS, stillWriting);
            assertEquals(0, r.code(), r.err());
            assertFalse(r.err().contains("occupée") || r.err().contains("locked"), r.err());
            assertTrue(r.out().contains("\"cites\" : 1"), "reads the last committed state: " + r.out());
            assertTrue(stillWriting, "the import ended before stats did: the test proved nothing (make ROWS larger)");
        } finally {
            assertTrue(importer.waitFor(300, TimeUnit.SECONDS), "import hung");
        }
        assertEquals(0, importer.exitValue(), Files.readString(dir.resolve("import.err")));
        CliTest.Result after = CliTest.run("records", "stats", "--json", "--project", project.toString());
        assertTrue(after.out().contains("\"cites\" : " + (ROWS + 1)), after.out());
    }
}
