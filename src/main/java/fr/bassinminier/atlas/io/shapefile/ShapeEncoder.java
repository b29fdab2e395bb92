package fr.bassinminier.atlas.io.shapefile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Encodes a JTS geometry as the content of a .shp record of a given shape type. Polygon rings are
 * written as the format wants them whatever their orientation in memory: shells clockwise,
 * holes counter-clockwise. In Z types a missing Z is written 0, and M, which the model does not
 * carry, is written as the format's "no data" (any value below -10^38).
 */
final class ShapeEncoder {
    static final double NO_DATA = -1e39;

    private ShapeEncoder() {
    }

    /** The record content, or a 4-byte Null shape for a null or empty geometry. */
    static byte[] encode(Geometry g, ShapeType type) {
        if (g == null || g.isEmpty()) return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0).array();
        return switch (type.kind) {
            case POINT -> point((Point) g, type);
            case MULTIPOINT -> multiPoint(g, type);
            case POLYLINE -> parts(lines(g), type);
            case POLYGON -> parts(rings(g), type);
            case NULL -> throw new IllegalArgumentException("geometry in a Null shapefile");
        };
    }

    private static byte[] point(Point p, ShapeType type) {
        Coordinate c = p.getCoordinate();
        ByteBuffer b = le(type.hasZ ? 36 : 20).putInt(type.code).putDouble(c.x).putDouble(c.y);
        if (type.hasZ) b.putDouble(z(c)).putDouble(NO_DATA);
        return b.array();
    }

    private static byte[] multiPoint(Geometry g, ShapeType type) {
        Coordinate[] pts = g.getCoordinates();
        int n = pts.length;
        ByteBuffer b = le(40 + 16 * n + (type.hasZ ? 32 + 16 * n : 0)).putInt(type.code);
        bbox(b, g.getEnvelopeInternal());
        b.putInt(n);
        for (Coordinate c : pts) b.putDouble(c.x).putDouble(c.y);
        if (type.hasZ) zAndM(b, pts);
        return b.array();
    }

    private static byte[] parts(List<Coordinate[]> parts, ShapeType type) {
        int n = 0;
        for (Coordinate[] p : parts) n += p.length;
        ByteBuffer b = le(44 + 4 * parts.size() + 16 * n + (type.hasZ ? 32 + 16 * n : 0)).putInt(type.code);
        Envelope env = new Envelope();
        for (Coordinate[] p : parts) for (Coordinate c : p) env.expandToInclude(c);
        bbox(b, env);
        b.putInt(parts.size()).putInt(n);
        int start = 0;
        for (Coordinate[] p : parts) {
            b.putInt(start);
            start += p.length;
        }
        Coordinate[] all = new Coordinate[n];
        int i = 0;
        for (Coordinate[] p : parts) {
            for (Coordinate c : p) {
                b.putDouble(c.x).putDouble(c.y);
                all[i++] = c;
            }
        }
        if (type.hasZ) zAndM(b, all);
        return b.array();
    }

    private static List<Coordinate[]> lines(Geometry g) {
        List<Coordinate[]> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            LineString line = (LineString) g.getGeometryN(i);
            if (!line.isEmpty()) parts.add(line.getCoordinates());
        }
        return parts;
    }

    private static List<Coordinate[]> rings(Geometry g) {
        List<Coordinate[]> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            if (p.isEmpty()) continue;
            parts.add(oriented(p.getExteriorRing().getCoordinates(), false));
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                if (!p.getInteriorRingN(h).isEmpty()) parts.add(oriented(p.getInteriorRingN(h).getCoordinates(), true));
            }
        }
        return parts;
    }

    private static Coordinate[] oriented(Coordinate[] ring, boolean counterClockwise) {
        if (ring.length < 4 || Orientation.isCCW(ring) == counterClockwise) return ring;
        Coordinate[] reversed = ring.clone();
        CoordinateArrays.reverse(reversed);
        return reversed;
    }

    private static void zAndM(ByteBuffer b, Coordinate[] pts) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Coordinate c : pts) {
            min = Math.min(min, z(c));
            max = Math.max(max, z(c));
        }
        b.putDouble(min).putDouble(max);
        for (Coordinate c : pts) b.putDouble(z(c));
        b.putDouble(NO_DATA).putDouble(NO_DATA);
        for (int i = 0; i < pts.length; i++) b.putDouble(NO_DATA);
    }

    private static double z(Coordinate c) {
        double z = c.getZ();
        return Double.isNaN(z) ? 0 : z;
    }

    private static void bbox(ByteBuffer b, Envelope e) {
        b.putDouble(e.getMinX()).putDouble(e.getMinY()).putDouble(e.getMaxX()).putDouble(e.getMaxY());
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
