package fr.bassinminier.atlas.io.shapefile;

import fr.bassinminier.atlas.l10n.Localization;
import com.linuxense.javadbf.DBFDataType;
import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFReader;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import fr.bassinminier.atlas.io.TextDecoding;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.Schema;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The attribute table (.dbf) of a shapefile, read in two passes.
 *
 * <p>First pass, by hand: the header is checked against the file (javadbf trusts it), and the
 * raw bytes of the field names and of the character values that are not plain ASCII are
 * gathered, so that the encoding is decided on the data itself. Second pass: javadbf decodes
 * names and values with that encoding.
 *
 * <p>Encoding: the .cpg, else the language-driver byte (offset 29), else a guess; then the
 * declaration is checked against the bytes, because both are often wrong in the wild (ArcGIS
 * writes the "ANSI" driver byte whatever the content; some tools write a UTF-8 .cpg for Latin-1
 * data). Valid UTF-8 containing non-ASCII bytes is read as UTF-8 even when a single-byte
 * encoding is declared, since Latin-1 accented text is practically never valid UTF-8; a
 * declared UTF-8 that is not valid UTF-8 is read as Windows-1252; ISO-8859-1 with bytes in
 * 0x80–0x9F (C1 controls, never meant in text) is read as its superset Windows-1252, which
 * is what ArcGIS means by it (œ, ’, €).
 */
final class DbfTable implements Closeable {
    /** Character values gathered to decide the encoding; enough to be certain, bounded for big tables. */
    static final int SAMPLE_LIMIT = 4 << 20;

    private final Failures failures;
    private final int recordCount;
    private final Charset charset;
    private final LenientReader reader;
    private final Schema schema;
    private final FieldType[] types;
    private int read;

    private DbfTable(Failures failures, int recordCount, Charset charset, LenientReader reader) {
        this.failures = failures;
        this.recordCount = recordCount;
        this.charset = charset;
        this.reader = reader;
        // Reading deleted rows too (to stay aligned with the .shp), javadbf puts a "deleted"
        // pseudo-field first, in the fields as in the rows.
        int n = reader.getFieldCount() - 1;
        List<Field> fields = new ArrayList<>(n);
        Set<String> names = new HashSet<>();
        types = new FieldType[n];
        for (int i = 0; i < n; i++) {
            DBFField f = reader.getField(i + 1);
            types[i] = typeOf(f);
            String name = stripEnd(f.getName()).strip();
            if (name.isEmpty()) name = "champ_" + (i + 1);
            String unique = name;
            for (int k = 2; !names.add(unique); k++) unique = name + "_" + k;
            fields.add(new Field(unique, types[i], f.getLength(), f.getDecimalCount()));
        }
        this.schema = new Schema(fields);
    }

    /** Scans the .dbf, decides its encoding and opens it for reading records. */
    static DbfTable open(ShapefileSource source, Failures failures, Charset cpg) throws IOException, DataException {
        Scan scan = scan(source, failures);
        Charset charset = chooseCharset(cpg, TextDecoding.fromLanguageDriver(scan.languageDriver), scan.sample,
                failures);
        InputStream in = new PartIO.FullReads(new BufferedInputStream(source.open("dbf"), 1 << 16));
        LenientReader reader;
        try {
            reader = new LenientReader(in, charset);
        } catch (RuntimeException e) {
            in.close();
            DataException refusal = ShapefileReader.refusal(e);
            if (refusal != null) throw refusal;
            throw failures.fail(Problem.CORRUPT, "dbf", Localization.get("io.unreadableAttributeTableHeader"), e);
        }
        try {
            return new DbfTable(failures, scan.recordCount, charset, reader);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /**
     * The encoding a whole read would choose (from the .cpg, the language driver and a sample of
     * the values), decided once for a table then read record by record ({@link #over}).
     */
    static Charset decideCharset(ShapefileSource source, Failures failures, Charset cpg) throws IOException, DataException {
        Scan scan = scan(source, failures);
        return chooseCharset(cpg, TextDecoding.fromLanguageDriver(scan.languageDriver), scan.sample, failures);
    }

    /**
     * A table over a stream the caller feeds (its header, then whichever record it wants read
     * next), for reading records in any order: see {@link ShapefileStream}.
     */
    static DbfTable over(InputStream fed, Failures failures, int recordCount, Charset charset) throws DataException {
        try {
            return new DbfTable(failures, recordCount, charset, new LenientReader(fed, charset));
        } catch (RuntimeException e) {
            throw failures.fail(Problem.CORRUPT, "dbf", Localization.get("io.unreadableAttributeTableHeader"), e);
        }
    }

    /** Numbers the next record read (for messages) when records are read out of order. */
    void at(int index) {
        read = index;
    }

    int recordCount() {
        return recordCount;
    }

    Charset charset() {
        return charset;
    }

    Schema schema() {
        return schema;
    }

    /**
     * Reads the next record into values (schema order); returns false when the record is marked
     * deleted, in which case values are left unspecified.
     */
    boolean next(Object[] values) throws DataException {
        Object[] row;
        try {
            row = reader.nextRecord();
        } catch (RuntimeException e) {
            DataException refusal = ShapefileReader.refusal(e);
            if (refusal != null) throw refusal;
            throw failures.fail(Problem.CORRUPT, "dbf", Localization.text("io.unreadableRecord", (read + 1)), e);
        }
        if (row == null) {
            throw failures.fail(Problem.TRUNCATED, "dbf", Localization.text("io.truncatedFileRecordS", read, recordCount));
        }
        read++;
        if (Boolean.TRUE.equals(row[0])) return false;
        for (int i = 0; i < types.length; i++) values[i] = convert(types[i], row[i + 1]);
        return true;
    }

    @Override
    public void close() {
        reader.close();
        if (reader.unreadable > 0) {
            failures.warn("dbf", Localization.text("io.unreadableNumericDateValue", reader.unreadable));
        }
    }

    private static FieldType typeOf(DBFField f) {
        DBFDataType t = f.getType();
        return switch (t) {
            case CHARACTER, VARCHAR -> FieldType.STRING;
            case NUMERIC -> f.getDecimalCount() > 0 ? FieldType.DOUBLE
                    : f.getLength() <= 9 ? FieldType.INTEGER
                    : f.getLength() <= 18 ? FieldType.LONG
                    : FieldType.DOUBLE;
            case FLOATING_POINT, DOUBLE, CURRENCY -> FieldType.DOUBLE;
            case LOGICAL -> FieldType.BOOLEAN;
            case DATE -> FieldType.DATE;
            case LONG, AUTOINCREMENT -> FieldType.INTEGER;
            case TIMESTAMP, TIMESTAMP_DBASE7 -> FieldType.DATETIME;
            default -> FieldType.STRING;
        };
    }

    private static Object convert(FieldType type, Object v) {
        if (v == null) return null;
        switch (type) {
            case STRING:
                if (v instanceof String s) {
                    s = stripEnd(s);
                    // As in shapelib and GDAL, an empty character value is a null.
                    return s.isEmpty() ? null : s;
                }
                return v instanceof byte[] ? null : v.toString();
            case INTEGER:
                if (v instanceof Number n) return (int) integral(n);
                return null;
            case LONG:
                if (v instanceof Number n) return integral(n);
                return null;
            case DOUBLE:
                return v instanceof Number n ? n.doubleValue() : null;
            case BOOLEAN:
                return v instanceof Boolean ? v : null;
            case DATE:
                return v instanceof LocalDate ? v : null;
            case DATETIME:
                return v instanceof Date d ? d.toInstant() : null;
            default:
                return v;
        }
    }

    private static long integral(Number n) {
        if (n instanceof BigDecimal bd) {
            // "9E999999999" in a numeric field: rounding it would build a billion-digit number
            // (a hang found by fuzzing). Past 19 digits a long overflows anyway; tiny values round to 0.
            if (bd.precision() - bd.scale() > 19) return bd.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
            if (bd.scale() > 19) return Math.round(bd.doubleValue());
            return bd.setScale(0, RoundingMode.HALF_UP).longValue();
        }
        return n.longValue();
    }

    /** Drops trailing spaces and NULs (some writers pad with NULs). */
    private static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) end--;
        return s.substring(0, end);
    }

    /**
     * javadbf, lenient where it is strict and strict where it is lenient. Its numbers throw on
     * the first malformed value ("1.#QNAN" from old ArcView, a lone "-"), which would abandon the
     * whole table: they become nulls, counted. Its dates go through a lenient calendar, so GDAL's
     * empty date "00000000" comes back as 30 November of year 2 BC: dates are parsed strictly
     * here, and anything that is not a real yyyyMMdd date is a null.
     */
    private static final class LenientReader extends DBFReader {
        int unreadable;

        LenientReader(InputStream in, Charset charset) {
            super(in, charset, true);
        }

        @Override
        protected Object getFieldValue(DBFField field) throws IOException {
            DBFDataType type = field.getType();
            if (type != DBFDataType.NUMERIC && type != DBFDataType.FLOATING_POINT && type != DBFDataType.DATE) {
                return super.getFieldValue(field);
            }
            byte[] raw = new byte[field.getLength()];
            dataInputStream.readFully(raw);
            String text = new String(raw, StandardCharsets.ISO_8859_1).replace('\0', ' ').strip();
            if (text.isEmpty()) return null;
            if (type == DBFDataType.DATE) {
                LocalDate date = parseDate(text);
                if (date == null && !text.equals("00000000")) unreadable++;
                return date;
            }
            // Overflow stars and unknown marks are how writers say "no value".
            if (text.indexOf('*') >= 0 || text.equals("?")) return null;
            try {
                return new BigDecimal(text.replace(',', '.'));
            } catch (NumberFormatException e) {
                unreadable++;
                return null;
            }
        }

        private static LocalDate parseDate(String text) {
            if (text.length() != 8) return null;
            for (int i = 0; i < 8; i++) {
                if (text.charAt(i) < '0' || text.charAt(i) > '9') return null;
            }
            try {
                return LocalDate.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(4, 6)),
                        Integer.parseInt(text.substring(6, 8)));
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
    }

    static Charset chooseCharset(Charset cpg, Charset driver, byte[] sample, Failures failures) {
        Charset declared = cpg != null ? cpg : driver;
        boolean nonAscii = false;
        boolean c1 = false;
        for (byte b : sample) {
            if (b < 0) {
                nonAscii = true;
                if ((b & 0xff) < 0xa0) c1 = true;
            }
        }
        if (!nonAscii) return declared != null ? declared : StandardCharsets.UTF_8;
        boolean utf8 = TextDecoding.isValidUtf8(sample);
        if (declared == null) return TextDecoding.guess(sample);
        String how = cpg != null ? Localization.get("io.cpgFile") : Localization.get("io.dbfHeader");
        if (declared.equals(StandardCharsets.UTF_8)) {
            if (utf8) return declared;
            failures.warn("dbf", Localization.text("io.announcesUtfButText", how));
            return TextDecoding.WINDOWS_1252;
        }
        boolean singleByte = declared.canEncode() && declared.newEncoder().maxBytesPerChar() == 1.0f;
        if (singleByte && utf8) {
            failures.warn("dbf", Localization.text("io.announcesButTextUtf", how, declared.name()));
            return StandardCharsets.UTF_8;
        }
        if (declared.equals(StandardCharsets.ISO_8859_1) && c1) return TextDecoding.WINDOWS_1252;
        return declared;
    }

    private record Scan(int recordCount, int languageDriver, byte[] sample) {
    }

    private static Scan scan(ShapefileSource source, Failures failures) throws IOException, DataException {
        long size = source.size("dbf");
        try (InputStream in = new BufferedInputStream(source.open("dbf"), 1 << 16)) {
            byte[] head = new byte[32];
            int got = PartIO.readFully(in, head, 0, 32);
            if (got < 32) {
                throw failures.fail(Problem.TRUNCATED, "dbf", Localization.text("io.truncatedFileBytesLess", got));
            }
            ByteBuffer h = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
            int version = head[0] & 0xff;
            long count = h.getInt(4) & 0xffffffffL;
            int headerLength = h.getShort(8) & 0xffff;
            int recordLength = h.getShort(10) & 0xffff;
            int driver = head[29] & 0xff;
            if ((version & 0x07) == 0x04) {
                throw failures.fail(Problem.UNSUPPORTED_FORMAT, "dbf", Localization.get("io.dbaseTableSupported"));
            }
            if (count > Integer.MAX_VALUE || headerLength < 33 || recordLength < 1) {
                throw failures.fail(Problem.CORRUPT, "dbf", Localization.get("io.validDbaseTableInconsistent"));
            }
            if (size >= 0 && headerLength > size) {
                throw failures.fail(Problem.CORRUPT, "dbf", Localization.text("io.validDbaseTableHeader", headerLength, size));
            }
            if (headerLength > Short.MAX_VALUE) {
                throw failures.fail(Problem.UNSUPPORTED_FORMAT, "dbf", Localization.text("io.headerBytesTooMany", headerLength));
            }
            byte[] rest = new byte[headerLength - 32];
            if (PartIO.readFully(in, rest, 0, rest.length) < rest.length) {
                throw failures.fail(Problem.TRUNCATED, "dbf", Localization.get("io.fileTruncatedFieldDescriptions"));
            }

            ByteArrayOutputStream sample = new ByteArrayOutputStream();
            List<int[]> textColumns = new ArrayList<>();
            int offset = 1;
            for (int d = 0; d + 32 <= rest.length && rest[d] != 0x0d; d += 32) {
                int nameEnd = 0;
                while (nameEnd < 11 && rest[d + nameEnd] != 0) nameEnd++;
                gather(sample, rest, d, nameEnd);
                char type = (char) (rest[d + 11] & 0xff);
                int length = rest[d + 16] & 0xff;
                // Like GDAL and javadbf, the decimal count of a C field is the high byte of its length.
                if (type == 'C') length += (rest[d + 17] & 0xff) << 8;
                if (type == 'C') textColumns.add(new int[] {offset, length});
                offset += length;
            }
            if (offset != recordLength) {
                throw failures.fail(Problem.CORRUPT, "dbf", Localization.text("io.announcedRecordLengthBytes", recordLength, offset));
            }
            long needed = headerLength + count * recordLength;
            if (size >= 0 && needed > size) {
                throw failures.fail(Problem.TRUNCATED, "dbf", Localization.text("io.truncatedFileHeaderAnnounces", count, needed, size));
            }
            if (!textColumns.isEmpty()) {
                byte[] record = new byte[recordLength];
                for (long i = 0; i < count && sample.size() < SAMPLE_LIMIT; i++) {
                    if (PartIO.readFully(in, record, 0, recordLength) < recordLength) {
                        throw failures.fail(Problem.TRUNCATED, "dbf", Localization.text("io.truncatedFileCompleteRecord", i, count));
                    }
                    for (int[] col : textColumns) {
                        int end = col[0] + col[1];
                        while (end > col[0] && (record[end - 1] == ' ' || record[end - 1] == 0)) end--;
                        gather(sample, record, col[0], end - col[0]);
                    }
                }
            }
            return new Scan((int) count, driver, sample.toByteArray());
        }
    }

    /** Adds the bytes to the sample when they are not plain ASCII, separated by a space. */
    private static void gather(ByteArrayOutputStream sample, byte[] bytes, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (bytes[i] < 0) {
                sample.write(bytes, from, length);
                sample.write(' ');
                return;
            }
        }
    }
}
