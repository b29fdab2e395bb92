package fr.bassinminier.atlas.io.csv;

import fr.bassinminier.atlas.io.AtomicFiles;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.model.Coordinates;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.VectorLayer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;

/**
 * Writes features as a CSV file that French Excel opens straight away with a double click:
 * UTF-8 with a byte-order mark (without it Excel reads Windows-1252 and garbles "Cité"),
 * semicolons between fields (Excel's separator where the decimal mark is a comma), CRLF line
 * ends, decimal commas. Fields are quoted as RFC 4180 says, with ';' as the separator: when
 * they hold ';', '"', CR or LF, doubling inner quotes. Dates are ISO (2023-01-31), booleans
 * "oui"/"non", nulls empty. One header line of field names; an optional first column "WKT"
 * (QGIS's name for it, so QGIS can load the file back as a layer) holds the geometry in the
 * layer's CRS. A text value that a spreadsheet would take for a formula (starting with =, +,
 * -, @, tab or CR: the OWASP CSV-injection rule) is written with a leading apostrophe, which
 * Excel and LibreOffice show as text; numbers are never touched. {@link #unneutralise} undoes
 * it on reading, so the file still round-trips.
 */
public final class CsvExport {
    public static final String WKT_COLUMN = "WKT";
    private static final char SEPARATOR = ';';
    private static final String LINE_END = "\r\n";
    private static final char BOM = '\uFEFF';

    private CsvExport() {
    }

    /** All features of the layer, without geometry. */
    public static void write(Path target, VectorLayer layer) throws DataException {
        write(target, layer, layer.features(), false);
    }

    /**
     * The given features (a selection, or a filtered and sorted table) in the given order,
     * with the layer's fields. The file is replaced atomically: on failure the previous one
     * is intact, and the French message of the exception says so.
     */
    public static void write(Path target, VectorLayer layer, Iterable<Feature> features, boolean withWkt)
            throws DataException {
        AtomicFiles.write(target, out -> write(out, layer.schema(), features, withWkt ? layer.crs() : null, withWkt));
    }

    /**
     * Writes to a stream (left open). {@code wktCrs} only chooses the WKT precision: millimetres
     * for projected coordinates, 1e-7 degree for WGS 84.
     */
    public static void write(OutputStream stream, Schema schema, Iterable<Feature> features, CrsId wktCrs,
                             boolean withWkt) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        w.write(BOM);
        WKTWriter wkt = new WKTWriter(3);
        // Millimetres for projected coordinates, 1e-7 degree (1 cm) for WGS 84: no float noise.
        double scale = wktCrs != null && wktCrs.sameAs(CrsId.WGS84) ? 1e7 : 1e3;
        if (withWkt) w.write(WKT_COLUMN);
        boolean first = !withWkt;
        for (Field f : schema.fields()) {
            if (!first) w.write(SEPARATOR);
            w.write(quote(f.name()));
            first = false;
        }
        w.write(LINE_END);
        int n = schema.size();
        for (Feature feature : features) {
            first = true;
            if (withWkt) {
                Geometry g = feature.geometry();
                w.write(g == null ? "" : quote(wkt.write(Coordinates.round(g, scale))));
                first = false;
            }
            for (int i = 0; i < n; i++) {
                if (!first) w.write(SEPARATOR);
                Object v = feature.get(i);
                w.write(quote(v instanceof CharSequence ? neutralise(format(v)) : format(v)));
                first = false;
            }
            w.write(LINE_END);
        }
        w.flush();
    }

    /** A value as written in a cell, before quoting. */
    public static String format(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) return decimal(d);
        // Via its own text, so that 0.1f gives "0,1" and not "0,10000000149011612".
        if (v instanceof Float f) return decimal(Double.parseDouble(f.toString()));
        if (v instanceof BigDecimal b) return b.toPlainString().replace('.', ',');
        if (v instanceof Boolean b) return b ? "oui" : "non";
        if (v instanceof Instant i) return DateTimeFormatter.ISO_INSTANT.format(i);
        if (v instanceof TemporalAccessor t) return t.toString();
        return v.toString();
    }

    private static String decimal(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return "";
        if (d == 0) return "0";
        // The shortest decimal that reads back as the same double, never in exponent form.
        String s = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        return s.replace('.', ',');
    }

    /**
     * A text cell made inert for spreadsheets: "=HYPERLINK(…)" becomes "'=HYPERLINK(…)". Also
     * applies to text already starting with apostrophes before such a character (one more is
     * added), so that {@link #unneutralise} gives back exactly the original. Plain numbers
     * ("-12", "-3,5") are left alone.
     */
    public static String neutralise(String s) {
        if (s == null || s.isEmpty()) return s;
        int i = 0;
        while (i < s.length() && s.charAt(i) == '\'') i++;
        if (i >= s.length() || "=+-@\t\r".indexOf(s.charAt(i)) < 0) return s;
        if (i == 0 && PLAIN_NUMBER.matcher(s).matches()) return s;
        return "'" + s;
    }

    /** The inverse of {@link #neutralise}, for reading a file this program (or a careful tool) wrote. */
    public static String unneutralise(String s) {
        if (s == null || s.length() < 2 || s.charAt(0) != '\'') return s;
        int i = 0;
        while (i < s.length() && s.charAt(i) == '\'') i++;
        return i < s.length() && "=+-@\t\r".indexOf(s.charAt(i)) >= 0 ? s.substring(1) : s;
    }

    private static final java.util.regex.Pattern PLAIN_NUMBER =
            java.util.regex.Pattern.compile("[-+]?\\d+([.,]\\d+)?([eE][-+]?\\d+)?");

    /** The cell as written: quoted when it holds the separator, a quote or a line break. */
    public static String quote(String s) {
        boolean needs = false;
        for (int i = 0; i < s.length() && !needs; i++) {
            char c = s.charAt(i);
            needs = c == SEPARATOR || c == '"' || c == '\r' || c == '\n';
        }
        if (!needs) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
