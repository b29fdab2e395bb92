package fr.bassinminier.atlas.io.shapefile;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import fr.bassinminier.atlas.io.FormatWriter;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.VectorLayer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * Writes one layer as a shapefile: .shp, .shx, .dbf (UTF-8, see {@link DbfWriter}), .cpg
 * ("UTF-8") and .prj (when the CRS has a known ESRI WKT, see {@link EsriWkt}).
 *
 * <p>The shape type follows the geometries: Point, or MultiPoint if any feature is multi;
 * PolyLine; Polygon; their Z variant when any coordinate has a Z. A layer mixing points, lines
 * and polygons cannot be a shapefile and is refused. Every part is first written to a temporary
 * file beside the target and moved into place only when all are complete, so a failure leaves
 * any previous shapefile as it was; spatial indexes (.sbn, .sbx, .qix) and a .prj left from an
 * older file of the same name are removed, since they would describe other data.
 */
public final class ShapefileWriter implements FormatWriter {
    private static final System.Logger LOG = System.getLogger(ShapefileWriter.class.getName());
    private static final String[] STALE = {"sbn", "sbx", "qix", "prj"};

    @Override
    public String formatName() {
        return ShapefileReader.FORMAT_NAME;
    }

    @Override
    public boolean canWrite(Path path) {
        return path != null && path.getFileName() != null
                && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".shp");
    }

    @Override
    public void write(Path path, List<VectorLayer> layers) throws DataException {
        if (layers.size() != 1) {
            throw new DataException(path, Problem.UNSUPPORTED_FORMAT, Localization.text("io.shapefileHoldsOnlyOne", layers.size()));
        }
        write(path, layers.get(0), w -> LOG.log(System.Logger.Level.WARNING, w));
    }

    public void write(Path path, VectorLayer layer, Consumer<String> warnings) throws DataException {
        ShapeType type = shapeType(path, layer);
        List<DbfWriter.Column> columns = DbfWriter.plan(layer.schema(), layer.features(), warnings);
        if (!DbfWriter.fits(columns)) {
            throw new DataException(path, Problem.TOO_LARGE, Localization.get("io.tooManyFieldsFields"));
        }
        String wkt = EsriWkt.of(layer.crs());
        if (wkt == null && layer.crs() != null && layer.crs().isKnown()) {
            warnings.accept(Localization.text("io.knownPrjDefinitionPrj", path.getFileName(), layer.crs()));
        }

        Path dir = path.toAbsolutePath().getParent();
        String file = path.getFileName().toString();
        String base = file.substring(0, file.length() - 4);
        boolean upper = file.endsWith(".SHP");
        Map<String, Path> targets = new LinkedHashMap<>();
        Map<String, Path> temps = new LinkedHashMap<>();
        try {
            // The .shp goes last: were moving interrupted, the old .shp and the new .dbf would
            // disagree on their record count, which the reader reports, instead of pairing silently.
            String tag = Long.toHexString(System.nanoTime());
            for (String ext : wkt != null ? List.of("shx", "dbf", "cpg", "prj", "shp") : List.of("shx", "dbf", "cpg", "shp")) {
                targets.put(ext, dir.resolve(base + "." + (upper ? ext.toUpperCase(Locale.ROOT) : ext)));
                // Not Files.createTempFile: its owner-only permissions would stay on the moved file.
                temps.put(ext, Files.createFile(dir.resolve("." + base + "-" + tag + "." + ext + ".tmp")));
            }
            writeShapes(temps.get("shp"), temps.get("shx"), type, layer.features());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temps.get("dbf")), 1 << 16)) {
                DbfWriter.write(out, columns, layer.features());
            }
            Files.writeString(temps.get("cpg"), "UTF-8", StandardCharsets.US_ASCII);
            if (wkt != null) Files.writeString(temps.get("prj"), wkt, StandardCharsets.UTF_8);

            for (String ext : STALE) {
                if (!targets.containsKey(ext)) {
                    Files.deleteIfExists(dir.resolve(base + "." + ext));
                    Files.deleteIfExists(dir.resolve(base + "." + ext.toUpperCase(Locale.ROOT)));
                }
            }
            for (String ext : targets.keySet()) move(temps.get(ext), targets.get(ext));
        } catch (TooLarge e) {
            throw new DataException(path, Problem.TOO_LARGE, e.getMessage());
        } catch (IOException e) {
            throw new DataException(path, Problem.WRITE_FAILED, Localization.text("io.cannotWrite", (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName())), e);
        } finally {
            for (Path t : temps.values()) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException ignored) {
                    // A leftover hidden temporary file is harmless.
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The shape type for the layer's geometries; refuses what a shapefile cannot hold. */
    static ShapeType shapeType(Path path, VectorLayer layer) throws DataException {
        GeometryType.Family family = null;
        boolean multiPoint = false;
        boolean z = false;
        for (Feature f : layer.features()) {
            Geometry g = f.geometry();
            if (g == null || g.isEmpty()) continue;
            if (g instanceof GeometryCollection && !(g instanceof MultiPoint || g instanceof MultiLineString
                    || g instanceof MultiPolygon)) {
                throw new DataException(path, Problem.UNSUPPORTED_FORMAT, Localization.text("io.featureGeometryCollectionWhich", f.id()));
            }
            GeometryType.Family fam = GeometryType.of(g).family();
            if (family != null && fam != family) {
                throw new DataException(path, Problem.UNSUPPORTED_FORMAT, Localization.get("io.layerMixesGeometriesDifferent"));
            }
            family = fam;
            multiPoint |= g instanceof MultiPoint;
            if (!z) {
                for (Coordinate c : g.getCoordinates()) {
                    if (!Double.isNaN(c.getZ())) {
                        z = true;
                        break;
                    }
                }
            }
        }
        if (family == null) {
            GeometryType declared = layer.geometryType();
            if (declared == null || declared.family() == GeometryType.Family.MIXED) return ShapeType.NULL;
            family = declared.family();
            multiPoint = declared == GeometryType.MULTIPOINT;
        }
        return switch (family) {
            case POINT -> multiPoint ? (z ? ShapeType.MULTIPOINT_Z : ShapeType.MULTIPOINT) : (z ? ShapeType.POINT_Z : ShapeType.POINT);
            case LINE -> z ? ShapeType.POLYLINE_Z : ShapeType.POLYLINE;
            case POLYGON -> z ? ShapeType.POLYGON_Z : ShapeType.POLYGON;
            default -> ShapeType.NULL;
        };
    }

    private static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    private static void writeShapes(Path shpPath, Path shxPath, ShapeType type, List<Feature> features)
            throws IOException {
        try (FileChannel shp = FileChannel.open(shpPath, StandardOpenOption.WRITE);
             FileChannel shx = FileChannel.open(shxPath, StandardOpenOption.WRITE)) {
            Envelope all = new Envelope();
            double zMin = Double.POSITIVE_INFINITY;
            double zMax = Double.NEGATIVE_INFINITY;
            long offset = 100;
            shp.position(100);
            shx.position(100);
            ByteBuffer index = ByteBuffer.allocate(8);
            ByteBuffer header = ByteBuffer.allocate(8);
            int number = 1;
            for (Feature f : features) {
                Geometry g = f.geometry();
                byte[] content = ShapeEncoder.encode(g, type);
                if (g != null && !g.isEmpty()) {
                    all.expandToInclude(g.getEnvelopeInternal());
                    if (type.hasZ) {
                        for (Coordinate c : g.getCoordinates()) {
                            double cz = Double.isNaN(c.getZ()) ? 0 : c.getZ();
                            zMin = Math.min(zMin, cz);
                            zMax = Math.max(zMax, cz);
                        }
                    }
                }
                if (offset + 8 + content.length > Integer.MAX_VALUE) {
                    throw new TooLarge(Localization.get("io.shpFileWouldExceed"));
                }
                header.clear();
                header.putInt(number++).putInt(content.length / 2).flip();
                writeFully(shp, header);
                writeFully(shp, ByteBuffer.wrap(content));
                index.clear();
                index.putInt((int) (offset / 2)).putInt(content.length / 2).flip();
                writeFully(shx, index);
                offset += 8 + content.length;
            }
            if (all.isNull()) all = new Envelope(0, 0, 0, 0);
            if (zMin > zMax) zMin = zMax = 0;
            writeFully(shp.position(0), fileHeader(offset, type, all, zMin, zMax));
            writeFully(shx.position(0), fileHeader(100 + 8L * features.size(), type, all, zMin, zMax));
        }
    }

    private static ByteBuffer fileHeader(long length, ShapeType type, Envelope env, double zMin, double zMax) {
        ByteBuffer b = ByteBuffer.allocate(100);
        b.order(ByteOrder.BIG_ENDIAN).putInt(0, ShpReader.FILE_CODE).putInt(24, (int) (length / 2));
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, type.code)
                .putDouble(36, env.getMinX()).putDouble(44, env.getMinY())
                .putDouble(52, env.getMaxX()).putDouble(60, env.getMaxY())
                .putDouble(68, zMin).putDouble(76, zMax).putDouble(84, 0).putDouble(92, 0);
        return b;
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) ch.write(b);
    }
}
