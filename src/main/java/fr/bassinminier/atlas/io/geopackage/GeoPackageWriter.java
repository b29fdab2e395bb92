package fr.bassinminier.atlas.io.geopackage;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import fr.bassinminier.atlas.io.FormatWriter;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.VectorLayer;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureTable;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.geopackage.srs.SpatialReferenceSystemDao;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Writes layers to a GeoPackage, one feature table per layer.
 *
 * <p>NGA's API builds the file: the required tables, application_id and user_version, the
 * gpkg_spatial_ref_sys rows, each feature table with its gpkg_contents (bounds, identifier) and
 * gpkg_geometry_columns rows, and the R-tree spatial index with its triggers (extension
 * gpkg_rtree_index). Rows are inserted with one prepared statement on NGA's own JDBC connection,
 * with geometry blobs from {@link GeoPackageBinary}: NGA's row API needs its own geometry model
 * and writes empty geometries without WKB.
 *
 * <p>Atomic: everything is written to a hidden temporary file in the target's folder, which is
 * then renamed over the target ({@link StandardCopyOption#ATOMIC_MOVE}). A failure leaves the
 * previous file as it was and removes the temporary file.
 */
public final class GeoPackageWriter implements FormatWriter {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int BATCH = 1000;
    /** First srs_id given to CRS that are not EPSG ones (GDAL starts its own at 100000 too). */
    private static final int FIRST_CUSTOM_SRS_ID = 100000;
    private static final String UNCHANGED = "le fichier précédent, s'il y en avait un, est inchangé.";

    @Override
    public String formatName() {
        return GeoPackageReader.FORMAT_NAME;
    }

    @Override
    public boolean canWrite(Path path) {
        Path name = path == null ? null : path.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".gpkg");
    }

    @Override
    public void write(Path path, List<VectorLayer> layers) throws DataException {
        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        if (Files.isDirectory(target)) {
            throw new DataException(target, Problem.WRITE_FAILED, Localization.get("io.folderCannotWrite"));
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new DataException(target, Problem.WRITE_FAILED,
                    Localization.get("io.destinationFolderDoesExist"));
        }
        Path tmp = temporaryFile(dir, target.getFileName().toString());
        String[] step = {Localization.get("io.creatingFile")};
        try {
            writeTo(tmp, target, layers, step);
            step[0] = Localization.get("io.replacingFile");
            moveOver(tmp, target);
        } catch (DataException e) {
            deleteQuietly(tmp);
            throw e;
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new DataException(target, Problem.WRITE_FAILED,
                    Localization.text("io.cannotWriteWhile", step[0], describe(e), UNCHANGED), e);
        } catch (SQLException | RuntimeException e) {
            deleteQuietly(tmp);
            String detail = e.getMessage() == null ? "" : " (" + shorten(e.getMessage()) + ")";
            throw new DataException(target, Problem.WRITE_FAILED,
                    Localization.text("io.writingInterruptedWhile", step[0], detail, UNCHANGED), e);
        } catch (Error e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    private static Path temporaryFile(Path dir, String name) {
        // NGA insists on the .gpkg extension; the leading dot hides the file while it is written.
        for (int i = 0; ; i++) {
            Path p = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + ".tmp.gpkg");
            if (!Files.exists(p) || i > 100) return p;
        }
    }

    private static void moveOver(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this should not happen; some network file systems refuse it.
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path tmp) {
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + suffix));
            } catch (IOException ignored) {
                // Best effort: nothing more can be done, and the original error matters more.
            }
        }
    }

    private void writeTo(Path tmp, Path target, List<VectorLayer> layers, String[] step)
            throws IOException, SQLException, DataException {
        GeoPackageManager.create(tmp.toFile(), false);
        GeoPackage gpkg = GeoPackageManager.open(tmp.toFile(), false);
        try {
            Names tables = new Names();
            Set<String> identifiers = new HashSet<>();
            Map<String, Integer> srsIds = new HashMap<>();
            for (VectorLayer layer : layers) {
                step[0] = Localization.text("io.layer2", layer.name());
                writeLayer(target, gpkg, layer, tables, identifiers, srsIds);
            }
            step[0] = Localization.get("io.closingFile");
        } finally {
            gpkg.close();
        }
    }

    private static void writeLayer(Path target, GeoPackage gpkg, VectorLayer layer, Names tables,
                                   Set<String> identifiers, Map<String, Integer> srsIds)
            throws SQLException, DataException {
        String table = tables.claim(tableName(layer.name()));
        String identifier = layer.name() == null || layer.name().isBlank() ? table : layer.name();
        for (int i = 2; !identifiers.add(identifier.toLowerCase(Locale.ROOT)); i++) {
            identifier = layer.name() + " (" + i + ")";
        }
        SpatialReferenceSystem srs = spatialReferenceSystem(gpkg, layer.crs(), srsIds);

        // Column names are kept as they are (quoted everywhere); only clashes are renamed, since
        // SQLite compares names without case.
        Names columns = new Names();
        List<Field> fields = layer.schema().fields();
        Set<String> taken = new HashSet<>();
        for (Field f : fields) taken.add(f.name().toLowerCase(Locale.ROOT));
        String pk = unused("fid", taken);
        columns.claim(pk);
        String geom = unused("geom", taken);
        columns.claim(geom);
        List<String> names = new ArrayList<>(fields.size());
        List<FeatureColumn> featureColumns = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            String name = columns.claim(f.name().isBlank() ? "champ_" + (i + 1) : f.name());
            names.add(name);
            String sqlType = GeoPackageValues.sqlType(f.type(), f.length());
            GeoPackageDataType type = GeoPackageDataType.fromName(sqlType.replaceAll("\\(.*", ""));
            featureColumns.add(f.type() == fr.bassinminier.atlas.model.FieldType.STRING && f.length() > 0
                    ? FeatureColumn.createColumn(name, type, (long) f.length())
                    : FeatureColumn.createColumn(name, type));
        }

        // The declared type must cover every geometry (OGC 12-128r18 req. 32): a "Polygon" layer
        // holding multipolygons is declared MultiPolygon.
        GeometryType declared = layer.geometryType() == null ? GeometryType.NONE : layer.geometryType();
        boolean hasZ = false;
        boolean hasM = false;
        for (Feature f : layer.features()) {
            Geometry g = f.geometry();
            if (g == null || g.isEmpty()) continue;
            declared = declared.merge(GeometryType.of(g));
            if (!hasZ || !hasM) {
                for (var c : g.getCoordinates()) {
                    if (!Double.isNaN(c.getZ())) hasZ = true;
                    if (!Double.isNaN(c.getM())) hasM = true;
                }
            }
        }
        GeometryColumns gc = new GeometryColumns();
        gc.setId(new TableColumnKey(table, geom));
        gc.setGeometryType(sfType(declared));
        gc.setZ((byte) (hasZ ? 2 : 0));
        gc.setM((byte) (hasM ? 2 : 0));
        gc.setSrs(srs);

        Envelope env = layer.bounds();
        BoundingBox box = env.isNull() ? null
                : new BoundingBox(env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY());
        FeatureTableMetadata md = FeatureTableMetadata.create(gc, pk, featureColumns, box);
        md.setIdentifier(identifier);
        md.setDescription("");
        FeatureTable featureTable = gpkg.createFeatureTable(md);

        insertFeatures(target, gpkg.getConnection().getConnection(), layer, table, pk, geom, names,
                (int) srs.getSrsId());

        new RTreeIndexExtension(gpkg).create(featureTable);
    }

    private static void insertFeatures(Path target, Connection c, VectorLayer layer, String table, String pk,
                                       String geom, List<String> names, int srsId)
            throws SQLException, DataException {
        List<Feature> features = layer.features();
        // Ids are kept when they can be primary keys: unique and not negative.
        Set<Long> ids = new HashSet<>();
        boolean keepIds = true;
        for (Feature f : features) {
            if (f.id() < 0 || !ids.add(f.id())) {
                keepIds = false;
                break;
            }
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(GeoPackageReader.quote(table))
                .append(" (").append(GeoPackageReader.quote(pk)).append(", ").append(GeoPackageReader.quote(geom));
        for (String n : names) sql.append(", ").append(GeoPackageReader.quote(n));
        sql.append(") VALUES (?, ?").append(", ?".repeat(names.size())).append(')');

        List<Field> fields = layer.schema().fields();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            long n = 0;
            for (Feature f : features) {
                n++;
                long id = keepIds ? f.id() : n;
                ps.setLong(1, id);
                Geometry g = f.geometry();
                if (g == null) ps.setNull(2, Types.BLOB);
                else ps.setBytes(2, GeoPackageBinary.encode(g, srsId));
                for (int i = 0; i < fields.size(); i++) {
                    Object v;
                    try {
                        v = GeoPackageValues.toSql(f.get(i), fields.get(i).type());
                    } catch (IllegalArgumentException e) {
                        throw new DataException(target, Problem.INCONSISTENT, Localization.text("io.layerFeatureField", layer.name(), f.id(), fields.get(i).name(), e.getMessage(), UNCHANGED), e);
                    }
                    if (v == null) ps.setNull(i + 3, Types.NULL);
                    else ps.setObject(i + 3, v);
                }
                ps.addBatch();
                if (n % BATCH == 0) ps.executeBatch();
            }
            ps.executeBatch();
            c.commit();
        } catch (SQLException | DataException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // The temporary file is deleted anyway; the first error is the one to report.
            }
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** The srs row for the CRS, inserted on first use; srs_id -1 (undefined) when unknown. */
    private static SpatialReferenceSystem spatialReferenceSystem(GeoPackage gpkg, CrsId crs,
                                                                 Map<String, Integer> srsIds)
            throws SQLException {
        SpatialReferenceSystemDao dao = gpkg.getSpatialReferenceSystemDao();
        String key;
        SpatialReferenceSystem srs = new SpatialReferenceSystem();
        if (crs != null && crs.epsgCode() > 0) {
            int code = crs.epsgCode();
            SpatialReferenceSystem existing = dao.queryForId((long) code);
            if (existing != null) return existing;
            SrsDefinitions.Srs known = SrsDefinitions.known(code);
            if (known != null) {
                srs.setSrsName(known.name());
                srs.setSrsId(known.srsId());
                srs.setOrganization(known.organization());
                srs.setOrganizationCoordsysId(known.organizationCoordsysId());
                srs.setDefinition(known.definition());
                srs.setDescription(known.description());
            } else {
                srs.setSrsName("EPSG:" + code);
                srs.setSrsId(code);
                srs.setOrganization("EPSG");
                srs.setOrganizationCoordsysId(code);
                srs.setDefinition(crs.definition() != null && !crs.definition().isBlank()
                        ? crs.definition() : "undefined");
            }
            dao.create(srs);
            return srs;
        }
        boolean hasCode = crs != null && crs.code() != null;
        boolean hasDefinition = crs != null && crs.definition() != null && !crs.definition().isBlank();
        if (!hasCode && !hasDefinition) {
            return dao.queryForId((long) SrsDefinitions.UNDEFINED_CARTESIAN);
        }
        key = hasCode ? crs.code() : crs.definition();
        Integer id = srsIds.get(key);
        if (id != null) return dao.queryForId((long) id);
        int next = FIRST_CUSTOM_SRS_ID;
        while (dao.queryForId((long) next) != null) next++;
        String org = "NONE";
        int orgId = next;
        if (hasCode) {
            int colon = crs.code().indexOf(':');
            if (colon > 0) {
                org = crs.code().substring(0, colon);
                try {
                    orgId = Integer.parseInt(crs.code().substring(colon + 1));
                } catch (NumberFormatException ignored) {
                    orgId = next;
                }
            }
        }
        srs.setSrsName(hasCode ? crs.code() : "Système inconnu");
        srs.setSrsId(next);
        srs.setOrganization(org);
        srs.setOrganizationCoordsysId(orgId);
        srs.setDefinition(hasDefinition ? crs.definition() : "undefined");
        dao.create(srs);
        srsIds.put(key, next);
        return srs;
    }

    private static mil.nga.sf.GeometryType sfType(GeometryType t) {
        return switch (t) {
            case POINT -> mil.nga.sf.GeometryType.POINT;
            case MULTIPOINT -> mil.nga.sf.GeometryType.MULTIPOINT;
            case LINESTRING -> mil.nga.sf.GeometryType.LINESTRING;
            case MULTILINESTRING -> mil.nga.sf.GeometryType.MULTILINESTRING;
            case POLYGON -> mil.nga.sf.GeometryType.POLYGON;
            case MULTIPOLYGON -> mil.nga.sf.GeometryType.MULTIPOLYGON;
            // A layer without any geometry is still a feature table, of the generic type.
            case GEOMETRY, NONE -> mil.nga.sf.GeometryType.GEOMETRY;
        };
    }

    /**
     * A table name: the layer's own name when it is already a plain identifier (letters, digits,
     * underscore, not starting with a digit, not a reserved gpkg_/rtree_/sqlite_ prefix), else a
     * sanitised one: accents removed ("Cités minières" → "Cites_minieres", "Nœux" → "Noeux"),
     * other characters replaced by "_". The original name is kept as the contents identifier.
     */
    static String tableName(String name) {
        String s = name == null ? "" : name.strip();
        if (IDENTIFIER.matcher(s).matches() && !reserved(s)) return s;
        s = s.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE").replace("ß", "ss");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        s = s.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("_{2,}", "_").replaceAll("^_+|_+$", "");
        if (s.isEmpty()) s = "couche";
        if (Character.isDigit(s.charAt(0))) s = "couche_" + s;
        if (reserved(s)) s = "couche_" + s;
        return s;
    }

    private static boolean reserved(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.startsWith("gpkg_") || l.startsWith("rtree_") || l.startsWith("sqlite_");
    }

    private static String unused(String base, Set<String> takenLower) {
        String name = base;
        for (int i = 1; takenLower.contains(name.toLowerCase(Locale.ROOT)); i++) name = base + "_" + i;
        return name;
    }

    /** Names unique without regard to case, as SQLite compares them. */
    private static final class Names {
        private final Set<String> used = new HashSet<>();

        String claim(String wanted) {
            String name = wanted;
            for (int i = 2; !used.add(name.toLowerCase(Locale.ROOT)); i++) name = wanted + "_" + i;
            return name;
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) return Localization.get("io.accessDenied");
        if (e instanceof FileSystemException fse && fse.getReason() != null) return fse.getReason();
        return e.getMessage() == null ? Localization.get("io.inputOutputError") : shorten(e.getMessage());
    }

    private static String shorten(String m) {
        int nl = m.indexOf('\n');
        if (nl >= 0) m = m.substring(0, nl);
        return m.length() > 160 ? m.substring(0, 157) + "…" : m;
    }
}
