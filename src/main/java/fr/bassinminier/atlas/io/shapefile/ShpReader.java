package fr.bassinminier.atlas.io.shapefile;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Reads a .shp front to back. Lengths in record headers are never trusted: a record must fit in
 * the file (when its size is known) and is read in bounded chunks (when it is not), so neither a
 * crafted length nor a truncated file can make the reader allocate more than what is there.
 *
 * <p>The end of data is the end of the file. Bytes after the length declared in the file header
 * that do not form a record (padding, leftovers) are ignored with a warning; inside the declared
 * length, they are an error.
 */
final class ShpReader {
    static final int FILE_CODE = 9994;
    /** A record longer than this (16 million vertices) is refused rather than read into memory. */
    static final int MAX_RECORD_BYTES = 256 << 20;
    private static final int CHUNK = 1 << 20;

    /** One record as found in the file: where it starts, its length in 16-bit words, its shape. */
    record ShpRecord(long offset, int contentWords, Geometry geometry) {
    }

    record ShpContent(ShapeType type, long declaredLength, List<ShpRecord> records) {
    }

    private final ShapefileSource source;
    private final Failures failures;
    private final ShapeDecoder decoder;
    private final fr.bassinminier.atlas.io.ReadLimits.Counter budget;

    ShpReader(ShapefileSource source, Failures failures, GeometryFactory factory) {
        this.source = source;
        this.failures = failures;
        this.decoder = new ShapeDecoder(factory);
        this.budget = fr.bassinminier.atlas.io.ReadLimits.defaults().counter(source.location());
    }

    ShpContent read() throws IOException, DataException {
        long size = source.size("shp");
        try (InputStream in = new BufferedInputStream(source.open("shp"), 1 << 16)) {
            byte[] head = new byte[100];
            int got = PartIO.readFully(in, head, 0, 100);
            ByteBuffer big = ByteBuffer.wrap(head).order(ByteOrder.BIG_ENDIAN);
            if (got >= 4 && big.getInt(0) != FILE_CODE) {
                throw failures.fail(Problem.CORRUPT, "shp", Localization.text("io.validShapefileFileCode", big.getInt(0), FILE_CODE));
            }
            if (got < 100) {
                throw failures.fail(Problem.TRUNCATED, "shp", Localization.text("io.truncatedFileBytesLess2", got));
            }
            long declared = (big.getInt(24) & 0xffffffffL) * 2;
            int typeCode = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt(32);
            ShapeType fileType = ShapeType.of(typeCode);
            if (fileType == null) {
                throw failures.fail(Problem.CORRUPT, "shp", Localization.text("io.unknownUnsupportedShapeType", typeCode));
            }
            // A file too big to hold is refused before reading it (a 9 MB zip can hold a 2 GB .shp):
            // a vertex takes 16 bytes in the file, a point record 28.
            long bytes = size >= 0 ? size : declared;
            budget.checkEstimatedVertices(fileType.kind == ShapeType.Kind.POINT ? bytes / 28 : bytes / 16,
                    Localization.text("io.fileMb", source.partName("shp"), (bytes >> 20)));
            if (fileType.kind == ShapeType.Kind.POINT && bytes / 28 > budget.limits().maxFeatures()) {
                budget.checkEstimatedVertices(Long.MAX_VALUE, Localization.text("io.fileMbPoints", source.partName("shp"), (bytes >> 20), (bytes / 28)));
            }
            List<ShpRecord> records = readRecords(in, size, declared, fileType);
            if (decoder.skippedParts() > 0) {
                failures.warn("shp", Localization.text("io.partSFewerThan", decoder.skippedParts()));
            }
            if (decoder.duplicateRings() > 0) {
                failures.warn("shp", Localization.text("io.duplicateRingSOne", decoder.duplicateRings()));
            }
            if (decoder.unresolvedRings() > 0) {
                failures.warn("shp", Localization.text("io.polygonRingSToo", decoder.unresolvedRings()));
            }
            return new ShpContent(fileType, declared, records);
        }
    }

    private List<ShpRecord> readRecords(InputStream in, long size, long declared, ShapeType fileType)
            throws IOException, DataException {
        List<ShpRecord> records = new ArrayList<>();
        byte[] header = new byte[8];
        byte[] content = new byte[4096];
        long pos = 100;
        boolean mixedWarned = false;
        while (true) {
            int got = PartIO.readFully(in, header, 0, 8);
            if (got == 0) break;
            int number = records.size() + 1;
            boolean pastDeclared = pos >= declared;
            if (got < 8) {
                if (pastDeclared) {
                    failures.warn("shp", Localization.text("io.byteSEndFile", got));
                    break;
                }
                throw truncated(number, pos, pos + got, declared);
            }
            ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.BIG_ENDIAN);
            int words = h.getInt(4);
            if (words < 2) {
                // Every record holds at least its 4-byte shape type.
                if (pastDeclared) {
                    failures.warn("shp", Localization.text("io.dataEndFileAfter", pos));
                    break;
                }
                throw failures.fail(Problem.CORRUPT, "shp", Localization.text("io.invalidLengthWordsRecord", words, number, pos));
            }
            long length = 2L * words;
            if (size >= 0 && pos + 8 + length > size) {
                if (pastDeclared) {
                    failures.warn("shp", Localization.text("io.dataEndFileAfter", pos));
                    break;
                }
                if (declared > size) throw truncated(number, pos, size, declared);
                throw failures.fail(Problem.CORRUPT, "shp", Localization.text("io.recordByteAnnouncesBytes", number, pos, length, size));
            }
            if (length > MAX_RECORD_BYTES) {
                throw failures.fail(Problem.TOO_LARGE, "shp", Localization.text("io.recordByteTooLarge", number, pos, length));
            }
            int len = (int) length;
            // Grow the buffer only as bytes actually arrive, so a false length cannot reserve memory.
            int have = 0;
            while (have < len) {
                int chunk = Math.min(len - have, CHUNK);
                if (content.length < have + chunk) {
                    content = java.util.Arrays.copyOf(content, (int) Math.min(len, Math.max(have + chunk, 2L * content.length)));
                }
                int n = PartIO.readFully(in, content, have, chunk);
                have += n;
                if (n < chunk) break;
            }
            if (have < len) {
                long end = pos + 8 + have;
                if (pastDeclared) {
                    failures.warn("shp", Localization.text("io.dataEndFileAfter", pos));
                    break;
                }
                if (declared > end) throw truncated(number, pos, end, declared);
                throw failures.fail(Problem.CORRUPT, "shp", Localization.text("io.recordByteAnnouncesBytes", number, pos, length, end));
            }
            int typeCode = ByteBuffer.wrap(content, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            ShapeType type = ShapeType.of(typeCode);
            if (type == null) {
                throw failures.fail(Problem.CORRUPT, "shp", Localization.text("io.unknownShapeTypeRecord", typeCode, number, pos));
            }
            if (type != ShapeType.NULL && type.kind != fileType.kind && !mixedWarned) {
                failures.warn("shp", Localization.text("io.fileAnnouncesShapesBut", fileType.label(), type.label()));
                mixedWarned = true;
            }
            Geometry g;
            try {
                g = decoder.decode(type, content, len);
            } catch (ShapeFormatException e) {
                throw failures.fail(Problem.CORRUPT, "shp", "enregistrement n°" + number + " (octet " + pos + ") : "
                        + e.getMessage());
            }
            budget.add(g == null ? 0 : g.getNumPoints());
            records.add(new ShpRecord(pos, words, g));
            pos += 8 + length;
        }
        return records;
    }

    private DataException truncated(int number, long pos, long end, long declared) {
        return failures.fail(Problem.TRUNCATED, "shp", Localization.text("io.truncatedFileRecordByte", number, pos, end, declared));
    }
}
