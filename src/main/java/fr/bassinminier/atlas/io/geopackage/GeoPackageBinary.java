package fr.bassinminier.atlas.io.geopackage;

import fr.bassinminier.atlas.l10n.Localization;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * The GeoPackage geometry blob (OGC 12-128r18 §2.1.3): "GP", a version byte, a flags byte, the
 * srs_id, an optional envelope, then ISO WKB. Done here on JTS rather than through NGA's
 * {@code GeoPackageGeometryData} because NGA goes through its own geometry model (a JTS geometry
 * would be parsed twice), writes an empty point as a bare header with no WKB, leaves the empty
 * flag unset for other empty geometries, and JTS's WKBWriter writes Z as EWKB flags rather than
 * the ISO type codes (1001…) that the standard requires.
 */
public final class GeoPackageBinary {
    private static final int[] ENVELOPE_BYTES = {0, 32, 48, 48, 64};

    private GeoPackageBinary() {
    }

    /** A blob that is not a GeoPackage geometry; the message is French and meant for the user. */
    public static final class FormatException extends Exception {
        public FormatException(String message) {
            super(message);
        }

        public FormatException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What the header says, without the geometry. */
    public record Header(int version, boolean empty, boolean extended, int srsId, int wkbOffset) {
    }

    public static Header header(byte[] blob) throws FormatException {
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw new FormatException(Localization.get("io.geopackageGeometryGpHeader"));
        }
        int flags = blob[3] & 0xff;
        int envelope = (flags >> 1) & 0x07;
        if (envelope >= ENVELOPE_BYTES.length) {
            throw new FormatException(Localization.text("io.invalidEnvelopeIndicatorHeader", envelope));
        }
        ByteOrder order = (flags & 0x01) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        int srsId = ByteBuffer.wrap(blob, 4, 4).order(order).getInt();
        int offset = 8 + ENVELOPE_BYTES[envelope];
        if (blob.length < offset) {
            throw new FormatException(Localization.get("io.truncatedGeometryHeader"));
        }
        return new Header(blob[2] & 0xff, (flags & 0x10) != 0, (flags & 0x20) != 0, srsId, offset);
    }

    /**
     * The geometry of a blob. An empty geometry comes back empty (never null); a header flagged
     * empty with no WKB after it (as some writers do) gives an empty geometry collection.
     */
    public static Geometry decode(byte[] blob, GeometryFactory factory) throws FormatException {
        Header h = header(blob);
        if (h.wkbOffset() == blob.length) {
            if (h.empty()) return factory.createGeometryCollection();
            throw new FormatException(Localization.get("io.geometryWithoutWkbContent"));
        }
        checkNesting(blob, h.wkbOffset());
        try {
            byte[] wkb = Arrays.copyOfRange(blob, h.wkbOffset(), blob.length);
            return new WKBReader(factory).read(wkb);
        } catch (ParseException | RuntimeException e) {
            String what = h.extended() ? Localization.get("io.unsupportedExtendedGeometryType") : Localization.get("io.unreadableWkb");
            throw new FormatException(what + " (" + e.getMessage() + ")", e);
        }
    }

    /** Collections nested deeper than this are refused: real data nests two or three levels. */
    public static final int MAX_NESTING = 64;

    /**
     * Walks the WKB's structure without building anything and refuses collections nested past
     * {@link #MAX_NESTING}: JTS's WKBReader recurses once per level, so a blob of a few
     * megabytes nesting 200,000 GeometryCollections would overflow the stack. A structure that
     * runs off the end is left for WKBReader to report.
     */
    static void checkNesting(byte[] b, int start) throws FormatException {
        int[] remaining = new int[MAX_NESTING + 1];
        int depth = 0;
        int pos = start;
        while (pos + 5 <= b.length) {
            ByteOrder order = b[pos] == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            ByteBuffer buf = ByteBuffer.wrap(b).order(order);
            int type = buf.getInt(pos + 1);
            pos += 5;
            if ((type & 0x20000000) != 0) pos += 4;
            int iso = (type & 0xffff) / 1000;
            int dims = 2 + ((type & 0x80000000) != 0 || iso == 1 || iso == 3 ? 1 : 0)
                    + ((type & 0x40000000) != 0 || iso == 2 || iso == 3 ? 1 : 0);
            int base = (type & 0xffff) % 1000;
            if (base < 1 || base > 7 || pos + 4 > b.length && base != 1) return;
            switch (base) {
                case 1 -> pos += 8 * dims;
                case 2 -> {
                    long next = pos + 4 + 8L * dims * Math.max(0, buf.getInt(pos));
                    pos = next > b.length ? b.length : (int) next;
                }
                case 3 -> {
                    int rings = buf.getInt(pos);
                    pos += 4;
                    for (int r = 0; r < rings && pos + 4 <= b.length; r++) {
                        long next = pos + 4 + 8L * dims * Math.max(0, buf.getInt(pos));
                        pos = next > b.length ? b.length : (int) next;
                    }
                }
                default -> {
                    int n = buf.getInt(pos);
                    pos += 4;
                    if (n > 0) {
                        if (depth == MAX_NESTING) {
                            throw new FormatException(Localization.text("io.geometryCollectionsNestedMore", MAX_NESTING));
                        }
                        remaining[++depth] = n;
                        continue;
                    }
                }
            }
            // One geometry done: close every collection it completes.
            while (depth > 0 && --remaining[depth] == 0) depth--;
            if (depth == 0) return;
        }
    }

    /**
     * A GeoPackage blob for the geometry: little-endian, version 0, an XY envelope unless the
     * geometry is a point or empty, the empty flag when empty, then ISO WKB with Z and/or M when
     * the coordinates carry them.
     */
    public static byte[] encode(Geometry g, int srsId) {
        boolean empty = g.isEmpty();
        boolean hasZ = !empty && hasOrdinate(g, true);
        boolean hasM = !empty && hasOrdinate(g, false);
        boolean withEnvelope = !empty && !(g instanceof Point);
        Out out = new Out(64 + g.getNumPoints() * 8 * (2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0)));
        out.put((byte) 'G');
        out.put((byte) 'P');
        out.put((byte) 0);
        int flags = 0x01; // little-endian header
        if (withEnvelope) flags |= 1 << 1;
        if (empty) flags |= 0x10;
        out.put((byte) flags);
        out.putInt(srsId);
        if (withEnvelope) {
            Envelope e = g.getEnvelopeInternal();
            out.putDouble(e.getMinX());
            out.putDouble(e.getMaxX());
            out.putDouble(e.getMinY());
            out.putDouble(e.getMaxY());
        }
        writeWkb(out, g, hasZ, hasM);
        return out.toByteArray();
    }

    private static boolean hasOrdinate(Geometry g, boolean z) {
        boolean[] found = {false};
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                if (z ? seq.hasZ() && !Double.isNaN(seq.getZ(i)) : seq.hasM() && !Double.isNaN(seq.getM(i))) {
                    found[0] = true;
                }
            }

            @Override
            public boolean isDone() {
                return found[0];
            }

            @Override
            public boolean isGeometryChanged() {
                return false;
            }
        });
        return found[0];
    }

    private static void writeWkb(Out out, Geometry g, boolean hasZ, boolean hasM) {
        int base;
        if (g instanceof Point) base = 1;
        else if (g instanceof LineString) base = 2; // LinearRing included
        else if (g instanceof Polygon) base = 3;
        else if (g instanceof MultiPoint) base = 4;
        else if (g instanceof MultiLineString) base = 5;
        else if (g instanceof MultiPolygon) base = 6;
        else if (g instanceof GeometryCollection) base = 7;
        else throw new IllegalArgumentException(Localization.text("io.unsupportedGeometryType", g.getGeometryType()));
        out.put((byte) 1); // little-endian
        out.putInt(base + (hasZ ? 1000 : 0) + (hasM ? 2000 : 0));
        switch (base) {
            case 1 -> {
                Point p = (Point) g;
                if (p.isEmpty()) {
                    // ISO/GeoPackage convention: an empty point has NaN coordinates.
                    for (int i = 0; i < 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0); i++) out.putDouble(Double.NaN);
                } else {
                    writeCoordinate(out, p.getCoordinateSequence(), 0, hasZ, hasM);
                }
            }
            case 2 -> writeSequence(out, ((LineString) g).getCoordinateSequence(), hasZ, hasM);
            case 3 -> {
                Polygon poly = (Polygon) g;
                if (poly.isEmpty()) {
                    out.putInt(0);
                } else {
                    out.putInt(1 + poly.getNumInteriorRing());
                    writeSequence(out, poly.getExteriorRing().getCoordinateSequence(), hasZ, hasM);
                    for (int i = 0; i < poly.getNumInteriorRing(); i++) {
                        writeSequence(out, poly.getInteriorRingN(i).getCoordinateSequence(), hasZ, hasM);
                    }
                }
            }
            default -> {
                out.putInt(g.getNumGeometries());
                for (int i = 0; i < g.getNumGeometries(); i++) writeWkb(out, g.getGeometryN(i), hasZ, hasM);
            }
        }
    }

    private static void writeSequence(Out out, CoordinateSequence seq, boolean hasZ, boolean hasM) {
        out.putInt(seq.size());
        for (int i = 0; i < seq.size(); i++) writeCoordinate(out, seq, i, hasZ, hasM);
    }

    private static void writeCoordinate(Out out, CoordinateSequence seq, int i, boolean hasZ, boolean hasM) {
        out.putDouble(seq.getX(i));
        out.putDouble(seq.getY(i));
        if (hasZ) out.putDouble(seq.hasZ() ? seq.getZ(i) : Double.NaN);
        if (hasM) out.putDouble(seq.hasM() ? seq.getM(i) : Double.NaN);
    }

    /** A little-endian byte sink. */
    private static final class Out extends ByteArrayOutputStream {
        private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

        Out(int size) {
            super(Math.max(32, size));
        }

        void put(byte b) {
            write(b);
        }

        void putInt(int v) {
            scratch.clear();
            scratch.putInt(v);
            write(scratch.array(), 0, 4);
        }

        void putDouble(double v) {
            scratch.clear();
            scratch.putDouble(v);
            write(scratch.array(), 0, 8);
        }
    }
}
