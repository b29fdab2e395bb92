package fr.bassinminier.atlas.io.shapefile;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import fr.bassinminier.atlas.io.StreamedReadException;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.FeatureSource;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.PackedGeometry;
import fr.bassinminier.atlas.model.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A shapefile on disk read as it is drawn: the .shx gives each record's place in the .shp, the
 * box in each record's header is tested against the view before anything else is read, and the
 * coordinates of the records that meet it are read straight into arrays. Attributes come from
 * the .dbf only when asked for (a style that reads some), one record at a time. Each scan reads
 * the files through its own block on the heap ({@link BlockReader}), so bands of an image scan in
 * parallel; the files are not mapped, so they do not count in the program's memory as they are read.
 *
 * <p>Features are the .shx's records in its order, each numbered as a whole read numbers it,
 * records deleted in the .dbf left out: the same features, in the same order, as
 * {@link ShapefileReader}. A set whose parts disagree (counts, offsets, lengths) is not
 * streamed: {@link #open} returns null and the whole read says what is wrong.
 */
public final class ShapefileStream implements FeatureSource {
    /** Block sizes: opening reads every record header in order; a scan reads the records it draws. */
    private static final int OPEN_BLOCK = 1 << 20;
    private static final int SCAN_BLOCK = 256 << 10;
    private static final int ATTRIBUTE_BLOCK = 64 << 10;
    private final ShapefileFiles files;
    private final Failures failures;
    private final long shpSize;
    private final ByteBuffer shx;   // big-endian, on the heap (8 bytes a record)
    private final long dbfSize;
    /** Each record's shape type code, 0 for records that are no feature. */
    private final byte[] types;
    private final ShapeType fileType;
    private final int count;
    private final int live;
    private final int dbfHeader;
    private final int dbfRecord;
    private final Envelope bounds;
    /** Each record's box as floats rounded outwards (NaN for records that are no feature): a quick first test. */
    private final float[] boxes;
    private final CrsId crs;
    private final LongAdder readNanos = new LongAdder();
    private volatile Schema schema;
    private volatile Charset charset;

    private ShapefileStream(ShapefileFiles files, Failures failures, long shpSize, ByteBuffer shx, long dbfSize,
                            byte[] types, ShapeType fileType, int count, int live, int dbfHeader, int dbfRecord,
                            Envelope bounds, float[] boxes, CrsId crs) {
        this.files = files;
        this.failures = failures;
        this.shpSize = shpSize;
        this.shx = shx.order(ByteOrder.BIG_ENDIAN);
        this.dbfSize = dbfSize;
        this.types = types;
        this.fileType = fileType;
        this.count = count;
        this.live = live;
        this.dbfHeader = dbfHeader;
        this.dbfRecord = dbfRecord;
        this.bounds = bounds;
        this.boxes = boxes;
        this.crs = crs;
    }

    /**
     * Opens a shapefile for streaming, or returns null when it cannot be streamed (no .shx or
     * .dbf, parts that disagree, a box that is not finite): the caller then reads it whole,
     * which also gives the proper messages.
     */
    public static ShapefileStream open(Path shpPath, Consumer<String> warnings) throws DataException {
        ShapefileFiles files;
        try {
            files = new ShapefileFiles(shpPath);
        } catch (IOException e) {
            return null;
        }
        if (!files.has("shx") || !files.has("dbf")) return null;
        Failures failures = new Failures(files, warnings);
        try (BlockReader shp = new BlockReader(files.path("shp"), Files.size(files.path("shp")), OPEN_BLOCK);
             BlockReader dbf = new BlockReader(files.path("dbf"), Files.size(files.path("dbf")), OPEN_BLOCK)) {
            long shxSize = Files.size(files.path("shx"));
            if (shp.size() < 100 || shxSize < 100 || dbf.size() < 32) return null;
            if (shp.size() > Integer.MAX_VALUE || shxSize > Integer.MAX_VALUE) return null;
            ByteBuffer shx = ByteBuffer.wrap(Files.readAllBytes(files.path("shx"))).order(ByteOrder.BIG_ENDIAN);
            if (shp.intBE(0) != ShpReader.FILE_CODE || shx.getInt(0) != ShpReader.FILE_CODE) return null;
            ShapeType fileType = ShapeType.of(shp.intLE(32));
            if (fileType == null || fileType == ShapeType.NULL || (shx.limit() - 100) % 8 != 0) return null;
            int count = (shx.limit() - 100) / 8;
            int dbfCount = dbf.intLE(4);
            int dbfHeader = (dbf.get(8) & 0xff) | (dbf.get(9) & 0xff) << 8;
            int dbfRecord = (dbf.get(10) & 0xff) | (dbf.get(11) & 0xff) << 8;
            if (dbfCount != count || dbfRecord < 1 || dbfHeader < 33
                    || dbfHeader + (long) dbfRecord * count > dbf.size()) {
                return null;
            }
            // One pass over the index and the record headers: they must agree, and their boxes
            // give the layer's bounds as a whole read would (the union of the features' boxes).
            Envelope bounds = new Envelope();
            float[] boxes = new float[4 * count];
            byte[] types = new byte[count];
            java.util.Arrays.fill(boxes, Float.NaN);
            int live = 0;
            for (int i = 0; i < count; i++) {
                long offset = 2L * (shx.getInt(100 + 8 * i) & 0xffffffffL);
                int words = shx.getInt(104 + 8 * i);
                if (offset < 100 || words < 2 || offset + 8 + 2L * words > shp.size()) return null;
                int at = (int) offset;
                if (shp.intBE(at + 4) != words) return null;
                if (dbf.get(dbfHeader + (long) i * dbfRecord) == '*') continue;
                ShapeType type = ShapeType.of(shp.intLE(at + 8));
                if (type == null) return null;
                if (type == ShapeType.NULL) continue;
                boolean point = type.kind == ShapeType.Kind.POINT;
                if (2 * words < (point ? 20 : 36)) return null;
                double minX = shp.doubleLE(at + 12);
                double minY = shp.doubleLE(at + 20);
                double maxX = point ? minX : shp.doubleLE(at + 28);
                double maxY = point ? minY : shp.doubleLE(at + 36);
                if (point && (Double.isNaN(minX) || Double.isNaN(minY))) continue; // an empty point
                if (!Double.isFinite(minX) || !Double.isFinite(minY) || !Double.isFinite(maxX) || !Double.isFinite(maxY)
                        || minX > maxX || minY > maxY) {
                    return null;
                }
                bounds.expandToInclude(minX, minY);
                bounds.expandToInclude(maxX, maxY);
                boxes[4 * i] = down(minX);
                boxes[4 * i + 1] = down(minY);
                boxes[4 * i + 2] = up(maxX);
                boxes[4 * i + 3] = up(maxY);
                types[i] = (byte) type.code;
                live++;
            }
            CrsId crs = ShapefileReader.readCrs(files, failures);
            return new ShapefileStream(files, failures, shp.size(), shx, dbf.size(), types, fileType, count, live,
                    dbfHeader, dbfRecord, bounds, boxes, crs);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static float down(double v) {
        float f = (float) v;
        return f > v ? Math.nextDown(f) : f;
    }

    private static float up(double v) {
        float f = (float) v;
        return f < v ? Math.nextUp(f) : f;
    }

    public String name() {
        return files.baseName();
    }

    public CrsId crs() {
        return crs;
    }

    /** Features with a shape, as the renderer will meet them. */
    public int size() {
        return live;
    }

    @Override
    public GeometryType geometryType() {
        return fileType.startingLayerType();
    }

    @Override
    public Schema schema() {
        Schema s = schema;
        if (s == null) {
            byte[] head = dbfHeaderBytes();
            boolean ascii = true;
            for (byte b : head) ascii &= b >= 0;
            // ASCII field names read the same in any encoding: no need to decide it (a pass over the file) yet.
            try (DbfTable t = ascii ? DbfTable.over(new Feed(head), failures, count, java.nio.charset.StandardCharsets.ISO_8859_1)
                    : table(new Feed(head))) {
                s = t.schema();
            } catch (DataException e) {
                throw new StreamedReadException(e);
            }
            schema = s;
        }
        return s;
    }

    @Override
    public Envelope bounds() {
        return new Envelope(bounds);
    }

    @Override
    public long readNanos() {
        return readNanos.sum();
    }

    @Override
    public void scan(Envelope area, Visitor visitor) {
        if (area == null || area.isNull() || bounds.isNull() || !area.intersects(bounds)) {
            visitor.expect(0);
            return;
        }
        long t = System.nanoTime();
        long read = 0;   // summed here, added once: a shared counter per record was contended between bands
        try (BlockReader shp = new BlockReader(files.path("shp"), shpSize, SCAN_BLOCK);
             RecordCursor cursor = new RecordCursor(shp)) {
            // The exact count, as an in-memory layer gives it (the renderer's dense-layer choice
            // depends on it): a pass over the boxes, the file read only where one crosses the area's edge.
            int hits = 0;
            for (int i = 0; i < count; i++) {
                if (meets(i, area, shp) != null) hits++;
            }
            visitor.expect(hits);
            for (int i = 0; i < count; i++) {
                ShapeType type = meets(i, area, shp);
                if (type == null) continue;
                int at = offset(i);
                boolean point = type.kind == ShapeType.Kind.POINT;
                double minX = shp.doubleLE(at + 12);
                double minY = shp.doubleLE(at + 20);
                double maxX = point ? minX : shp.doubleLE(at + 28);
                double maxY = point ? minY : shp.doubleLE(at + 36);
                cursor.load(i, at, type, minX, minY, maxX, maxY);
                long now = System.nanoTime();
                read += now - t;
                visitor.visit(cursor);
                t = System.nanoTime();
            }
            read += System.nanoTime() - t;
        } catch (UncheckedIOException e) {
            throw new StreamedReadException(failures.fail(Problem.IO, "shp",
                    Localization.text("io.cannotRead3", e.getCause().getMessage()), e.getCause()));
        } finally {
            readNanos.add(read);
        }
    }

    private int offset(int i) {
        return (int) (2L * (shx.getInt(100 + 8 * i) & 0xffffffffL));
    }

    /** The record's shape type when it is a live feature whose box meets the area, else null. */
    private ShapeType meets(int i, Envelope area, BlockReader shp) {
        // NaN (no feature) fails every comparison.
        float x0 = boxes[4 * i];
        float y0 = boxes[4 * i + 1];
        float x1 = boxes[4 * i + 2];
        float y1 = boxes[4 * i + 3];
        if (!(x0 <= area.getMaxX() && x1 >= area.getMinX() && y0 <= area.getMaxY() && y1 >= area.getMinY())) {
            return null;
        }
        ShapeType type = ShapeType.of(types[i]);
        // The float box holds the exact one: wholly inside the area, the record meets it.
        if (x0 >= area.getMinX() && x1 <= area.getMaxX() && y0 >= area.getMinY() && y1 <= area.getMaxY()) return type;
        int at = offset(i);
        boolean point = type.kind == ShapeType.Kind.POINT;
        double minX = shp.doubleLE(at + 12);
        double minY = shp.doubleLE(at + 20);
        double maxX = point ? minX : shp.doubleLE(at + 28);
        double maxY = point ? minY : shp.doubleLE(at + 36);
        return minX <= area.getMaxX() && maxX >= area.getMinX() && minY <= area.getMaxY() && maxY >= area.getMinY()
                ? type : null;
    }

    private byte[] dbfHeaderBytes() {
        byte[] head = new byte[dbfHeader];
        try (BlockReader dbf = new BlockReader(files.path("dbf"), dbfSize, dbfHeader)) {
            dbf.get(0, head, 0, dbfHeader);
        } catch (UncheckedIOException e) {
            throw new StreamedReadException(failures.fail(Problem.IO, "dbf",
                    Localization.text("io.cannotRead3", e.getCause().getMessage()), e.getCause()));
        }
        return head;
    }

    /** A table reading the records fed to it; the encoding is decided once, from the whole file. */
    private DbfTable table(Feed feed) throws DataException {
        Charset cs = charset;
        if (cs == null) {
            synchronized (this) {
                cs = charset;
                if (cs == null) {
                    try {
                        cs = DbfTable.decideCharset(files, failures, ShapefileReader.readCpg(files, failures));
                    } catch (IOException e) {
                        throw failures.fail(Problem.IO, "dbf", Localization.text("io.cannotRead3", e.getMessage()), e);
                    }
                    charset = cs;
                }
            }
        }
        return DbfTable.over(feed, failures, count, cs);
    }

    /** The .dbf header, then the one record handed over before each read. */
    private static final class Feed extends InputStream {
        private byte[] data;
        private int pos;

        Feed(byte[] header) {
            data = header;
        }

        void next(byte[] record) {
            data = record;
            pos = 0;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) return 0;
            int n = Math.min(len, data.length - pos);
            if (n <= 0) return -1;
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    /** The record under a scan: its box from the header, the rest decoded when asked for. */
    private final class RecordCursor extends BoxCursor implements AutoCloseable {
        private final BlockReader shp;
        private BlockReader dbf;
        private final ShapeDecoder decoder = new ShapeDecoder(new GeometryFactory());
        private final PackedGeometry packed = new PackedGeometry();
        private byte[] content = new byte[256];
        private Feed feed;
        private DbfTable table;
        private byte[] record;
        private Object[] values;
        private int index;
        private int at;
        private ShapeType type;
        private Geometry geometry;
        private boolean packedDone;
        private boolean packedOk;

        RecordCursor(BlockReader shp) {
            this.shp = shp;
        }

        void load(int i, int offset, ShapeType t, double x0, double y0, double x1, double y1) {
            index = i;
            at = offset;
            type = t;
            minX = x0;
            minY = y0;
            maxX = x1;
            maxY = y1;
            geometry = null;
            packedDone = false;
        }

        @Override
        public void close() {
            if (table != null) table.close();
            if (dbf != null) dbf.close();
        }

        @Override
        public Feature attributes() {
            try {
                if (table == null) {
                    feed = new Feed(dbfHeaderBytes());
                    table = table(feed);
                    record = new byte[dbfRecord];
                    values = new Object[table.schema().size()];
                    dbf = new BlockReader(files.path("dbf"), dbfSize, ATTRIBUTE_BLOCK);
                }
                dbf.get(dbfHeader + (long) index * dbfRecord, record, 0, dbfRecord);
                feed.next(record);
                table.at(index);
                table.next(values);
                return new Feature(index, null, table.schema(), values.clone());
            } catch (DataException e) {
                throw new StreamedReadException(e);
            } catch (UncheckedIOException e) {
                throw new StreamedReadException(failures.fail(Problem.IO, "dbf",
                        Localization.text("io.cannotRead3", e.getCause().getMessage()), e.getCause()));
            }
        }

        @Override
        public Geometry geometry() {
            if (geometry == null) {
                int len = 2 * shp.intBE(at + 4);
                if (content.length < len) content = new byte[len];
                shp.get(at + 8, content, 0, len);
                try {
                    geometry = decoder.decode(type, content, len);
                } catch (ShapeFormatException e) {
                    throw new StreamedReadException(failures.fail(Problem.CORRUPT, "shp", "enregistrement n°"
                            + (index + 1) + " (octet " + at + ") : " + e.getMessage()));
                }
            }
            return geometry;
        }

        @Override
        public PackedGeometry packed() {
            if (!packedDone) {
                packedDone = true;
                packedOk = pack();
            }
            return packedOk ? packed : null;
        }

        /**
         * Lines and polygons into arrays, parts as the whole read keeps them: empty parts and
         * lines of one point left out, rings closed, rings of fewer than 4 points left out.
         * Anything unusual (a bad count, a coordinate that is not finite) declines, and the
         * geometry path then gives the reader's own verdict.
         */
        private boolean pack() {
            if (type.kind != ShapeType.Kind.POLYLINE && type.kind != ShapeType.Kind.POLYGON) return false;
            int c = at + 8;
            int len = 2 * shp.intBE(at + 4);
            if (len < 44) return false;
            int numParts = shp.intLE(c + 36);
            int numPoints = shp.intLE(c + 40);
            long pointsStart = 44 + 4L * numParts;
            if (numParts < 0 || numPoints < 0 || pointsStart + 16L * numPoints > len) return false;
            boolean polygon = type.kind == ShapeType.Kind.POLYGON;
            packed.reset(polygon ? 2 : 1);
            int p0 = c + (int) pointsStart;
            int parts = Math.max(numParts, 1);
            int prev = 0;
            for (int k = 0; k < parts; k++) {
                int start = numParts == 0 ? 0 : shp.intLE(c + 44 + 4 * k);
                int end = k + 1 < numParts ? shp.intLE(c + 44 + 4 * (k + 1)) : numPoints;
                if (start < 0 || start >= numPoints && numPoints > 0 || start < prev || end > numPoints) return false;
                prev = start;
                int n = end - start;
                if (n <= 0) continue;
                for (int i = start; i < end; i++) {
                    if (!Double.isFinite(shp.doubleLE(p0 + 16 * i)) || !Double.isFinite(shp.doubleLE(p0 + 16 * i + 8))) {
                        return false;
                    }
                }
                double fx = shp.doubleLE(p0 + 16 * start);
                double fy = shp.doubleLE(p0 + 16 * start + 8);
                double lx = shp.doubleLE(p0 + 16 * (end - 1));
                double ly = shp.doubleLE(p0 + 16 * (end - 1) + 8);
                boolean closeIt = polygon && !(fx == lx && fy == ly);
                int kept = n + (closeIt ? 1 : 0);
                if (polygon ? kept < 4 : kept < 2) continue;
                packed.startPart();
                for (int i = start; i < end; i++) packed.add(shp.doubleLE(p0 + 16 * i), shp.doubleLE(p0 + 16 * i + 8));
                if (closeIt) packed.add(fx, fy);
            }
            return true;
        }
    }
}
