package fr.bassinminier.atlas.render;

import fr.bassinminier.atlas.model.ChunkedSource;
import fr.bassinminier.atlas.model.FeatureSource;
import fr.bassinminier.atlas.model.VectorLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;

/**
 * The scans of one image's bands, shared where a layer's file reads in chunks: when the view
 * covers most of a layer, every band would read every row of its table (on two processors each
 * row read twice: 500,000 footprints → PNG 0.24 s of CPU more). Here the bands read the chunks
 * between them (a band waiting for a chunk another band is reading reads a later one meanwhile),
 * and each band draws every chunk in order, keeping from it what reaches its strip: rows read
 * once, the image the same as drawn band by band.
 *
 * <p>A chunk is kept until every band drawing the layer has passed it, and no band runs more than
 * {@link #MAX_HELD} chunks ahead of the slowest one, which bounds the memory. A band that comes to
 * the layer late reads again the chunks already let go (the renderer's bands join before the first
 * chunk is read: 100k and 500k footprints, quiet or busy machine, no chunk read twice). Waits are only ever for a band that is
 * reading or drawing, so no band can wait for one that never comes.
 */
final class SharedScans {
    /** Chunks held at most per layer (GeoPackage: 2,048 rows or 2 MB of file each, ≈ 10 MB in all for footprints). */
    static final int MAX_HELD = 32;

    private final ConcurrentHashMap<Integer, Pass> passes = new ConcurrentHashMap<>();

    /**
     * Scans the layer for one band through the shared chunks.
     *
     * @param layer the layer's place in the project (the same for every band)
     * @return false when the layer does not read in chunks for this view: the band scans it itself
     */
    boolean scan(int layer, VectorLayer data, Envelope view, Envelope area, FeatureSource.Visitor visitor,
                 boolean attributes) {
        ChunkedSource source = data.chunked();
        if (source == null) return false;
        int chunks = source.chunks(view);
        if (chunks <= 0) return false;
        Pass pass = passes.computeIfAbsent(layer, k -> new Pass(source, view, chunks, attributes));
        visitor.expect(source.expected(area));
        pass.run(area, visitor);
        return true;
    }

    /** One layer's chunks, as the bands read and pass them. */
    static final class Pass {
        private static final int UNREAD = 0;
        private static final int READING = 1;
        private static final int READY = 2;
        private static final int FAILED = 3;

        private final ChunkedSource source;
        private final Envelope view;
        private final boolean attributes;
        private final int[] state;
        private final ChunkedSource.Chunk[] chunks;
        private final Throwable[] failures;
        /** The position (next chunk) of each band drawing the layer now. */
        private final List<int[]> active = new ArrayList<>();
        private int reads;
        private int held;
        private int maxHeld;

        Pass(ChunkedSource source, Envelope view, int chunks, boolean attributes) {
            this.source = source;
            this.view = view;
            this.attributes = attributes;
            this.state = new int[chunks];
            this.chunks = new ChunkedSource.Chunk[chunks];
            this.failures = new Throwable[chunks];
        }

        void run(Envelope area, FeatureSource.Visitor visitor) {
            int[] me = {0};
            synchronized (this) {
                active.add(me);
            }
            try {
                for (int k = 0; k < state.length; k++) {
                    obtain(k).visit(area, visitor);
                    synchronized (this) {
                        me[0] = k + 1;
                        letGo();
                    }
                }
            } finally {
                synchronized (this) {
                    active.remove(me);
                    letGo();
                }
            }
        }

        /** Chunk reads so far (the tests count them). */
        synchronized int reads() {
            return reads;
        }

        /** Chunks held now (read or being read). */
        synchronized int heldNow() {
            return held;
        }

        /** The most chunks held (read or being read) at once (the tests check the bound). */
        synchronized int maxHeld() {
            return maxHeld;
        }

        private ChunkedSource.Chunk obtain(int k) {
            while (true) {
                int read;
                synchronized (this) {
                    if (state[k] == READY) return chunks[k];
                    if (state[k] == FAILED) throw rethrown(failures[k]);
                    int limit = Math.min(state.length, slowest() + MAX_HELD);
                    read = -1;
                    if (k < limit) {
                        // This chunk if nobody reads it, else a later one while it is being read.
                        for (int j = k; j < limit && read < 0; j++) {
                            if (state[j] == UNREAD) read = j;
                        }
                    }
                    if (read < 0) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new CancellationException();
                        }
                        continue;
                    }
                    state[read] = READING;
                    reads++;
                    maxHeld = Math.max(maxHeld, ++held);
                }
                ChunkedSource.Chunk c = null;
                Throwable failure = null;
                try {
                    c = source.read(read, view, attributes);
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
                synchronized (this) {
                    chunks[read] = c;
                    failures[read] = failure;
                    state[read] = failure == null ? READY : FAILED;
                    if (failure != null) held--;
                    notifyAll();
                }
            }
        }

        /** The position of the band furthest behind (the chunks before it are let go). */
        private int slowest() {
            int min = state.length;
            for (int[] p : active) min = Math.min(min, p[0]);
            return min;
        }

        /** Lets go of the chunks every band drawing the layer has passed; wakes the bands that wait. */
        private void letGo() {
            int min = slowest();
            for (int i = 0; i < min; i++) {
                if (state[i] == READY) {
                    state[i] = UNREAD;
                    chunks[i] = null;
                    held--;
                }
            }
            notifyAll();
        }

        private static RuntimeException rethrown(Throwable t) {
            if (t instanceof Error e) throw e;
            return (RuntimeException) t;
        }
    }
}
