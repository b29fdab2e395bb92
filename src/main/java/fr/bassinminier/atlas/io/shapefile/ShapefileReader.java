package fr.bassinminier.atlas.io.shapefile;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.crs.PrjRecognizer;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import fr.bassinminier.atlas.io.Dataset;
import fr.bassinminier.atlas.io.FormatReader;
import fr.bassinminier.atlas.io.TextDecoding;
import fr.bassinminier.atlas.io.shapefile.ShpReader.ShpContent;
import fr.bassinminier.atlas.io.shapefile.ShpReader.ShpRecord;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.VectorLayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Reads an ESRI shapefile (.shp with its .shx, .dbf, .prj, .cpg) into one layer named after the
 * file. Geometry is decoded by hand (see {@link ShpReader}); attributes through javadbf (see
 * {@link DbfTable}).
 *
 * <p>What is required: the .shp and the .dbf. A missing .shx is a warning, not an error (see
 * {@link ShxIndex}); a missing .prj gives an unknown CRS with no definition, for the caller to
 * decide; an unrecognised .prj an unknown CRS carrying its WKT. A .dbf whose record count
 * differs from the .shp's is an error: pairing shapes with the wrong attributes would be worse.
 * Records marked deleted in the .dbf are skipped, as GDAL does; feature ids are the 0-based
 * record numbers (GDAL's FIDs), so they stay stable across deletions.
 *
 * <p>Warnings (missing index, ignored trailing bytes, encoding overridden…) go to the consumer
 * given to {@link #readLayer(ShapefileSource, Consumer)}, or to the logger.
 */
public final class ShapefileReader implements FormatReader {
    public static final String FORMAT_NAME = "ESRI Shapefile";
    private static final System.Logger LOG = System.getLogger(ShapefileReader.class.getName());
    private static final int MAX_PRJ_BYTES = 64 << 10;
    private static final int MAX_CPG_BYTES = 1 << 10;

    private final GeometryFactory factory = new GeometryFactory();

    @Override
    public String formatName() {
        return FORMAT_NAME;
    }

    @Override
    public boolean canRead(Path path) {
        if (path == null || path.getFileName() == null) return false;
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".shp");
    }

    @Override
    public Dataset read(Path path) throws DataException {
        fr.bassinminier.atlas.io.InputFiles.requireRegularFile(path);
        ShapefileFiles files;
        try {
            files = new ShapefileFiles(path);
        } catch (IOException e) {
            throw new DataException(path, Problem.IO, Localization.text("io.cannotListShapefileS", describe(e)), e);
        }
        return new Dataset(path, FORMAT_NAME, List.of(readLayer(files)));
    }

    public VectorLayer readLayer(ShapefileSource source) throws DataException {
        return readLayer(source, w -> LOG.log(System.Logger.Level.WARNING, w));
    }

    /** Reads one shapefile set; warnings are French, user-facing, and name the file. */
    public VectorLayer readLayer(ShapefileSource source, Consumer<String> warnings) throws DataException {
        Failures failures = new Failures(source, warnings);
        if (!source.has("shp")) {
            throw failures.fail(Problem.MISSING_PART, "shp", Localization.get("io.shpFileMissing"));
        }
        if (!source.has("dbf")) {
            throw failures.fail(Problem.MISSING_PART, "shp", Localization.text("io.attributeFileMissingShapefile", source.partName("dbf")));
        }
        String part = "shp";
        try {
            ShpContent shp = new ShpReader(source, failures, factory).read();
            part = "shx";
            ShxIndex.Resolution index = ShxIndex.resolve(source, failures, shp.records());
            List<ShpRecord> records = index.features();
            part = "prj";
            CrsId crs = readCrs(source, failures);
            part = "cpg";
            Charset cpg = readCpg(source, failures);
            part = "dbf";
            try (DbfTable dbf = DbfTable.open(source, failures, cpg)) {
                if (dbf.recordCount() != records.size()) {
                    String shx = index.indexEntries() >= 0 && index.indexEntries() != records.size()
                            ? Localization.text("io.shxIndex", index.indexEntries()) : "";
                    throw failures.fail(Problem.INCONSISTENT, "dbf", Localization.text("io.attributeTableHoldsRecord", dbf.recordCount(), source.partName("shp"), records.size(), shx));
                }
                Schema schema = dbf.schema();
                List<Feature> features = new ArrayList<>(records.size());
                GeometryType type = shp.type().startingLayerType();
                Object[] values = new Object[schema.size()];
                for (int i = 0; i < records.size(); i++) {
                    if (!dbf.next(values)) continue;
                    Geometry g = records.get(i).geometry();
                    if (g != null) type = type.merge(GeometryType.of(g));
                    features.add(new Feature(i, g, schema, values));
                }
                return new VectorLayer(source.baseName(), type, crs, schema, features);
            }
        } catch (IOException e) {
            DataException refusal = refusal(e);
            if (refusal != null) throw refusal;
            throw failures.fail(Problem.IO, part, Localization.text("io.cannotRead3", describe(e)), e);
        } catch (RuntimeException e) {
            DataException refusal = refusal(e);
            if (refusal != null) throw refusal;
            // A defect in a library on data it did not expect: say which file, not which class.
            throw failures.fail(Problem.CORRUPT, part, Localization.get("io.unreadableDamagedContent"), e);
        }
    }

    static CrsId readCrs(ShapefileSource source, Failures failures) throws IOException {
        if (!source.has("prj")) {
            failures.warn("shp", Localization.get("io.prjFileMissingUnknown"));
            return CrsId.unknown(null);
        }
        byte[] bytes;
        try (InputStream in = source.open("prj")) {
            bytes = PartIO.readSmall(in, MAX_PRJ_BYTES);
        }
        if (bytes == null) {
            failures.warn("prj", Localization.get("io.fileTooLargeProjection"));
            return CrsId.unknown(null);
        }
        String wkt = new String(bytes, TextDecoding.guess(bytes));
        if (wkt.startsWith("\uFEFF")) wkt = wkt.substring(1);
        wkt = wkt.strip();
        if (wkt.isEmpty()) return CrsId.unknown(null);
        CrsId crs = PrjRecognizer.recognize(wkt);
        if (!crs.isKnown()) failures.warn("prj", Localization.get("io.coordinateSystemRecognised"));
        return crs;
    }

    static Charset readCpg(ShapefileSource source, Failures failures) throws IOException {
        if (!source.has("cpg")) return null;
        byte[] bytes;
        try (InputStream in = source.open("cpg")) {
            bytes = PartIO.readSmall(in, MAX_CPG_BYTES);
        }
        String name = bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1).strip();
        Charset cs = TextDecoding.fromCpg(name);
        if (cs == null) failures.warn("cpg", Localization.text("io.unknownEncodingIgnored", name));
        return cs;
    }

    /**
     * The DataException a source raised to refuse reading further (an archive's limits), found
     * in the cause chain since libraries like javadbf wrap what they catch.
     */
    static DataException refusal(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof DataException d) return d;
            if (c.getCause() == c) break;
        }
        return null;
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) return Localization.get("io.fileFound2");
        if (e instanceof AccessDeniedException) return Localization.get("io.accessDenied");
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
