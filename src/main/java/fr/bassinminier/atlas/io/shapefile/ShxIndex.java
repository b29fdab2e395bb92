package fr.bassinminier.atlas.io.shapefile;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.shapefile.ShpReader.ShpRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the .shx against the records read from the .shp, and says which records are the
 * layer's features.
 *
 * <p>The .shp is read sequentially, so the index is not needed to read it, and a missing .shx
 * only costs a warning (GDAL can rebuild one with SHAPE_RESTORE_SHX; users expect the file to
 * open). When the .shx is present, it is the authority on which records are live: tools built on
 * shapelib rewrite an edited shape at the end of the .shp and leave the old record in place,
 * unreferenced, until the file is repacked. So when every index entry points at a record found
 * in the .shp, the features are the indexed records in index order; when an entry points
 * elsewhere, the index is stale or damaged and is ignored with a warning.
 */
final class ShxIndex {
    /** The outcome: the records that are features, and the entry count the .shx declared (or -1). */
    record Resolution(List<ShpRecord> features, int indexEntries) {
    }

    private ShxIndex() {
    }

    static Resolution resolve(ShapefileSource source, Failures failures, List<ShpRecord> records)
            throws IOException {
        if (!source.has("shx")) {
            failures.warn("shp", Localization.get("io.shxIndexMissingShp"));
            return new Resolution(records, -1);
        }
        // A valid index holds 8 bytes per record: never read more than one entry beyond that.
        long wanted = 100 + 8L * (records.size() + 1);
        byte[] bytes;
        try (InputStream in = source.open("shx")) {
            bytes = in.readNBytes((int) Math.min(wanted, Integer.MAX_VALUE - 8));
        }
        if (bytes.length < 100 || ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).getInt(0) != ShpReader.FILE_CODE) {
            failures.warn("shx", Localization.get("io.unreadableIndexIgnoredShp"));
            return new Resolution(records, -1);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        long declaredLength = (b.getInt(24) & 0xffffffffL) * 2;
        int available = (bytes.length - 100) / 8;
        int entries = declaredLength >= 100 ? (int) Math.min((declaredLength - 100) / 8, available) : available;
        if (bytes.length == wanted) {
            // More entries than the .shp has records: some point nowhere.
            failures.warn("shx", Localization.text("io.indexMoreEntriesThan", records.size()));
            return new Resolution(records, entries);
        }

        boolean inOrder = entries == records.size();
        for (int i = 0; inOrder && i < entries; i++) {
            inOrder = matches(b, i, records.get(i));
        }
        if (inOrder) return new Resolution(records, entries);

        Map<Long, ShpRecord> byOffset = new HashMap<>();
        for (ShpRecord r : records) byOffset.put(r.offset(), r);
        List<ShpRecord> indexed = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            long offset = (b.getInt(100 + 8 * i) & 0xffffffffL) * 2;
            ShpRecord r = byOffset.remove(offset);
            if (r == null || !matches(b, i, r)) {
                failures.warn("shx", Localization.text("io.indexDoesMatchShp", (i + 1)));
                return new Resolution(records, entries);
            }
            indexed.add(r);
        }
        if (indexed.size() < records.size()) {
            failures.warn("shp", Localization.text("io.recordSShpReferenced", (records.size() - indexed.size())));
        }
        return new Resolution(indexed, entries);
    }

    private static boolean matches(ByteBuffer b, int entry, ShpRecord r) {
        long offset = (b.getInt(100 + 8 * entry) & 0xffffffffL) * 2;
        int words = b.getInt(104 + 8 * entry);
        return offset == r.offset() && words == r.contentWords();
    }
}
