package fr.bassinminier.atlas.model;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** The declared geometry type of a layer, named as OGC simple features name it. */
public enum GeometryType {
    POINT("Point"), MULTIPOINT("MultiPoint"), LINESTRING("LineString"),
    MULTILINESTRING("MultiLineString"), POLYGON("Polygon"), MULTIPOLYGON("MultiPolygon"),
    GEOMETRY("Geometry"), NONE("None");

    private final String ogcName;

    GeometryType(String ogcName) {
        this.ogcName = ogcName;
    }

    public String ogcName() {
        return ogcName;
    }

    /** Broad family used by default styles: point, line or polygon. */
    public Family family() {
        return switch (this) {
            case POINT, MULTIPOINT -> Family.POINT;
            case LINESTRING, MULTILINESTRING -> Family.LINE;
            case POLYGON, MULTIPOLYGON -> Family.POLYGON;
            default -> Family.MIXED;
        };
    }

    public enum Family { POINT, LINE, POLYGON, MIXED }

    public static GeometryType of(Geometry g) {
        if (g instanceof Point) return POINT;
        if (g instanceof MultiPoint) return MULTIPOINT;
        if (g instanceof LineString) return LINESTRING;
        if (g instanceof MultiLineString) return MULTILINESTRING;
        if (g instanceof Polygon) return POLYGON;
        if (g instanceof MultiPolygon) return MULTIPOLYGON;
        return GEOMETRY;
    }

    public static GeometryType fromName(String name) {
        if (name == null) return GEOMETRY;
        for (GeometryType t : values()) {
            if (t.ogcName.equalsIgnoreCase(name) || t.name().equalsIgnoreCase(name)) return t;
        }
        return GEOMETRY;
    }

    /** The narrowest type covering both, e.g. Polygon + MultiPolygon = MultiPolygon. */
    public GeometryType merge(GeometryType other) {
        if (this == other || other == NONE) return this;
        if (this == NONE) return other;
        if (family() == other.family() && family() != Family.MIXED) {
            return switch (family()) {
                case POINT -> MULTIPOINT;
                case LINE -> MULTILINESTRING;
                case POLYGON -> MULTIPOLYGON;
                default -> GEOMETRY;
            };
        }
        return GEOMETRY;
    }
}
