package fr.bassinminier.atlas.io.geopackage;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import fr.bassinminier.atlas.io.StreamedReadException;
import fr.bassinminier.atlas.model.ChunkedSource;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.FeatureSource;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.PackedGeometry;
import fr.bassinminier.atlas.model.Schema;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.sqlite.SQLiteConfig;

/**
 * One GeoPackage feature table read as it is drawn: a view asks its spatial index (the
 * rtree_&lt;table&gt;_&lt;column&gt; table every GeoPackage writer keeps) for the rows it meets, and
 * only those rows are read, their envelope taken from the blob header and their coordinates
 * decoded from WKB straight into arrays. A view covering most of the layer reads the table in
 * order instead, which is faster than going through the index; the bands of one image then read
 * it in chunks of rows between them (key ranges, in the table's order). Each scan takes a
 * read-only connection of its own (kept for the next scan), so bands of an image scan in parallel.
 */
public final class GeoPackageStream implements ChunkedSource {
    /** Share of the layer's bounds above which a scan reads the whole table rather than the index. */
    private static final double TABLE_SCAN_SHARE = 0.5;
    /** Rows per chunk at most: a few milliseconds of reading, so two bands share the work evenly. */
    private static final int CHUNK_ROWS = 2048;
    /**
     * Bytes of file per chunk at most (the bands hold up to 32 chunks): a layer of large polygons
     * is read in chunks of fewer rows, as the file's size per row says.
     */
    private static final long CHUNK_BYTES = 2 << 20;

    private final Path path;
    private final String url;
    private final String table;
    private final String name;
    private final CrsId crs;
    private final GeometryType type;
    private final Schema schema;
    private final List<Field> fields;
    private final String select;
    private final String rtree;
    private final Envelope bounds;
    private final int count;
    /** The smallest and largest key (the rowid): the chunks split this range. */
    private final long minKey;
    private final long maxKey;
    /** Rows per chunk for this file ({@link #CHUNK_ROWS}, fewer for large rows). */
    private final int chunkRows;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final LongAdder readNanos = new LongAdder();

    private GeoPackageStream(Path path, String url, String table, String name, CrsId crs, GeometryType type,
                             List<Field> fields, String select, String rtree, Envelope bounds, int count,
                             long[] keys) {
        this.path = path;
        this.url = url;
        this.table = table;
        this.name = name;
        this.crs = crs;
        this.type = type;
        this.fields = fields;
        this.schema = new Schema(fields);
        this.select = select;
        this.rtree = rtree;
        this.bounds = bounds;
        this.count = count;
        this.minKey = keys[0];
        this.maxKey = keys[1];
        long perRow;
        try {
            perRow = java.nio.file.Files.size(path) / Math.max(1, count);
        } catch (java.io.IOException e) {
            perRow = 0;
        }
        this.chunkRows = (int) Math.max(16, Math.min(CHUNK_ROWS, CHUNK_BYTES / Math.max(1, perRow)));
    }

    /**
     * Opens a layer for streaming (the first feature layer when {@code layerName} is null), or
     * returns null when it cannot be streamed (no spatial index, a view, no integer key, a name
     * not found): the caller then reads the file whole, which also gives the proper messages.
     */
    public static GeoPackageStream open(Path path, String layerName) throws DataException {
        GeoPackageReader.checkHeader(path);
        SqliteNative.prepare();
        String url = "jdbc:sqlite:" + path.toAbsolutePath();
        try (Connection c = connect(url)) {
            GeoPackageReader.checkTables(path, c);
            Map<Integer, CrsId> srs = GeoPackageReader.readSpatialRefSys(c);
            GeoPackageReader.LayerInfo info = null;
            for (GeoPackageReader.LayerInfo i : GeoPackageReader.readContents(path, c)) {
                if (layerName == null || layerName.equals(i.name())) {
                    info = i;
                    break;
                }
            }
            if (info == null || info.geometryColumn() == null) return null;
            String rtree = "rtree_" + info.table() + "_" + info.geometryColumn();
            if (!exists(c, rtree)) return null;
            List<Field> fields = new ArrayList<>();
            String pk = null;
            int pks = 0;
            String geom = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT name, type, pk FROM pragma_table_info(?)")) {
                ps.setString(1, info.table());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String col = rs.getString(1);
                        String colType = rs.getString(2);
                        if (rs.getInt(3) > 0) {
                            pks++;
                            if (colType != null && colType.strip().toUpperCase(Locale.ROOT).startsWith("INT")) pk = col;
                            continue;
                        }
                        if (col.equalsIgnoreCase(info.geometryColumn())) {
                            geom = col;
                            continue;
                        }
                        GeoPackageValues.Declared d = GeoPackageValues.declared(colType);
                        if (d != null) fields.add(new Field(col, d.type(), d.length(), 0));
                    }
                }
            }
            // Only the usual layout (one integer key, which the index refers to) is streamed.
            if (pk == null || pks != 1 || geom == null) return null;
            StringBuilder sql = new StringBuilder("SELECT ").append(GeoPackageReader.quote(pk)).append(", ")
                    .append(GeoPackageReader.quote(geom));
            for (Field f : fields) sql.append(", ").append(GeoPackageReader.quote(f.name()));
            sql.append(" FROM ").append(GeoPackageReader.quote(info.table()));
            Envelope bounds = exactBounds(c, info.table(), rootBounds(c, rtree));
            int count = count(c, info.table(), rtree);
            long[] keys = keyRange(c, info.table());
            CrsId crs = info.srsId() == null ? CrsId.unknown(null) : srs.getOrDefault(info.srsId(), CrsId.unknown(null));
            return new GeoPackageStream(path, url, info.table(), info.name(), crs, info.type(), List.copyOf(fields),
                    sql.toString(), rtree, bounds, count, keys);
        } catch (SQLException e) {
            throw GeoPackageReader.sqlProblem(path, e, null);
        }
    }

    /**
     * Loads SQLite's native library and driver classes ahead of the first file (a command starts
     * this on another core while it parses its arguments); the same work as a first opening.
     */
    public static void prepareDriver() throws SQLException {
        SqliteNative.prepare();
        try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite::memory:");
             PreparedStatement ps = c.prepareStatement("SELECT 1");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
        }
    }

    private static Connection connect(String url) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(3000);
        return config.createConnection(url);
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * The layer's bounds: the union of the boxes of the index's root node (a few dozen cells,
     * stored as float32 rounded outwards, so they hold every feature), else of all its entries.
     */
    private static Envelope rootBounds(Connection c, String rtree) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT data FROM " + GeoPackageReader.quote(rtree + "_node")
                     + " WHERE nodeno = 1")) {
            byte[] node = rs.next() ? rs.getBytes(1) : null;
            if (node != null && node.length >= 4) {
                ByteBuffer b = ByteBuffer.wrap(node); // SQLite's r-tree nodes are big-endian
                int cells = b.getShort(2) & 0xffff;
                if (4 + cells * 24 <= node.length) {
                    Envelope e = new Envelope();
                    for (int i = 0, o = 4; i < cells; i++, o += 24) {
                        e.expandToInclude(b.getFloat(o + 8), b.getFloat(o + 16));
                        e.expandToInclude(b.getFloat(o + 12), b.getFloat(o + 20));
                    }
                    return e;
                }
            }
        } catch (SQLException e) {
            // not the usual r-tree layout: ask the index itself below
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT min(minx), max(maxx), min(miny), max(maxy) FROM "
                     + GeoPackageReader.quote(rtree))) {
            if (rs.next() && rs.getObject(1) != null) {
                return new Envelope(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4));
            }
            return new Envelope();
        }
    }

    /**
     * The extent recorded in gpkg_contents when it agrees with the index (within the index's
     * float32 rounding): exact, so that a full view frames the layer as a whole read would.
     * Otherwise (absent, or stale after edits) the index's bounds.
     */
    private static Envelope exactBounds(Connection c, String table, Envelope index) throws SQLException {
        if (index.isNull()) return index;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT min_x, max_x, min_y, max_y FROM gpkg_contents WHERE table_name = ? COLLATE NOCASE")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getObject(1) == null || rs.getObject(2) == null || rs.getObject(3) == null
                        || rs.getObject(4) == null) {
                    return index;
                }
                Envelope recorded = new Envelope(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4));
                double slack = 1e-6 * Math.max(Math.abs(index.getMaxX()), Math.abs(index.getMaxY())) + 1e-9;
                Envelope outer = new Envelope(index);
                outer.expandBy(slack);
                Envelope inner = new Envelope(index);
                inner.expandBy(-slack);
                return outer.covers(recorded) && recorded.covers(inner) ? recorded : index;
            }
        }
    }

    /**
     * The smallest and largest rowid ({1, 0} for an empty table): two steps down the table's tree,
     * as two subqueries (SQLite reads the whole table for {@code min(rowid), max(rowid)} together).
     */
    private static long[] keyRange(Connection c, String table) throws SQLException {
        String t = GeoPackageReader.quote(table);
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT min(rowid) FROM " + t + "), (SELECT max(rowid) FROM " + t + ")")) {
            if (rs.next() && rs.getObject(1) != null) return new long[] {rs.getLong(1), rs.getLong(2)};
            return new long[] {1, 0};
        }
    }

    /** The feature count: GDAL's stored count when there is one, else the index's. */
    private static int count(Connection c, String table, String rtree) throws SQLException {
        if (exists(c, "gpkg_ogr_contents")) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = ? COLLATE NOCASE")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getObject(1) != null && rs.getLong(1) >= 0) return (int) rs.getLong(1);
                }
            }
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + GeoPackageReader.quote(rtree + "_rowid"))) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    public String name() {
        return name;
    }

    public CrsId crs() {
        return crs;
    }

    public int size() {
        return count;
    }

    @Override
    public GeometryType geometryType() {
        return type;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Envelope bounds() {
        return new Envelope(bounds);
    }

    @Override
    public void scan(Envelope area, Visitor visitor) {
        if (area == null || area.isNull() || bounds.isNull() || !area.intersects(bounds)) {
            visitor.expect(0);
            return;
        }
        double share = share(area);
        boolean whole = share >= TABLE_SCAN_SHARE;
        String sql = whole ? select : select + " WHERE rowid IN (SELECT id FROM " + GeoPackageReader.quote(rtree)
                + " WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?)";
        onConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (!whole) {
                    ps.setDouble(1, area.getMaxX());
                    ps.setDouble(2, area.getMinX());
                    ps.setDouble(3, area.getMaxY());
                    ps.setDouble(4, area.getMinY());
                }
                visitor.expect(expected(share));
                RowCursor cursor = new RowCursor();
                long t = System.nanoTime();
                long read = 0;   // summed here, added once: a shared counter per row was contended between bands
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        boolean meets = cursor.load(rs) && cursor.meets(area);
                        long now = System.nanoTime();
                        read += now - t;
                        if (meets) visitor.visit(cursor);
                        t = System.nanoTime();
                    }
                } finally {
                    readNanos.add(read);
                }
                return null;
            }
        });
    }

    /** A query on one of the layer's read-only connections. */
    @FunctionalInterface
    private interface Query<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs the query on a connection kept from an earlier one (a new one if none is free) and
     * keeps the connection for the next; closes it instead if the query failed. A failure is
     * reported as the layer's.
     */
    private <T> T onConnection(Query<T> query) {
        Connection c = idle.poll();
        try {
            if (c == null) c = connect(url);
            T result = query.run(c);
            idle.add(c);
            c = null;
            return result;
        } catch (SQLException e) {
            throw new StreamedReadException(GeoPackageReader.sqlProblem(path, e, Localization.text("io.layer2", table)));
        } finally {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // already failing
                }
            }
        }
    }

    /** The share of the layer's bounds the area covers (1 for a layer with no extent). */
    private double share(Envelope area) {
        if (area == null || area.isNull() || bounds.isNull() || !area.intersects(bounds)) return 0;
        return bounds.getArea() > 0 ? area.intersection(bounds).getArea() / bounds.getArea() : 1;
    }

    private int expected(double share) {
        return (int) Math.min(count, Math.round(count * share));
    }

    @Override
    public int expected(Envelope area) {
        return expected(share(area));
    }

    @Override
    public int chunks(Envelope view) {
        if (count <= 0 || maxKey < minKey || share(view) < TABLE_SCAN_SHARE) return 0;
        return Math.max(1, (count + chunkRows - 1) / chunkRows);
    }

    /** The first key of chunk k of n (k = n: one past the last key); the key range split evenly. */
    private long chunkStart(int k, int n) {
        if (k >= n) return maxKey + 1;
        return minKey + (long) ((double) (maxKey - minKey + 1) * k / n);
    }

    @Override
    public Chunk read(int k, Envelope view, boolean attributes) {
        int n = chunks(view);
        return onConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(select + " WHERE rowid >= ? AND rowid < ?")) {
                long from = chunkStart(k, n);
                long to = chunkStart(k + 1, n);
                ps.setLong(1, from);
                ps.setLong(2, to);
                RowChunk chunk = new RowChunk(Math.min(count, chunkRows + chunkRows / 8), attributes, from, to);
                RowCursor cursor = new RowCursor();
                long t = System.nanoTime();
                try (ResultSet rs = ps.executeQuery()) {
                    for (int row = 0; rs.next(); row++) {
                        if (cursor.load(rs) && cursor.meets(view)) chunk.add(cursor, row);
                    }
                } finally {
                    readNanos.add(System.nanoTime() - t);
                }
                return chunk;
            }
        });
    }

    @Override
    public long readNanos() {
        return readNanos.sum();
    }

    /** Closes the connections kept between scans. */
    public void close() {
        for (Connection c; (c = idle.poll()) != null; ) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // read-only: nothing to lose
            }
        }
    }

    /** Bytes of the envelope by the header's envelope indicator (GeoPackage 2.1.3). */
    private static final int[] ENVELOPE_BYTES = {0, 32, 48, 48, 64};

    /** A feature's geometry blob, decoded when asked for: as JTS, or packed in arrays. */
    private abstract class BlobCursor extends BoxCursor {
        private final GeometryFactory factory = new GeometryFactory();
        private final PackedGeometry packed = new PackedGeometry();
        protected byte[] blob;
        /** Where the WKB starts in the blob (after the header and its envelope). */
        protected int wkb;
        private Geometry geometry;
        private boolean packedDone;
        private boolean packedOk;

        protected void reset(byte[] blob, int wkb) {
            this.blob = blob;
            this.wkb = wkb;
            geometry = null;
            packedDone = false;
        }

        protected abstract long id();

        protected StreamedReadException corrupt(String why) {
            return new StreamedReadException(new DataException(path, Problem.CORRUPT,
                    Localization.text("io.unreadableGeometryLayerFeature", table, id(), why)));
        }

        @Override
        public Geometry geometry() {
            if (geometry == null) {
                try {
                    geometry = GeoPackageBinary.decode(blob, factory);
                } catch (GeoPackageBinary.FormatException e) {
                    throw corrupt(e.getMessage());
                }
            }
            return geometry;
        }

        @Override
        public PackedGeometry packed() {
            if (!packedDone) {
                packedDone = true;
                packedOk = WkbPacker.pack(blob, wkb, packed);
            }
            return packedOk ? packed : null;
        }
    }

    /** The current row of a query: envelope from the blob header, the rest decoded when asked for. */
    private final class RowCursor extends BlobCursor {
        private ResultSet rs;

        /** Reads the row's key and blob; false for a row without geometry. */
        boolean load(ResultSet row) throws SQLException {
            rs = row;
            // The key is read only when asked for (attributes, messages): one native call less per row.
            byte[] b = row.getBytes(2);
            reset(b, 0);
            if (b == null || b.length < 8 || b[0] != 'G' || b[1] != 'P') {
                if (b == null || b.length == 0) return false;
                throw corrupt(Localization.get("io.geopackageGeometryGpHeader"));
            }
            int flags = b[3] & 0xff;
            if ((flags & 0x10) != 0) return false; // empty
            int env = (flags >> 1) & 0x07;
            if (env > 4) throw corrupt(Localization.text("io.invalidEnvelopeIndicatorHeader", env));
            wkb = 8 + ENVELOPE_BYTES[env];
            if (b.length < wkb) throw corrupt(Localization.get("io.truncatedGeometryHeader"));
            if (env > 0) {
                // Read in place: a ByteBuffer per row was a tenth of the reading of 100k rows (C1 does not elide it).
                boolean le = (flags & 1) != 0;
                minX = doubleAt(b, 8, le);
                maxX = doubleAt(b, 16, le);
                minY = doubleAt(b, 24, le);
                maxY = doubleAt(b, 32, le);
            } else {
                Geometry g = geometry();
                if (g == null || g.isEmpty()) return false;
                Envelope e = g.getEnvelopeInternal();
                minX = e.getMinX();
                maxX = e.getMaxX();
                minY = e.getMinY();
                maxY = e.getMaxY();
            }
            return true;
        }

        private static double doubleAt(byte[] b, int o, boolean littleEndian) {
            long v = 0;
            if (littleEndian) {
                for (int i = 7; i >= 0; i--) v = v << 8 | (b[o + i] & 0xff);
            } else {
                for (int i = 0; i < 8; i++) v = v << 8 | (b[o + i] & 0xff);
            }
            return Double.longBitsToDouble(v);
        }

        boolean meets(Envelope a) {
            return minX <= a.getMaxX() && maxX >= a.getMinX() && minY <= a.getMaxY() && maxY >= a.getMinY();
        }

        @Override
        protected long id() {
            try {
                return rs.getLong(1);
            } catch (SQLException e) {
                return -1;
            }
        }

        @Override
        public Feature attributes() {
            Object[] values = new Object[fields.size()];
            try {
                for (int i = 0; i < values.length; i++) {
                    values[i] = GeoPackageValues.fromSql(rs.getObject(i + 3), fields.get(i).type());
                }
            } catch (SQLException e) {
                throw new StreamedReadException(GeoPackageReader.sqlProblem(path, e, Localization.text("io.layer2", table)));
            }
            return new Feature(id(), null, schema, values);
        }
    }

    /**
     * The key of the row at place {@code row} of the keys [from, to), for a message about it; -1
     * when it cannot be read.
     */
    private long keyAt(long from, long to, int row) {
        try {
            return onConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT rowid FROM " + GeoPackageReader.quote(table)
                        + " WHERE rowid >= ? AND rowid < ? ORDER BY rowid LIMIT 1 OFFSET ?")) {
                    ps.setLong(1, from);
                    ps.setLong(2, to);
                    ps.setInt(3, row);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getLong(1) : -1L;
                    }
                }
            });
        } catch (StreamedReadException e) {
            return -1;
        }
    }

    /**
     * Rows of a chunk, kept for the bands that draw them: envelope, blob, and either key and
     * attributes (when asked for) or the row's place in the chunk (its key then looked up if need be).
     */
    private final class RowChunk implements Chunk {
        private final long from;
        private final long to;
        /** Keys with the attributes, else rows' places in the chunk's query. */
        private long[] ids;
        private double[] boxes;
        private byte[][] blobs;
        private int[] wkbs;
        private Feature[] features;
        private int size;

        /** @param rows the rows expected (the arrays grow past it if need be) */
        RowChunk(int rows, boolean attributes, long from, long to) {
            this.from = from;
            this.to = to;
            int n = Math.max(16, rows);
            ids = new long[n];
            boxes = new double[4 * n];
            blobs = new byte[n][];
            wkbs = new int[n];
            features = attributes ? new Feature[n] : null;
        }

        /**
         * @param row the row's place in the chunk's query: kept instead of its key without the
         *            attributes (reading keys is one native call a row: 500k footprints 0.1 s)
         */
        void add(RowCursor c, int row) {
            if (size == ids.length) {
                int n = 2 * size;
                ids = java.util.Arrays.copyOf(ids, n);
                boxes = java.util.Arrays.copyOf(boxes, 4 * n);
                blobs = java.util.Arrays.copyOf(blobs, n);
                wkbs = java.util.Arrays.copyOf(wkbs, n);
                if (features != null) features = java.util.Arrays.copyOf(features, n);
            }
            // With the attributes, the key comes with them (read once).
            Feature f = features != null ? c.attributes() : null;
            ids[size] = f != null ? f.id() : row;
            boxes[4 * size] = c.minX();
            boxes[4 * size + 1] = c.minY();
            boxes[4 * size + 2] = c.maxX();
            boxes[4 * size + 3] = c.maxY();
            blobs[size] = c.blob;
            wkbs[size] = c.wkb;
            if (features != null) features[size] = f;
            size++;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public void visit(Envelope area, Visitor visitor) {
            ChunkCursor cursor = new ChunkCursor(this);
            double ax0 = area.getMinX();
            double ay0 = area.getMinY();
            double ax1 = area.getMaxX();
            double ay1 = area.getMaxY();
            for (int i = 0; i < size; i++) {
                int b = 4 * i;
                if (boxes[b] <= ax1 && boxes[b + 2] >= ax0 && boxes[b + 1] <= ay1 && boxes[b + 3] >= ay0) {
                    cursor.at(i);
                    visitor.visit(cursor);
                }
            }
        }
    }

    /** A feature of a chunk, for one band's visit. */
    private final class ChunkCursor extends BlobCursor {
        private final RowChunk chunk;
        private int i;

        ChunkCursor(RowChunk chunk) {
            this.chunk = chunk;
        }

        void at(int index) {
            i = index;
            int b = 4 * i;
            minX = chunk.boxes[b];
            minY = chunk.boxes[b + 1];
            maxX = chunk.boxes[b + 2];
            maxY = chunk.boxes[b + 3];
            reset(chunk.blobs[i], chunk.wkbs[i]);
        }

        @Override
        protected long id() {
            return chunk.features != null ? chunk.ids[i] : keyAt(chunk.from, chunk.to, (int) chunk.ids[i]);
        }

        @Override
        public Feature attributes() {
            return chunk.features != null ? chunk.features[i] : new Feature(id(), null, schema, new Object[fields.size()]);
        }
    }
}
