package fr.bassinminier.atlas.records.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.postgis.PgSettings;
import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.HistoryEntry;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.records.Tranche;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Writers killed with SIGKILL in the middle of a transaction, and the server itself stopped
 * without a clean shutdown while writers save: afterwards every acknowledged edit is stored,
 * nothing half-written is visible, each client was told in French what happened, and saving
 * again works.
 */
class PgCrashTest {
    private static final int KILLS = 6;

    @Test
    void aWriterKilledMidTransactionLeavesTheStoreConsistent() throws Exception {
        PgSettings db = PgCluster.shared().newDatabase("cites");
        try (PostgresCiteStore s = PostgresCiteStore.open(db, PgCluster.PASSWORD::toCharArray)) {
            PgCrashWriter.seed(s);
        }
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Random random = new Random(Long.getLong("atlas.crash.seed", System.nanoTime()));
        List<String[]> acks = new ArrayList<>();
        int midTransaction = 0;
        Set<String> inFlight = new HashSet<>();
        for (int run = 0; run < KILLS; run++) {
            Process p = new ProcessBuilder(javaBin, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), PgCrashWriter.class.getName(),
                    Integer.toString(PgCluster.shared().port()), db.database(), Integer.toString(run))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch firstAck = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.add(line);
                        if (line.startsWith("ACK")) firstAck.countDown();
                    }
                } catch (java.io.IOException ignored) {
                    // Killed.
                }
            });
            reader.start();
            assertTrue(firstAck.await(60, TimeUnit.SECONDS), "writer " + run + " started saving");
            Thread.sleep(100 + random.nextInt(400));
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback sent by the client
            p.waitFor(10, TimeUnit.SECONDS);
            reader.join(5000);
            List<String> copy = new ArrayList<>(lines);
            if (!copy.isEmpty() && copy.get(copy.size() - 1).startsWith("BEGIN")) {
                midTransaction++;
                // Killed after BEGIN: this edit may have committed without its ACK printed.
                inFlight.add("r" + run + "-" + copy.get(copy.size() - 1).substring(6));
            }
            for (String l : copy) if (l.startsWith("ACK ")) acks.add(l.substring(4).split(" "));
        }
        assertTrue(midTransaction > 0, "at least one kill landed inside a transaction");
        try (PostgresCiteStore s = PostgresCiteStore.open(db, PgCluster.PASSWORD::toCharArray)) {
            Map<Long, String[]> byCs = new HashMap<>();
            for (String[] a : acks) byCs.put(Long.parseLong(a[0]), a);
            long unacknowledged = s.editCount() - 1 - acks.size();
            assertTrue(unacknowledged >= 0 && unacknowledged <= midTransaction,
                    "beyond the acknowledged edits, at most the one each killed writer was committing: " + unacknowledged);
            int committedUnacked = 0;
            for (int i = 0; i < 3; i++) {
                String id = "c-" + i;
                List<HistoryEntry> notes = s.history(HistoryEntry.CITE, id).stream()
                        .filter(h -> h.field().equals(Cite.NOTE)).toList();
                String prev = null;
                for (HistoryEntry h : notes) {
                    assertEquals(prev, h.oldValue());
                    String[] a = byCs.remove(h.changeSet());
                    if (a == null) {
                        assertTrue(inFlight.contains(h.newValue()), "unacknowledged edit " + h.newValue()
                                + " must be one a killed writer was committing");
                        committedUnacked++;
                    } else {
                        assertEquals(a[2], h.newValue());
                    }
                    prev = h.newValue();
                }
                assertEquals(prev, s.cite(id).orElseThrow().note());
                String last = prev;
                if (last != null) {
                    assertTrue(s.snapshot().tranches().stream().anyMatch(tr -> last.equals(tr.source())),
                            "cité and tranche of one edit are stored together");
                }
            }
            assertTrue(byCs.isEmpty(), "acknowledged but missing: " + byCs.keySet());
            long t0 = System.nanoTime();
            s.edit("après", null, tx -> tx.saveCite(tx.cite("c-0").orElseThrow().with(Cite.NOTE, "après")));
            assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "no lock left behind by the killed writers");
            assertEquals(unacknowledged, committedUnacked);
            System.out.printf("PostgreSQL : %d rédacteurs tués (kill -9), %d en pleine transaction ; %d modifications "
                    + "acquittées, toutes présentes ; %d validées mais tuées avant l'accusé%n", KILLS, midTransaction,
                    acks.size(), committedUnacked);
        }
    }

    @Test
    void theServerStoppedMidSaveLosesNothingAcknowledgedAndClientsSaySo() throws Exception {
        try (PgCluster cluster = PgCluster.start()) {
            PgSettings db;
            try (Connection c = cluster.admin("postgres"); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE arret");
            }
            db = cluster.settings("arret", "cites", PgCluster.SUPERUSER);
            try (PostgresCiteStore s = PostgresCiteStore.open(db, PgCluster.PASSWORD::toCharArray)) {
                PgCrashWriter.seed(s);
            }
            int writers = 4;
            ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> messages = new ConcurrentLinkedQueue<>();
            List<PostgresCiteStore> stores = new ArrayList<>();
            String[] pending = new String[writers];
            CountDownLatch failed = new CountDownLatch(writers);
            for (int w = 0; w < writers; w++) stores.add(PostgresCiteStore.open(db, PgCluster.PASSWORD::toCharArray));
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int me = w;
                Thread t = new Thread(() -> {
                    PostgresCiteStore s = stores.get(me);
                    for (int n = 0; ; n++) {
                        String id = "c-" + (n % 3), value = "w" + me + "-" + n;
                        pending[me] = id + " " + value;
                        try {
                            s.edit("rédacteur " + me, null, tx -> tx.saveCite(tx.cite(id).orElseThrow().with(Cite.NOTE, value)));
                            acked.add(value);
                        } catch (RecordsException e) {
                            if (e.kind() == RecordsException.Kind.CONFLICT) continue;
                            messages.add(e.getMessage());
                            failed.countDown();
                            return;
                        }
                    }
                });
                threads.add(t);
                t.start();
            }
            Thread.sleep(1500);
            cluster.stopImmediately();
            assertTrue(failed.await(90, TimeUnit.SECONDS), "every writer was told");
            for (Thread t : threads) t.join(5000);
            for (String m : messages) {
                assertTrue(m.contains("connexion au serveur impossible ou perdue") && m.contains("réessayez")
                        || m.contains("pendant la validation"), m);
            }
            System.out.println("Message au rédacteur : " + messages.peek());
            cluster.startServer();
            // Retry: each writer saves its pending edit again, on the same store (it reconnects).
            for (int w = 0; w < writers; w++) {
                String[] idValue = pending[w].split(" ");
                long cs = stores.get(w).edit("rédacteur " + w, "nouvel essai",
                        tx -> tx.saveCite(tx.cite(idValue[0]).orElseThrow().with(Cite.NOTE, idValue[1])));
                assertTrue(cs > 0 || stores.get(w).cite(idValue[0]).orElseThrow().note().equals(idValue[1]));
                acked.add(idValue[1]);
                stores.get(w).close();
            }
            try (PostgresCiteStore s = PostgresCiteStore.open(db, PgCluster.PASSWORD::toCharArray)) {
                Set<String> inHistory = new HashSet<>();
                for (int i = 0; i < 3; i++) {
                    for (HistoryEntry h : s.history(HistoryEntry.CITE, "c-" + i)) {
                        if (h.field().equals(Cite.NOTE)) inHistory.add(h.newValue());
                    }
                }
                for (String v : acked) assertTrue(inHistory.contains(v), "acknowledged " + v + " is stored");
                try (Connection c = cluster.admin("arret"); Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT count(*) FROM cites.change_set cs WHERE NOT EXISTS "
                             + "(SELECT 1 FROM cites.history h WHERE h.change_set_id = cs.id)")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "no change set without its history");
                }
                System.out.printf("PostgreSQL arrêté en pleine écriture : %d rédacteurs prévenus, %d modifications "
                        + "acquittées toutes présentes, nouvel essai réussi%n", writers, acked.size());
            }
        }
    }
}
