package fr.bassinminier.atlas.io;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.DataException.Problem;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The budget of one read: how much a single source may hold before it is refused with a
 * French message, instead of running the JVM out of memory or never ending. Memory bounds are
 * derived from the heap the JVM was given, so a machine given more memory reads more; each can
 * be set with a system property ({@code -Datlas.read.maxVertices=…}) named in the message.
 *
 * @param maxFeatures    features in one source (all its layers)
 * @param maxVertices    coordinates in one source
 * @param maxLayers      layers in one source (a GeoPackage)
 * @param maxTextChars   one SQL value (text or blob) in a GeoPackage
 * @param viewMillis     time a GeoPackage view (a stored query) may take to compute
 * @param tableMillis    time a GeoPackage table may take to read
 */
public record ReadLimits(long maxFeatures, long maxVertices, int maxLayers, int maxTextChars, long viewMillis,
                         long tableMillis) {
    /** Bytes of heap a feature takes at least (object, geometry, attributes); measured ~300 for points. */
    private static final long BYTES_PER_FEATURE = 400;
    /** Bytes of heap a vertex takes in JTS (a Coordinate object and its reference). */
    private static final long BYTES_PER_VERTEX = 80;

    public static ReadLimits defaults() {
        long heap = Runtime.getRuntime().maxMemory();
        return new ReadLimits(
                Long.getLong("atlas.read.maxFeatures", Math.max(100_000, heap / BYTES_PER_FEATURE)),
                Long.getLong("atlas.read.maxVertices", Math.max(1_000_000, heap / BYTES_PER_VERTEX)),
                Integer.getInteger("atlas.read.maxLayers", 1000),
                Integer.getInteger("atlas.read.maxTextChars", 64 << 20),
                Long.getLong("atlas.read.viewSeconds", 5) * 1000,
                Long.getLong("atlas.read.tableSeconds", 300) * 1000);
    }

    /** A counter for one source. */
    public Counter counter(Path file) {
        return new Counter(this, file);
    }

    /** Features and vertices read so far from one source, checked as they are read. */
    public static final class Counter {
        private final ReadLimits limits;
        private final Path file;
        private long features;
        private long vertices;

        Counter(ReadLimits limits, Path file) {
            this.limits = limits;
            this.file = file;
        }

        public ReadLimits limits() {
            return limits;
        }

        /** One more feature with this many vertices; also where a cancelled read stops. */
        public void add(long featureVertices) throws DataException {
            features++;
            vertices += featureVertices;
            if ((features & 1023) == 0 && Thread.currentThread().isInterrupted()) throw cancelled(file);
            if (features > limits.maxFeatures) {
                throw tooMany(file, Localization.text("io.moreThanFeatures", count(limits.maxFeatures)), "atlas.read.maxFeatures");
            }
            if (vertices > limits.maxVertices) {
                throw tooMany(file, Localization.text("io.moreThanVertices", count(limits.maxVertices)), "atlas.read.maxVertices");
            }
        }

        /** Refuses at once a source whose size alone shows it cannot fit (e.g. a 2 GB .shp). */
        public void checkEstimatedVertices(long estimate, String what) throws DataException {
            if (estimate > limits.maxVertices) {
                throw tooMany(file, Localization.text("io.aboutVerticesMoreThan", what, count(estimate), count(limits.maxVertices)), "atlas.read.maxVertices");
            }
        }
    }

    public static DataException cancelled(Path file) {
        return new DataException(file, Problem.IO, Localization.get("io.readingCancelled"));
    }

    private static DataException tooMany(Path file, String what, String property) {
        long heapMb = Runtime.getRuntime().maxMemory() >> 20;
        return new DataException(file, Problem.TOO_LARGE, Localization.text("io.moreThanProgramCan", what, count(heapMb), property));
    }

    static String count(long n) {
        return String.format(Locale.FRANCE, "%,d", n).replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
