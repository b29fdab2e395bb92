package fr.bassinminier.atlas.io.shapefile;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.Schema;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes the attribute table of a shapefile as dBASE III in UTF-8 (the .cpg says so). Written by
 * hand rather than with javadbf's DBFWriter, which cuts numbers that do not fit their width
 * (12345 in a width of 3 becomes "123") and checks name lengths in characters where the format
 * counts bytes. Widths are computed from the values, so nothing is cut but text over 254 bytes.
 * The conventions are GDAL's: Integer N(9), Integer64 N(18), Real N(24,15), which is also what
 * the reader maps back to the same types.
 */
final class DbfWriter {
    static final int MAX_TEXT_BYTES = 254;

    /** One column as written; source is the index in the layer's schema, or -1 for the FID. */
    record Column(String name, char type, int length, int decimals, int source, FieldType fieldType) {
    }

    private DbfWriter() {
    }

    /** The columns for these features: names made dBASE-safe, widths large enough for every value. */
    static List<Column> plan(Schema schema, List<Feature> features, Consumer<String> warnings) {
        List<Column> columns = new ArrayList<>();
        Set<String> used = new HashSet<>();
        int truncatedTexts = 0;
        for (int i = 0; i < schema.size(); i++) {
            Field f = schema.fields().get(i);
            String name = uniqueName(f.name(), used);
            if (!name.equals(f.name())) {
                warnings.accept(Localization.text("io.fieldSavedUnderName", f.name(), name));
            }
            switch (f.type()) {
                case STRING, DATETIME -> {
                    int width = f.type() == FieldType.STRING && f.length() > 0 ? Math.min(f.length(), MAX_TEXT_BYTES) : 1;
                    for (Feature feature : features) {
                        Object v = feature.get(i);
                        if (v == null) continue;
                        int bytes = text(v).getBytes(StandardCharsets.UTF_8).length;
                        if (bytes > MAX_TEXT_BYTES) truncatedTexts++;
                        width = Math.max(width, Math.min(bytes, MAX_TEXT_BYTES));
                    }
                    columns.add(new Column(name, 'C', width, 0, i, f.type()));
                }
                case INTEGER, LONG -> {
                    boolean small = f.type() == FieldType.INTEGER;
                    int width = small ? (f.length() >= 1 && f.length() <= 9 ? f.length() : 9)
                            : (f.length() >= 10 && f.length() <= 18 ? f.length() : 18);
                    for (Feature feature : features) {
                        if (feature.get(i) instanceof Number n) width = Math.max(width, Long.toString(n.longValue()).length());
                    }
                    columns.add(new Column(name, 'N', width, 0, i, f.type()));
                }
                case DOUBLE -> {
                    int decimals = f.decimals() >= 1 && f.decimals() <= 15 ? f.decimals() : 15;
                    int width = Math.max(24, Math.min(f.length(), 254));
                    columns.add(new Column(name, 'N', width, decimals, i, f.type()));
                }
                case BOOLEAN -> columns.add(new Column(name, 'L', 1, 0, i, f.type()));
                case DATE -> columns.add(new Column(name, 'D', 8, 0, i, f.type()));
            }
        }
        if (columns.isEmpty()) {
            // dBASE needs at least one column: GDAL adds the feature id, so do we.
            columns.add(new Column("FID", 'N', 11, 0, -1, FieldType.LONG));
        }
        if (truncatedTexts > 0) {
            warnings.accept(Localization.text("io.dbf.textsTruncated", truncatedTexts, MAX_TEXT_BYTES));
        }
        return columns;
    }

    /** Whether the header and record lengths fit the format's 16-bit fields. */
    static boolean fits(List<Column> columns) {
        // The reader (javadbf) holds the header length in a signed short.
        return 32 + 32L * columns.size() + 1 <= Short.MAX_VALUE && 1L + columns.stream().mapToInt(Column::length).sum() <= 0xffff;
    }

    static void write(OutputStream out, List<Column> columns, List<Feature> features) throws IOException {
        int headerLength = 32 + 32 * columns.size() + 1;
        int recordLength = 1 + columns.stream().mapToInt(Column::length).sum();
        LocalDate today = LocalDate.now();
        ByteBuffer h = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        h.put(0, (byte) 0x03).put(1, (byte) (today.getYear() - 1900)).put(2, (byte) today.getMonthValue())
                .put(3, (byte) today.getDayOfMonth());
        h.putInt(4, features.size()).putShort(8, (short) headerLength).putShort(10, (short) recordLength);
        out.write(h.array());
        for (Column c : columns) {
            byte[] d = new byte[32];
            byte[] name = c.name().getBytes(StandardCharsets.UTF_8);
            System.arraycopy(name, 0, d, 0, name.length);
            d[11] = (byte) c.type();
            d[16] = (byte) c.length();
            d[17] = (byte) c.decimals();
            out.write(d);
        }
        out.write(0x0d);
        byte[] record = new byte[recordLength];
        for (Feature f : features) {
            Arrays.fill(record, (byte) ' ');
            int at = 1;
            for (Column c : columns) {
                Object v = c.source() < 0 ? f.id() : f.get(c.source());
                byte[] cell = cell(c, v);
                // Text is left-aligned, everything else right-aligned, as dBASE writes them.
                int offset = c.type() == 'C' ? 0 : c.length() - cell.length;
                System.arraycopy(cell, 0, record, at + offset, cell.length);
                at += c.length();
            }
            out.write(record);
        }
        out.write(0x1a);
    }

    private static byte[] cell(Column c, Object v) {
        if (v == null) return new byte[0];
        String s = switch (c.type()) {
            case 'C' -> truncate(text(v), c.length());
            case 'L' -> v instanceof Boolean b ? (b ? "T" : "F") : "?";
            case 'D' -> v instanceof LocalDate d && d.getYear() >= 0 && d.getYear() <= 9999
                    ? String.format(Locale.ROOT, "%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth()) : "";
            default -> v instanceof Number n ? number(n, c) : "";
        };
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The number in the column's width: fewer decimals, then scientific notation, if needed. */
    private static String number(Number n, Column c) {
        if (c.decimals() == 0) return Long.toString(n.longValue());
        double d = n.doubleValue();
        if (!Double.isFinite(d)) return "";
        BigDecimal exact = BigDecimal.valueOf(d);
        for (int decimals = c.decimals(); decimals >= 1; decimals--) {
            String s = exact.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
            if (s.length() <= c.length()) return s;
        }
        String s = Double.toString(d);
        return s.length() <= c.length() ? s : "";
    }

    private static String text(Object v) {
        return v instanceof Instant i ? i.toString() : v.toString();
    }

    /** The longest prefix of s whose UTF-8 form fits in maxBytes, never splitting a character. */
    static String truncate(String s, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + len > maxBytes) break;
            bytes += len;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    /** A name of at most 10 UTF-8 bytes, unique ignoring case (dBASE names are case-blind). */
    private static String uniqueName(String wanted, Set<String> used) {
        String base = wanted.isBlank() ? "champ" : wanted.strip();
        String name = truncate(base, 10);
        for (int k = 1; !used.add(name.toUpperCase(Locale.ROOT)); k++) {
            String suffix = "_" + k;
            name = truncate(base, 10 - suffix.length()) + suffix;
        }
        return name;
    }
}
