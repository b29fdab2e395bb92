package fr.bassinminier.atlas.io.geopackage;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.crs.PrjRecognizer;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import fr.bassinminier.atlas.io.Dataset;
import fr.bassinminier.atlas.io.FormatReader;
import fr.bassinminier.atlas.io.ReadLimits;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.VectorLayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Reads the feature layers of a GeoPackage (OGC 12-128r18).
 *
 * <p>Plain JDBC over sqlite-jdbc rather than NGA's GeoPackage API, although NGA is kept for
 * writing ({@link GeoPackageWriter}), because on the reading side NGA 6.6.5 gets in the way:
 * <ul>
 * <li>it has no read-only mode: {@code GeoPackageManager.open} always opens two read-write
 * connections (JDBC and ORMLite), its "writable" flag is only a flag. Here the file is opened
 * with SQLite's READONLY open flag, so the user's file cannot be modified;</li>
 * <li>{@code getFeatureDao} parses each SRS definition with its own WKT parser and logs stack
 * traces through java.util.logging when it fails, which an unknown SRS must not do;</li>
 * <li>its geometries are its own model: blob → NGA geometry → WKB → JTS parses twice, where the
 * blob header is 8 bytes plus an envelope (§2.1.3) in front of standard WKB that JTS reads.</li>
 * </ul>
 */
public final class GeoPackageReader implements FormatReader {
    public static final String FORMAT_NAME = "GeoPackage";

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** application_id values: 'GPKG' (1.2+), 'GP10', 'GP11' (older versions). */
    private static final Set<Integer> GPKG_APPLICATION_IDS = Set.of(0x47504B47, 0x47503130, 0x47503131);
    /** How long to wait on a file locked by another program before giving up, in ms. */
    private static final int BUSY_TIMEOUT_MS = 3000;

    @Override
    public String formatName() {
        return FORMAT_NAME;
    }

    @Override
    public boolean canRead(Path path) {
        try {
            if (path == null || Files.isDirectory(path)) return false;
            Path name = path.getFileName();
            if (name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".gpkg")) return true;
            byte[] head = readHead(path);
            return isSqlite(head) && head.length >= 72 && GPKG_APPLICATION_IDS.contains(readInt(head, 68));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public Dataset read(Path path) throws DataException {
        return read(path, ReadLimits.defaults());
    }

    /** Reads within the given budget (features, vertices, layers, SQL value size and time). */
    public Dataset read(Path path, ReadLimits limits) throws DataException {
        checkHeader(path);
        SqliteNative.prepare();
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        ReadLimits.Counter counter = limits.counter(path);
        try (Connection c = config.createConnection(url(path))) {
            if (c instanceof org.sqlite.SQLiteConnection sc) {
                // A view computing a 300-million-character text fails at once instead.
                sc.setLimit(org.sqlite.SQLiteLimits.SQLITE_LIMIT_LENGTH, limits.maxTextChars());
            }
            Deadline deadline = new Deadline();
            ProgressHandler.setHandler(c, 1000, deadline);
            deadline.start(limits.tableMillis());
            checkTables(path, c);
            Map<Integer, CrsId> srs = readSpatialRefSys(c);
            List<LayerInfo> infos = readContents(path, c);
            if (infos.size() > limits.maxLayers()) {
                throw new DataException(path, Problem.TOO_LARGE, Localization.text("io.layersDeclaredMoreThan", infos.size(), limits.maxLayers()));
            }
            Set<String> views = views(c);
            List<VectorLayer> layers = new ArrayList<>(infos.size());
            for (LayerInfo info : infos) {
                CrsId crs = info.srsId == null ? CrsId.unknown(null)
                        : srs.getOrDefault(info.srsId, CrsId.unknown(null));
                boolean view = views.contains(info.table.toLowerCase(Locale.ROOT));
                deadline.start(view ? limits.viewMillis() : limits.tableMillis());
                try {
                    layers.add(readLayer(path, c, info, crs, counter));
                } catch (DataException e) {
                    if (deadline.expired) throw timeout(path, info, view, view ? limits.viewMillis() : limits.tableMillis());
                    if (deadline.cancelled) throw ReadLimits.cancelled(path);
                    throw e;
                }
            }
            return new Dataset(path, FORMAT_NAME, layers);
        } catch (SQLException e) {
            throw sqlProblem(path, e, null);
        }
    }

    /**
     * A read-only URI: with immutable=1 SQLite takes no lock and creates no -wal/-shm file
     * beside the user's file (a GeoPackage in WAL mode otherwise gets both, even read-only).
     * When a -wal file is already there, another program is writing: the file is opened
     * read-only without immutable, so committed data still in that -wal is seen.
     */
    static String url(Path path) {
        Path abs = path.toAbsolutePath();
        if (Files.exists(abs.resolveSibling(abs.getFileName() + "-wal"))) return "jdbc:sqlite:" + abs;
        return "jdbc:sqlite:" + abs.toUri().toASCIIString() + "?mode=ro&immutable=1";
    }

    private static Set<String> views(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT lower(name) FROM sqlite_master WHERE type = 'view'")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private static DataException timeout(Path path, LayerInfo info, boolean view, long millis) {
        String what = view ? Localization.text("io.layerSqlViewSaved", info.table)
                : Localization.text("io.layer", info.table);
        return new DataException(path, Problem.TOO_LARGE, Localization.text("io.readWithinSReading", what, millis / 1000, (view ? Localization.get("io.saveResultViewInto")
                        : Localization.get("io.splitFileRaiseLimit"))));
    }

    /** Interrupts SQLite's work past a deadline or when the reading thread is interrupted. */
    private static final class Deadline extends ProgressHandler {
        private volatile long end;
        volatile boolean expired;
        volatile boolean cancelled;

        void start(long millis) {
            end = System.nanoTime() + millis * 1_000_000;
            expired = false;
        }

        @Override
        protected int progress() {
            if (Thread.currentThread().isInterrupted()) cancelled = true;
            else if (System.nanoTime() - end > 0) expired = true;
            return expired || cancelled ? 1 : 0;
        }
    }

    // ---------------------------------------------------------------------------------------
    // The file before SQLite sees it: a text file, an empty file or a truncated copy gets a
    // clear message instead of whatever SQLite makes of it.

    static void checkHeader(Path path) throws DataException {
        if (!Files.exists(path)) {
            throw new DataException(path, Problem.NOT_FOUND, Localization.get("io.fileFound"));
        }
        if (Files.isDirectory(path)) {
            throw new DataException(path, Problem.UNSUPPORTED_FORMAT,
                    Localization.get("io.folderGeopackageFile"));
        }
        fr.bassinminier.atlas.io.InputFiles.requireRegularFile(path);
        byte[] head;
        long size;
        try {
            head = readHead(path);
            size = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new DataException(path, Problem.NOT_FOUND, Localization.get("io.fileFound"), e);
        } catch (IOException e) {
            throw new DataException(path, Problem.IO, Localization.text("io.cannotRead", e.getMessage()), e);
        }
        if (size == 0) {
            throw new DataException(path, Problem.UNSUPPORTED_FORMAT,
                    Localization.get("io.fileEmptyGeopackage"));
        }
        if (!isSqlite(head)) {
            if (head.length < SQLITE_MAGIC.length && startsLikeSqlite(head)) {
                throw new DataException(path, Problem.CORRUPT,
                        Localization.text("io.truncatedGeopackageFileOnly", size));
            }
            throw new DataException(path, Problem.UNSUPPORTED_FORMAT,
                    Localization.get("io.sqliteDatabaseSoGeopackage"));
        }
        if (head.length < 100) {
            throw new DataException(path, Problem.CORRUPT,
                    Localization.text("io.truncatedGeopackageFileOnly", size));
        }
        // Database header (sqlite.org/fileformat.html §1.3): page size at 16, change counter at
        // 24, size in pages at 28, valid when the "version-valid-for" number at 92 matches.
        int pageSize = ((head[16] & 0xff) << 8) | (head[17] & 0xff);
        if (pageSize == 1) pageSize = 65536;
        if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
            throw new DataException(path, Problem.CORRUPT,
                    Localization.text("io.damagedSqliteHeaderPage", pageSize));
        }
        long pages = readInt(head, 28) & 0xffffffffL;
        boolean pagesValid = pages > 0 && readInt(head, 24) == readInt(head, 92);
        long expected = pages * pageSize;
        if ((pagesValid && size < expected) || size % pageSize != 0) {
            throw new DataException(path, Problem.CORRUPT, Localization.text("io.truncatedIncompleteGeopackageFile", size, (pagesValid ? Localization.text("io.instead", expected) : "")));
        }
    }

    private static byte[] readHead(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(100);
        }
    }

    private static boolean isSqlite(byte[] head) {
        if (head.length < SQLITE_MAGIC.length) return false;
        for (int i = 0; i < SQLITE_MAGIC.length; i++) {
            if (head[i] != SQLITE_MAGIC[i]) return false;
        }
        return true;
    }

    private static boolean startsLikeSqlite(byte[] head) {
        if (head.length < 6) return false;
        for (int i = 0; i < head.length; i++) {
            if (head[i] != SQLITE_MAGIC[i]) return false;
        }
        return true;
    }

    private static int readInt(byte[] b, int offset) {
        return ByteBuffer.wrap(b, offset, 4).getInt();
    }

    // ---------------------------------------------------------------------------------------
    // GeoPackage tables.

    static void checkTables(Path path, Connection c) throws SQLException, DataException {
        Set<String> tables = new HashSet<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT lower(name) FROM sqlite_master WHERE type IN ('table','view')")) {
            while (rs.next()) tables.add(rs.getString(1));
        }
        if (!tables.contains("gpkg_contents") || !tables.contains("gpkg_spatial_ref_sys")) {
            throw new DataException(path, Problem.UNSUPPORTED_FORMAT,
                    Localization.get("io.sqliteDatabaseGeopackageTables"));
        }
        if (!tables.contains("gpkg_geometry_columns")) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(
                         "SELECT count(*) FROM gpkg_contents WHERE lower(data_type) = 'features'")) {
                if (rs.next() && rs.getLong(1) > 0) {
                    throw new DataException(path, Problem.CORRUPT,
                            Localization.get("io.incompleteGeopackageGpkgGeometry"));
                }
            }
            throw new DataException(path, Problem.UNSUPPORTED_FORMAT,
                    Localization.get("io.geopackageHoldsVectorLayer"));
        }
    }

    /**
     * srs_id → CRS. An EPSG row gives "EPSG:n"; another organisation (or NONE) gives what the
     * definition is recognised as, else an unknown CRS keeping the definition.
     */
    static Map<Integer, CrsId> readSpatialRefSys(Connection c) throws SQLException {
        Map<Integer, CrsId> out = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT srs_id, organization, organization_coordsys_id, definition "
                     + "FROM gpkg_spatial_ref_sys")) {
            while (rs.next()) {
                int id = rs.getInt(1);
                String org = rs.getString(2);
                int code = rs.getInt(3);
                String def = rs.getString(4);
                if (def != null && def.strip().equalsIgnoreCase("undefined")) def = null;
                CrsId crs;
                if (org != null && org.strip().equalsIgnoreCase("EPSG") && code > 0) {
                    crs = CrsId.epsg(code);
                } else if (def != null) {
                    crs = PrjRecognizer.recognize(def);
                } else {
                    crs = CrsId.unknown(null);
                }
                out.put(id, crs);
            }
        }
        return out;
    }

    record LayerInfo(String table, String name, String geometryColumn, GeometryType type, Integer srsId) {
    }

    static List<LayerInfo> readContents(Path path, Connection c) throws SQLException, DataException {
        List<LayerInfo> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean nonFeatures = false;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT c.table_name, c.identifier, c.data_type, g.column_name, "
                     + "g.geometry_type_name, coalesce(g.srs_id, c.srs_id) "
                     + "FROM gpkg_contents c LEFT JOIN gpkg_geometry_columns g "
                     + "ON g.table_name = c.table_name COLLATE NOCASE ORDER BY c.rowid")) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (!"features".equalsIgnoreCase(rs.getString(3))) {
                    nonFeatures = true;
                    continue;
                }
                // The identifier is the layer's human-readable name (the writer puts the original
                // name there when it had to sanitise the table name); it is unique in the table.
                String identifier = rs.getString(2);
                String name = identifier != null && !identifier.isBlank() && names.add(identifier)
                        ? identifier : table;
                names.add(name);
                String geomColumn = rs.getString(4);
                GeometryType type = geomColumn == null ? GeometryType.NONE
                        : GeometryType.fromName(rs.getString(5));
                int srs = rs.getInt(6);
                out.add(new LayerInfo(table, name, geomColumn, type, rs.wasNull() ? null : srs));
            }
        }
        if (out.isEmpty() && nonFeatures) {
            throw new DataException(path, Problem.UNSUPPORTED_FORMAT,
                    Localization.get("io.geopackageHoldsVectorLayer"));
        }
        return out;
    }

    private record Column(String name, Field field) {
    }

    private static VectorLayer readLayer(Path path, Connection c, LayerInfo info, CrsId crs,
                                         ReadLimits.Counter counter) throws DataException {
        String where = Localization.text("io.layer2", info.table);
        try {
            List<Column> columns = new ArrayList<>();
            String pk = null;
            int pkCount = 0;
            String pkType = null;
            String geomColumn = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT name, type, pk FROM pragma_table_info(?)")) {
                ps.setString(1, info.table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        String type = rs.getString(2);
                        if (rs.getInt(3) > 0) {
                            pkCount++;
                            pk = name;
                            pkType = type;
                        }
                        if (info.geometryColumn != null && name.equalsIgnoreCase(info.geometryColumn)) {
                            geomColumn = name;
                            continue;
                        }
                        GeoPackageValues.Declared d = GeoPackageValues.declared(type);
                        if (d != null) columns.add(new Column(name, new Field(name, d.type(), d.length(), 0)));
                    }
                }
            }
            if (columns.isEmpty() && pk == null && geomColumn == null) {
                throw new DataException(path, Problem.CORRUPT,
                        Localization.text("io.declaredGpkgContentsBut", where));
            }
            if (info.geometryColumn != null && geomColumn == null) {
                throw new DataException(path, Problem.CORRUPT, Localization.text("io.geometryColumnDeclaredMissing", info.geometryColumn, where));
            }
            // The primary key is the feature id, not an attribute (as GDAL and QGIS show it).
            boolean pkIsId = pkCount == 1 && pkType != null
                    && pkType.strip().toUpperCase(Locale.ROOT).startsWith("INT");
            if (pkIsId) {
                String pkName = pk;
                columns.removeIf(col -> col.name.equals(pkName));
            }
            List<Field> fields = new ArrayList<>(columns.size());
            for (Column col : columns) fields.add(col.field);
            Schema schema = new Schema(fields);

            StringBuilder sql = new StringBuilder("SELECT ");
            sql.append(pkIsId ? quote(pk) : "NULL").append(", ");
            sql.append(geomColumn != null ? quote(geomColumn) : "NULL");
            for (Column col : columns) sql.append(", ").append(quote(col.name));
            sql.append(" FROM ").append(quote(info.table));

            GeometryFactory factory = new GeometryFactory();
            List<Feature> features = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
                long row = 0;
                while (rs.next()) {
                    row++;
                    long id = rs.getLong(1);
                    if (rs.wasNull()) id = row;
                    Geometry g = null;
                    byte[] blob = rs.getBytes(2);
                    if (blob != null && blob.length > 0) {
                        try {
                            g = GeoPackageBinary.decode(blob, factory);
                        } catch (GeoPackageBinary.FormatException e) {
                            throw new DataException(path, Problem.CORRUPT, Localization.text("io.unreadableGeometryFeature", where, id, e.getMessage()), e);
                        }
                    }
                    counter.add(g == null ? 0 : g.getNumPoints());
                    Object[] values = new Object[columns.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = GeoPackageValues.fromSql(rs.getObject(i + 3), columns.get(i).field.type());
                    }
                    features.add(new Feature(id, g, schema, values));
                }
            }
            return new VectorLayer(info.name, info.type, crs, schema, features);
        } catch (SQLException e) {
            throw sqlProblem(path, e, where);
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A French message for what SQLite reported, by its result code. */
    static DataException sqlProblem(Path path, SQLException e, String where) {
        String in = where == null ? "" : " en lisant " + where;
        SQLiteErrorCode code = e instanceof SQLiteException se ? se.getResultCode() : null;
        int primary = code == null ? e.getErrorCode() & 0xff : code.code & 0xff;
        return switch (primary) {
            case 11 -> new DataException(path, Problem.CORRUPT,
                    Localization.text("io.damagedGeopackageDatabaseTruncated", in), e);
            case 26 -> new DataException(path, Problem.UNSUPPORTED_FORMAT,
                    Localization.text("io.sqliteDatabaseSoGeopackage2", in), e);
            case 5, 6 -> new DataException(path, Problem.IO,
                    Localization.text("io.fileLockedAnotherProgram", in), e);
            case 14 -> new DataException(path, Problem.IO, Localization.get("io.cannotOpenAccessRights"), e);
            case 10 -> new DataException(path, Problem.IO, Localization.text("io.diskReadError", in), e);
            case 9 -> new DataException(path, Problem.TOO_LARGE, Localization.text("io.readingInterrupted", in), e);
            case 18 -> new DataException(path, Problem.TOO_LARGE, Localization.text("io.valueExceedsSizeLimit", in), e);
            case 7 -> new DataException(path, Problem.TOO_LARGE, Localization.text("io.enoughMemorySqlite", in), e);
            case 1 -> new DataException(path, Problem.CORRUPT,
                    Localization.text("io.invalidGeopackageStructure", in, shortMessage(e)), e);
            default -> new DataException(path, Problem.CORRUPT,
                    Localization.text("io.cannotReadSqlite", in, shortMessage(e)), e);
        };
    }

    private static String shortMessage(SQLException e) {
        String m = e.getMessage() == null ? Localization.get("io.unknownError") : e.getMessage();
        int nl = m.indexOf('\n');
        if (nl >= 0) m = m.substring(0, nl);
        return m.length() > 160 ? m.substring(0, 157) + "…" : m;
    }
}
