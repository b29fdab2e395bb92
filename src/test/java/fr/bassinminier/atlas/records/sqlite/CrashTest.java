package fr.bassinminier.atlas.records.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process at random moments (during JVM start, while the file is created and
 * migrated, between and inside transactions) and checks after each round that the file is
 * sound and holds every edit the writer acknowledged. Bounded: 40 runs of at most ~1.3 s.
 */
class CrashTest {
    private static final int RUNS = 40;
    private static final int MAX_DELAY_MS = 1200;

    @TempDir
    Path dir;

    @Test
    void killingTheWriterNeverLosesAnAcknowledgedEditNorCorruptsTheFile() throws Exception {
        Path db = dir.resolve("crash.records.sqlite");
        Path libDir = Files.createDirectories(dir.resolve("native"));
        long seed = Long.getLong("atlas.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> acknowledged = new ArrayList<>();
        int kills = 0;
        int killedBeforeFirstEdit = 0;
        long started = System.nanoTime();
        for (int run = 0; run < RUNS; run++) {
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                    // The native library is unpacked here, not in /tmp: a killed JVM cannot clean it up.
                    "-Dorg.sqlite.tmpdir=" + libDir, "-cp", System.getProperty("java.class.path"),
                    CrashWriter.class.getName(), db.toString(), Integer.toString(run));
            pb.redirectError(dir.resolve("child-" + run + ".err").toFile());
            Process p = pb.start();
            List<String> acks = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.startsWith("ACK ")) {
                            synchronized (acks) {
                                acks.add(line.substring(4));
                            }
                        }
                    }
                } catch (java.io.IOException e) {
                    // The pipe closes when the child is killed.
                }
            });
            reader.start();
            Thread.sleep(random.nextInt(MAX_DELAY_MS));
            if (p.isAlive()) {
                kills++;
                p.destroyForcibly();
            } else {
                fail("the writer stopped by itself (exit " + p.exitValue() + "): "
                        + Files.readString(dir.resolve("child-" + run + ".err")));
            }
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "killed writer did not end");
            reader.join(20_000);
            synchronized (acks) {
                acknowledged.addAll(acks);
                if (acks.isEmpty()) killedBeforeFirstEdit++;
            }
        }
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        String integrity;
        Set<String> found = new HashSet<>();
        Set<String> inHistory = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                integrity = rs.getString(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT intitule FROM travaux_urbains")) {
                while (rs.next()) found.add(rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT comment FROM change_set")) {
                while (rs.next()) inHistory.add(rs.getString(1));
            }
        }
        List<String> lost = acknowledged.stream().filter(a -> !found.contains(a) || !inHistory.contains(a)).toList();
        System.out.printf("Crash test (seed %d): %d runs, %d kills (%d before the first edit), %d edits acknowledged, "
                        + "%d edits found (%d committed but killed before acknowledging), %d lost, integrity_check = %s, "
                        + "%.1f s%n", seed, RUNS, kills, killedBeforeFirstEdit, acknowledged.size(), found.size(),
                found.size() - acknowledged.size(), lost.size(), integrity, elapsedMs / 1000.0);
        assertEquals("ok", integrity);
        assertEquals(List.of(), lost, "acknowledged edits missing after a kill");
        assertEquals(RUNS, kills);
        assertTrue(acknowledged.size() > 0, "the writer never got to write: raise MAX_DELAY_MS");
        // The store itself opens the file and agrees.
        try (SqliteCiteStore s = SqliteCiteStore.open(db)) {
            assertEquals(found.size(), s.snapshot().urbanWorks().size());
            assertEquals("ok", s.integrityCheck());
        }
    }
}
