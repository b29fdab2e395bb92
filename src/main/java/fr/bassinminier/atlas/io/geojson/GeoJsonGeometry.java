package fr.bassinminier.atlas.io.geojson;

import fr.bassinminier.atlas.l10n.Localization;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoJSON geometry ↔ JTS on Jackson trees. Written here because JTS's own GeoJSON module works
 * on strings through json-simple (an unkept library) and would make every feature be parsed
 * twice; the mapping itself is a direct reading of RFC 7946 §3.1.
 */
public final class GeoJsonGeometry {
    private GeoJsonGeometry() {
    }

    public static Geometry read(JsonNode node, GeometryFactory gf) {
        if (node == null || node.isNull()) return null;
        String type = text(node, "type");
        if ("GeometryCollection".equals(type)) {
            JsonNode geoms = node.get("geometries");
            if (geoms == null || !geoms.isArray()) throw new IllegalArgumentException(Localization.get("io.geometriesMissing"));
            Geometry[] parts = new Geometry[geoms.size()];
            for (int i = 0; i < parts.length; i++) parts[i] = read(geoms.get(i), gf);
            return gf.createGeometryCollection(parts);
        }
        JsonNode c = node.get("coordinates");
        if (c == null || !c.isArray()) {
            throw new IllegalArgumentException(Localization.text("io.geometryWithoutCoordinates", type));
        }
        return switch (type) {
            case "Point" -> c.isEmpty() ? gf.createPoint() : gf.createPoint(coord(c));
            case "MultiPoint" -> gf.createMultiPointFromCoords(coords(c));
            case "LineString" -> gf.createLineString(coords(c));
            case "MultiLineString" -> {
                LineString[] ls = new LineString[c.size()];
                for (int i = 0; i < ls.length; i++) ls[i] = gf.createLineString(coords(c.get(i)));
                yield gf.createMultiLineString(ls);
            }
            case "Polygon" -> polygon(c, gf);
            case "MultiPolygon" -> {
                Polygon[] ps = new Polygon[c.size()];
                for (int i = 0; i < ps.length; i++) ps[i] = polygon(c.get(i), gf);
                yield gf.createMultiPolygon(ps);
            }
            default -> throw new IllegalArgumentException(Localization.text("io.unknownGeometryType", type));
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode t = node.get(field);
        if (t == null || !t.isTextual()) throw new IllegalArgumentException(Localization.text("io.missing", field));
        return t.asText();
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory gf) {
        if (rings.isEmpty()) return gf.createPolygon();
        LinearRing shell = ring(rings.get(0), gf);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) holes[i - 1] = ring(rings.get(i), gf);
        return gf.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode node, GeometryFactory gf) {
        Coordinate[] cs = coords(node);
        // Tolerate rings left open by hand-written files: close them rather than refuse.
        if (cs.length > 0 && !cs[0].equals2D(cs[cs.length - 1])) {
            Coordinate[] closed = java.util.Arrays.copyOf(cs, cs.length + 1);
            closed[cs.length] = cs[0].copy();
            cs = closed;
        }
        if (cs.length > 0 && cs.length < 4) throw new IllegalArgumentException(Localization.get("io.ringFewerThanPositions"));
        return gf.createLinearRing(cs);
    }

    private static Coordinate[] coords(JsonNode arr) {
        if (!arr.isArray()) throw new IllegalArgumentException(Localization.get("io.listPositionsExpected"));
        Coordinate[] out = new Coordinate[arr.size()];
        for (int i = 0; i < out.length; i++) out[i] = coord(arr.get(i));
        return out;
    }

    private static Coordinate coord(JsonNode p) {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            String shown = p.toString();
            throw new IllegalArgumentException(Localization.text("io.invalidPosition", (shown.length() > 80 ? shown.substring(0, 77) + "…" : shown)));
        }
        double x = p.get(0).asDouble();
        double y = p.get(1).asDouble();
        // 1e309 parses as Infinity: no map can hold it, and it would poison every envelope.
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException(Localization.text("io.nonFiniteCoordinate", p.get(0).asText(), p.get(1).asText()));
        }
        return p.size() > 2 && p.get(2).isNumber() ? new Coordinate(x, y, p.get(2).asDouble()) : new Coordinate(x, y);
    }

    static void write(JsonGenerator g, Geometry geom, int decimals) throws IOException {
        if (geom == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        if (geom instanceof GeometryCollection gc && !(geom instanceof MultiPoint
                || geom instanceof MultiLineString || geom instanceof MultiPolygon)) {
            g.writeStringField("type", "GeometryCollection");
            g.writeArrayFieldStart("geometries");
            for (int i = 0; i < gc.getNumGeometries(); i++) write(g, gc.getGeometryN(i), decimals);
            g.writeEndArray();
            g.writeEndObject();
            return;
        }
        g.writeStringField("type", geom.getGeometryType());
        g.writeFieldName("coordinates");
        coordinates(g, geom, decimals);
        g.writeEndObject();
    }

    private static void coordinates(JsonGenerator g, Geometry geom, int decimals) throws IOException {
        if (geom instanceof Point p) {
            if (p.isEmpty()) {
                g.writeStartArray();
                g.writeEndArray();
            } else {
                position(g, p.getCoordinate(), decimals);
            }
        } else if (geom instanceof LineString ls) {
            positions(g, ls.getCoordinates(), decimals);
        } else if (geom instanceof Polygon poly) {
            g.writeStartArray();
            if (!poly.isEmpty()) {
                positions(g, poly.getExteriorRing().getCoordinates(), decimals);
                for (int i = 0; i < poly.getNumInteriorRing(); i++) {
                    positions(g, poly.getInteriorRingN(i).getCoordinates(), decimals);
                }
            }
            g.writeEndArray();
        } else {
            g.writeStartArray();
            for (int i = 0; i < geom.getNumGeometries(); i++) coordinates(g, geom.getGeometryN(i), decimals);
            g.writeEndArray();
        }
    }

    private static void positions(JsonGenerator g, Coordinate[] cs, int decimals) throws IOException {
        g.writeStartArray();
        for (Coordinate c : cs) position(g, c, decimals);
        g.writeEndArray();
    }

    private static void position(JsonGenerator g, Coordinate c, int decimals) throws IOException {
        g.writeStartArray();
        g.writeNumber(round(c.x, decimals));
        g.writeNumber(round(c.y, decimals));
        if (!Double.isNaN(c.getZ())) g.writeNumber(round(c.getZ(), decimals));
        g.writeEndArray();
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
