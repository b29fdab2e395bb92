package fr.bassinminier.atlas.records.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.postgis.PgSettings;
import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.ConflictException;
import fr.bassinminier.atlas.records.HistoryEntry;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.records.Versioned;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Eight users (eight stores, eight connections) saving for a while, half of the time the same
 * two cités, half their own: every acknowledged save is in the history, every refused one was
 * reported to its writer as a conflict, and each cité's history is an unbroken chain (each old
 * value is the previous new one), so no save overwrote another unseen. The duration is
 * {@code -Datlas.pg.concurrency.seconds} (10 by default, 30 to match the issue).
 */
class PgConcurrencyTest {
    private static final int WRITERS = 8;

    record Ack(long changeSet, String citeId, String value) {
    }

    @Test
    void eightWritersLoseNothingAndEveryConflictIsReported() throws Exception {
        PgSettings db = PgCluster.shared().newDatabase("cites");
        long seconds = Long.getLong("atlas.pg.concurrency.seconds", 10);
        List<String> ids = new ArrayList<>(List.of("partagee-1", "partagee-2"));
        for (int w = 0; w < WRITERS; w++) ids.add("propre-" + w);
        try (PostgresCiteStore setup = PostgresCiteStore.open(db, PgCluster.PASSWORD::toCharArray)) {
            setup.edit("amorçage", null, tx -> {
                for (String id : ids) {
                    tx.saveCite(new Cite(id, null, "Cité " + id, null, null, null, null, null, null, null, null, null, null));
                }
            });
        }
        ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
        AtomicInteger conflicts = new AtomicInteger(), busy = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        int[] ownConflicts = new int[WRITERS];
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int me = w;
            Thread t = new Thread(() -> {
                try (PostgresCiteStore s = PostgresCiteStore.open(db, PgCluster.PASSWORD::toCharArray)) {
                    int n = 0;
                    while (System.nanoTime() < end) {
                        n++;
                        String id = n % 2 == 0 ? "partagee-" + (1 + (n / 2) % 2) : "propre-" + me;
                        String value = "w" + me + "-" + n;
                        Versioned<Cite> base = s.versionedCite(id).orElseThrow();
                        try {
                            long cs = s.edit("rédacteur " + me, null,
                                    tx -> tx.saveCite(base, base.value().with(Cite.NOTE, value)));
                            acks.add(new Ack(cs, id, value));
                        } catch (ConflictException e) {
                            assertEquals(id, e.entityId());
                            assertTrue(e.fields().stream().anyMatch(f -> f.name().equals(Cite.NOTE)
                                    && value.equals(f.mine())), "the conflict shows what this writer typed");
                            conflicts.incrementAndGet();
                            if (id.startsWith("propre")) ownConflicts[me]++;
                        } catch (RecordsException e) {
                            // Deadlock or lock timeout: also reported, also nothing written.
                            assertEquals(RecordsException.Kind.CONFLICT, e.kind(), e.getMessage());
                            busy.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    done.countDown();
                }
            });
            t.start();
        }
        assertTrue(done.await(seconds + 120, TimeUnit.SECONDS), "writers finished");
        if (!failures.isEmpty()) throw new AssertionError(failures.peek());

        try (PostgresCiteStore s = PostgresCiteStore.open(db, PgCluster.PASSWORD::toCharArray)) {
            assertEquals(1 + acks.size(), s.editCount(), "every stored edit was acknowledged, every acknowledged one stored");
            Map<Long, Ack> byChangeSet = new HashMap<>();
            for (Ack a : acks) byChangeSet.put(a.changeSet, a);
            assertEquals(acks.size(), byChangeSet.size());
            int sharedAcks = 0;
            for (String id : ids) {
                List<HistoryEntry> notes = s.history(HistoryEntry.CITE, id).stream()
                        .filter(h -> h.field().equals(Cite.NOTE)).toList();
                String previous = null;
                for (HistoryEntry h : notes) {
                    assertEquals(previous, h.oldValue(), "unbroken chain on " + id + ": nothing overwritten unseen");
                    Ack a = byChangeSet.remove(h.changeSet());
                    assertNotNull(a, "history edit " + h.changeSet() + " was acknowledged");
                    assertEquals(a.value, h.newValue());
                    assertEquals(id, a.citeId);
                    previous = h.newValue();
                    if (id.startsWith("partagee")) sharedAcks++;
                }
                assertEquals(previous, s.cite(id).orElseThrow().note(), "the record holds its last acknowledged value");
                if (id.startsWith("propre")) assertEquals(0, ownConflicts[Integer.parseInt(id.substring(7))]);
            }
            assertTrue(byChangeSet.isEmpty(), "acknowledged edits missing from the history: " + byChangeSet.values());
            assertTrue(conflicts.get() > 0, "contended cités produced conflicts");
            System.out.printf("PostgreSQL, %d rédacteurs pendant %d s : %d modifications acquittées (%d sur les cités "
                            + "partagées, %.0f/s), %d conflits signalés, %d verrous en attente signalés, 0 perdue%n",
                    WRITERS, seconds, acks.size(), sharedAcks, acks.size() / (double) seconds, conflicts.get(), busy.get());
        }
    }

    @Test
    void otherUsersSavesAreAnnouncedAndOwnAreNot() throws Exception {
        PgSettings db = PgCluster.shared().newDatabase("cites");
        try (PostgresCiteStore a = PostgresCiteStore.open(db, PgCluster.PASSWORD::toCharArray);
             PostgresCiteStore b = PostgresCiteStore.open(db, PgCluster.PASSWORD::toCharArray)) {
            java.util.concurrent.Semaphore seen = new java.util.concurrent.Semaphore(0);
            try (AutoCloseable watch = b.watch(seen::release)) {
                Thread.sleep(500); // the LISTEN is set up on its own connection
                b.edit("Marc", null, tx -> tx.saveCite(new Cite("c-b", null, "B", null, null, null, null, null, null,
                        null, null, null, null)));
                assertTrue(!seen.tryAcquire(3, TimeUnit.SECONDS), "own save not announced to itself");
                a.edit("Claire", null, tx -> tx.saveCite(new Cite("c-a", null, "A", null, null, null, null, null, null,
                        null, null, null, null)));
                assertTrue(seen.tryAcquire(10, TimeUnit.SECONDS), "another user's save is announced");
                assertTrue(Objects.nonNull(b.cite("c-a").orElse(null)));
            }
        }
    }
}
