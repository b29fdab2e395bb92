package fr.bassinminier.atlas.io.shapefile;

import fr.bassinminier.atlas.l10n.Localization;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateXY;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * Decodes the content of one .shp record (after the 8-byte record header) into a JTS geometry.
 * Every count read from the record is checked against the record length before anything is
 * allocated, so a crafted count cannot make the reader allocate more than the record's size.
 * Z is kept in the coordinates; M is dropped (the map has no use for it). Coordinates without Z
 * are {@link CoordinateXY}, so geometries say truthfully whether they have a Z.
 */
final class ShapeDecoder {
    private final GeometryFactory factory;
    private final PolygonAssembler polygons;
    /** Parts too short to be a line or a ring, skipped; reported once by the reader. */
    private int skippedParts;

    ShapeDecoder(GeometryFactory factory) {
        this.factory = factory;
        this.polygons = new PolygonAssembler(factory);
    }

    int skippedParts() {
        return skippedParts;
    }

    /** Exact duplicate rings dropped from polygons. */
    int duplicateRings() {
        return polygons.duplicates();
    }

    /** Rings of pathological polygons left as polygons of their own when the work ran out. */
    int unresolvedRings() {
        return polygons.unresolved();
    }

    /** The geometry of a record of the given type (its first 4 bytes already read), or null. */
    Geometry decode(ShapeType type, byte[] content, int length) throws ShapeFormatException {
        ByteBuffer b = ByteBuffer.wrap(content, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        return switch (type.kind) {
            case NULL -> null;
            case POINT -> point(type, b, length);
            case MULTIPOINT -> multiPoint(type, b, length);
            case POLYLINE -> polyline(type, b, length);
            case POLYGON -> polygon(type, b, length);
        };
    }

    private Point point(ShapeType type, ByteBuffer b, int length) throws ShapeFormatException {
        need(length, 20, type);
        double x = b.getDouble(4);
        double y = b.getDouble(12);
        // Some writers store an empty point as NaN coordinates: that is a null shape.
        if (Double.isInfinite(x) || Double.isInfinite(y)) {
            throw new ShapeFormatException(Localization.text("io.infiniteCoordinateGeometryRefused", x, y));
        }
        if (Double.isNaN(x) || Double.isNaN(y)) return null;
        Coordinate c = type.hasZ && length >= 28 ? new Coordinate(x, y, b.getDouble(20)) : new CoordinateXY(x, y);
        return factory.createPoint(c);
    }

    private Geometry multiPoint(ShapeType type, ByteBuffer b, int length) throws ShapeFormatException {
        need(length, 40, type);
        int n = b.getInt(36);
        long pointsEnd = 40 + 16L * n;
        if (n < 0 || pointsEnd > length) {
            throw new ShapeFormatException(Localization.text("io.invalidNumberPointsRecord", n, length));
        }
        if (n == 0) return null;
        Coordinate[] coords = coordinates(type, b, length, 40, n, pointsEnd + 16);
        return factory.createMultiPointFromCoords(coords);
    }

    private Geometry polyline(ShapeType type, ByteBuffer b, int length) throws ShapeFormatException {
        List<Coordinate[]> parts = parts(type, b, length);
        List<LineString> lines = new ArrayList<>(parts.size());
        for (Coordinate[] p : parts) {
            if (p.length < 2) {
                skippedParts++;
                continue;
            }
            lines.add(factory.createLineString(p));
        }
        if (lines.isEmpty()) return null;
        if (lines.size() == 1) return lines.get(0);
        return factory.createMultiLineString(lines.toArray(new LineString[0]));
    }

    private Geometry polygon(ShapeType type, ByteBuffer b, int length) throws ShapeFormatException {
        List<Coordinate[]> parts = parts(type, b, length);
        List<Coordinate[]> rings = new ArrayList<>(parts.size());
        for (Coordinate[] p : parts) {
            Coordinate[] ring = close(p);
            if (ring.length < 4) {
                skippedParts++;
                continue;
            }
            rings.add(ring);
        }
        return polygons.assemble(rings);
    }

    /** Closes a ring whose writer left out the repeated first point, as GDAL does. */
    private static Coordinate[] close(Coordinate[] p) {
        if (p.length == 0 || p[0].equals2D(p[p.length - 1])) return p;
        Coordinate[] closed = Arrays.copyOf(p, p.length + 1);
        closed[p.length] = p[0].copy();
        return closed;
    }

    /** The parts of a PolyLine or Polygon record: bbox, numParts, numPoints, parts[], points[]. */
    private List<Coordinate[]> parts(ShapeType type, ByteBuffer b, int length) throws ShapeFormatException {
        need(length, 44, type);
        int numParts = b.getInt(36);
        int numPoints = b.getInt(40);
        long pointsStart = 44 + 4L * numParts;
        long pointsEnd = pointsStart + 16L * numPoints;
        if (numParts < 0 || numPoints < 0 || pointsEnd > length) {
            throw new ShapeFormatException(Localization.text("io.numbersPartsPointsIncompatible", numParts, numPoints, length));
        }
        if (numPoints == 0) return List.of();
        Coordinate[] all = coordinates(type, b, length, (int) pointsStart, numPoints, pointsEnd + 16);
        if (numParts == 0) return java.util.Collections.singletonList(all);
        int[] starts = new int[numParts + 1];
        for (int i = 0; i < numParts; i++) {
            starts[i] = b.getInt(44 + 4 * i);
            if (starts[i] < 0 || starts[i] >= numPoints || (i > 0 && starts[i] < starts[i - 1])) {
                throw new ShapeFormatException(Localization.text("io.invalidPartStartIndex", starts[i], numPoints));
            }
        }
        starts[numParts] = numPoints;
        List<Coordinate[]> parts = new ArrayList<>(numParts);
        for (int i = 0; i < numParts; i++) {
            if (starts[i + 1] > starts[i]) parts.add(Arrays.copyOfRange(all, starts[i], starts[i + 1]));
            else skippedParts++;
        }
        return parts;
    }

    /**
     * Reads n XY points at the given offset, with their Z values when the type has Z and the
     * record is long enough to hold the Z array that starts at zStart (after the Z range).
     */
    private static Coordinate[] coordinates(ShapeType type, ByteBuffer b, int length, int offset, int n, long zStart)
            throws ShapeFormatException {
        boolean withZ = type.hasZ && zStart + 8L * n <= length;
        Coordinate[] coords = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            double x = b.getDouble(offset + 16 * i);
            double y = b.getDouble(offset + 16 * i + 8);
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new ShapeFormatException(Localization.text("io.nonFiniteCoordinatePoint", x, y, (i + 1)));
            }
            coords[i] = withZ ? new Coordinate(x, y, b.getDouble((int) zStart + 8 * i)) : new CoordinateXY(x, y);
        }
        return coords;
    }

    private static void need(int length, int minimum, ShapeType type) throws ShapeFormatException {
        if (length < minimum) {
            throw new ShapeFormatException(Localization.text("io.recordTypeTooShort", type.label(), length, minimum));
        }
    }
}
