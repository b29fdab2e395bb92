package fr.bassinminier.atlas.io.shapefile;

import fr.bassinminier.atlas.model.GeometryType;

/**
 * The shape types of the ESRI Shapefile Technical Description (July 1998). MultiPatch (31) is
 * deliberately absent: it describes 3D surfaces that a 2D map cannot draw, and no data of the
 * basin uses it, so it is reported as unknown rather than half-read.
 */
enum ShapeType {
    NULL(0, Kind.NULL, false, false),
    POINT(1, Kind.POINT, false, false),
    POLYLINE(3, Kind.POLYLINE, false, false),
    POLYGON(5, Kind.POLYGON, false, false),
    MULTIPOINT(8, Kind.MULTIPOINT, false, false),
    POINT_Z(11, Kind.POINT, true, true),
    POLYLINE_Z(13, Kind.POLYLINE, true, true),
    POLYGON_Z(15, Kind.POLYGON, true, true),
    MULTIPOINT_Z(18, Kind.MULTIPOINT, true, true),
    POINT_M(21, Kind.POINT, false, true),
    POLYLINE_M(23, Kind.POLYLINE, false, true),
    POLYGON_M(25, Kind.POLYGON, false, true),
    MULTIPOINT_M(28, Kind.MULTIPOINT, false, true);

    enum Kind { NULL, POINT, POLYLINE, POLYGON, MULTIPOINT }

    final int code;
    final Kind kind;
    final boolean hasZ;
    final boolean hasM;

    ShapeType(int code, Kind kind, boolean hasZ, boolean hasM) {
        this.code = code;
        this.kind = kind;
        this.hasZ = hasZ;
        this.hasM = hasM;
    }

    /** The type with this code, or null when the code is not one of the supported ones. */
    static ShapeType of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** By code: values() copies its array on each call, and streaming asks once per record. */
    private static final ShapeType[] BY_CODE = new ShapeType[32];

    static {
        for (ShapeType t : values()) BY_CODE[t.code] = t;
    }

    /**
     * The layer type a file of this shape type starts from; single-part types widen to
     * multi-part ones when a record holds several parts (see {@link GeometryType#merge}).
     */
    GeometryType startingLayerType() {
        return switch (kind) {
            case NULL -> GeometryType.NONE;
            case POINT -> GeometryType.POINT;
            case MULTIPOINT -> GeometryType.MULTIPOINT;
            case POLYLINE -> GeometryType.LINESTRING;
            case POLYGON -> GeometryType.POLYGON;
        };
    }

    /** Name as ESRI writes it, for messages. */
    String label() {
        String base = switch (kind) {
            case NULL -> "Null";
            case POINT -> "Point";
            case POLYLINE -> "PolyLine";
            case POLYGON -> "Polygon";
            case MULTIPOINT -> "MultiPoint";
        };
        return base + (hasZ ? "Z" : hasM ? "M" : "");
    }
}
