package fr.bassinminier.atlas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.model.ChunkedSource;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.FeatureSource;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** Bands sharing a layer's chunks read each once, see every feature in order, and never wait forever. */
class SharedScansTest {
    private static final Envelope VIEW = new Envelope(0, 1000, 0, 1);

    /** Features 0…n-1 at x = id, in chunks of ten; a chunk may be made to fail. */
    private static final class Counted implements ChunkedSource {
        final int n;
        final int failAt;
        final ConcurrentHashMap<Integer, AtomicInteger> readsOf = new ConcurrentHashMap<>();
        /** When set, each band's first read waits for the others' (a band that starts late reads again what was let go). */
        CountDownLatch together;
        private final Set<Thread> started = ConcurrentHashMap.newKeySet();

        Counted(int n, int failAt) {
            this.n = n;
            this.failAt = failAt;
        }

        @Override
        public int chunks(Envelope view) {
            return (n + 9) / 10;
        }

        @Override
        public int expected(Envelope area) {
            return n;
        }

        @Override
        public Chunk read(int k, Envelope view, boolean attributes) {
            if (together != null && started.add(Thread.currentThread())) {
                together.countDown();
                try {
                    assertTrue(together.await(20, TimeUnit.SECONDS), "the other band started");
                } catch (InterruptedException e) {
                    throw new CancellationException();
                }
            }
            readsOf.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet();
            if (k == failAt) throw new IllegalStateException("chunk " + k + " unreadable");
            Thread.onSpinWait();
            return new Chunk() {
                @Override
                public int size() {
                    return Math.min(10, n - 10 * k);
                }

                @Override
                public void visit(Envelope area, Visitor visitor) {
                    for (int i = 10 * k; i < Math.min(n, 10 * k + 10); i++) {
                        if (i >= area.getMinX() && i <= area.getMaxX()) visitor.visit(cursor(i));
                    }
                }
            };
        }

        private static Cursor cursor(int id) {
            return new Cursor() {
                public double minX() { return id; }
                public double minY() { return 0; }
                public double maxX() { return id; }
                public double maxY() { return 0; }
                public Feature attributes() { return new Feature(id, null, new Schema(List.of()), new Object[0]); }
                public Geometry geometry() { return null; }
            };
        }

        @Override
        public GeometryType geometryType() {
            return GeometryType.POINT;
        }

        @Override
        public Schema schema() {
            return new Schema(List.of());
        }

        @Override
        public Envelope bounds() {
            return VIEW;
        }

        @Override
        public void scan(Envelope area, Visitor visitor) {
            throw new AssertionError("the bands share the chunks");
        }
    }

    /** A band: the ids it is handed, in order; slow bands sleep now and then. */
    private static List<Long> band(SharedScans.Pass pass, Envelope area, int sleepEvery) {
        List<Long> seen = new ArrayList<>();
        pass.run(area, c -> {
            long id = c.attributes().id();
            seen.add(id);
            if (sleepEvery > 0 && id % sleepEvery == 0) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    throw new CancellationException();
                }
            }
        });
        return seen;
    }

    private static List<Long> ids(int from, int to) {
        List<Long> l = new ArrayList<>();
        for (long i = from; i <= to; i++) l.add(i);
        return l;
    }

    @Test
    void twoBandsReadEachChunkOnceAndEachSeesItsFeaturesInOrder() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            Counted src = new Counted(1000, -1);
            src.together = new CountDownLatch(2);
            SharedScans.Pass pass = new SharedScans.Pass(src, VIEW, src.chunks(VIEW), false);
            ExecutorService bands = Executors.newFixedThreadPool(2);
            try {
                // The left band is slow: the right one reads ahead, as far as the bound lets it.
                var left = bands.submit(() -> band(pass, new Envelope(0, 499, 0, 1), 7));
                var right = bands.submit(() -> band(pass, new Envelope(500, 999, 0, 1), 0));
                assertEquals(ids(0, 499), left.get());
                assertEquals(ids(500, 999), right.get());
            } finally {
                bands.shutdownNow();
            }
            assertEquals(100, pass.reads(), "each chunk read once");
            src.readsOf.forEach((k, r) -> assertEquals(1, r.get(), "chunk " + k));
            assertTrue(pass.maxHeld() <= SharedScans.MAX_HELD + 1, "held at once: " + pass.maxHeld());
            assertTrue(pass.maxHeld() > 1, "the bands read ahead of each other");
        });
    }

    @Test
    void aBandComingLateReadsAgainWhatTheOthersLetGo() {
        Counted src = new Counted(95, -1);
        SharedScans.Pass pass = new SharedScans.Pass(src, VIEW, src.chunks(VIEW), false);
        assertEquals(ids(0, 94), band(pass, VIEW, 0));
        assertEquals(ids(40, 60), band(pass, new Envelope(40, 60, 0, 1), 0));
        assertEquals(20, pass.reads(), "read twice, nothing kept in between");
        assertEquals(0, pass.heldNow());
    }

    @Test
    void aChunkThatCannotBeReadFailsEveryBandAndNoneWaitsForever() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            Counted src = new Counted(500, 17);
            SharedScans.Pass pass = new SharedScans.Pass(src, VIEW, src.chunks(VIEW), false);
            var a = CompletableFuture.supplyAsync(() -> band(pass, VIEW, 3));
            var b = CompletableFuture.supplyAsync(() -> band(pass, VIEW, 0));
            for (var f : List.of(a, b)) {
                Throwable t = assertThrows(Exception.class, f::join).getCause();
                assertTrue(t instanceof IllegalStateException && t.getMessage().equals("chunk 17 unreadable"), String.valueOf(t));
            }
            assertEquals(1, src.readsOf.get(17).get(), "the failure is kept, not read again");
        });
    }

    @Test
    void aBandThatStopsHalfWayLetsTheOtherFinish() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            Counted src = new Counted(1000, -1);
            SharedScans.Pass pass = new SharedScans.Pass(src, VIEW, src.chunks(VIEW), false);
            var stopping = CompletableFuture.runAsync(() -> pass.run(VIEW, c -> {
                if (c.minX() == 120) throw new CancellationException();
            }));
            var other = CompletableFuture.supplyAsync(() -> band(pass, VIEW, 50));
            assertThrows(Exception.class, stopping::join);
            assertEquals(ids(0, 999), other.join());
            assertEquals(0, pass.heldNow(), "everything let go once no band draws the layer");
        });
    }
}
