package fr.bassinminier.atlas.io.wfs;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.model.CrsId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * A GetFeature answer in GML (3.2 for WFS 2.0, 3.1.1 for 1.1.0): the simple-features subset
 * that WFS servers emit for flat feature types — Point, LineString, Polygon, their Multi*
 * forms, and the Curve/Surface wrappers with LineStringSegment/PolygonPatch. Attributes are the
 * feature's simple child elements, as text.
 */
final class GmlFeatureReader {
    private static final Pattern EPSG = Pattern.compile("EPSG(?::|::|/0/|/)(?:[\\d.]*:)?(\\d+)$", Pattern.CASE_INSENSITIVE);
    private final GeometryFactory gf = new GeometryFactory();
    private CrsId crs;
    private boolean swap;

    private GmlFeatureReader() {
    }

    /** Reads a FeatureCollection; the reader is on its root element. */
    static FeaturePage read(XMLStreamReader r) throws XMLStreamException {
        return new GmlFeatureReader().collection(r);
    }

    private FeaturePage collection(XMLStreamReader r) throws XMLStreamException {
        long matched = parseCount(WfsXml.attr(r, "numberMatched"));
        if (matched < 0) matched = parseCount(WfsXml.attr(r, "numberOfFeatures"));
        List<FeaturePage.Item> items = new ArrayList<>();
        while (r.hasNext()) {
            int ev = r.next();
            if (ev != XMLStreamConstants.START_ELEMENT) continue;
            String name = r.getLocalName();
            if ("member".equals(name) || "featureMember".equals(name) || "featureMembers".equals(name)) {
                int depth = 1;
                while (depth > 0 && r.hasNext()) {
                    ev = r.next();
                    if (ev == XMLStreamConstants.START_ELEMENT) {
                        if ("FeatureCollection".equals(r.getLocalName()) || "additionalObjects".equals(r.getLocalName())) {
                            WfsXml.skip(r); // joins and additional objects are not simple features
                        } else {
                            items.add(feature(r));
                        }
                    } else if (ev == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    }
                }
            } else if ("boundedBy".equals(name)) {
                WfsXml.skip(r);
            }
        }
        return new FeaturePage(items, matched, crs);
    }

    /**
     * A geometry, its faults (a bad number, a short ring, JTS refusing a shape: found by fuzzing)
     * turned into XMLStreamException with a French reason, which the client reports as a bad response.
     */
    private Geometry checkedGeometry(XMLStreamReader r) throws XMLStreamException {
        try {
            return geometry(r);
        } catch (NumberFormatException e) {
            throw new XMLStreamException(Localization.text("io.invalidNumberGmlGeometry", e.getMessage()
                    .replace("For input string: ", "")), r.getLocation(), e);
        } catch (IllegalArgumentException e) {
            StackTraceElement[] at = e.getStackTrace();
            boolean jts = at.length > 0 && at[0].getClassName().startsWith("org.locationtech");
            throw new XMLStreamException(jts || e.getMessage() == null ? Localization.get("io.invalidGmlGeometry") : e.getMessage(),
                    r.getLocation(), e);
        }
    }

    private static long parseCount(String s) {
        if (s == null || "unknown".equals(s)) return -1;
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private FeaturePage.Item feature(XMLStreamReader r) throws XMLStreamException {
        String id = WfsXml.attr(r, "id", "fid");
        Geometry geometry = null;
        Map<String, Object> props = new LinkedHashMap<>();
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) break; // the feature's end
            if (ev != XMLStreamConstants.START_ELEMENT) continue;
            String prop = r.getLocalName();
            if ("boundedBy".equals(prop) || "name".equals(prop) && r.getNamespaceURI() != null
                    && r.getNamespaceURI().startsWith("http://www.opengis.net/gml")) {
                WfsXml.skip(r);
                continue;
            }
            if ("true".equals(WfsXml.attr(r, "nil"))) {
                props.put(prop, null);
                WfsXml.skip(r);
                continue;
            }
            // A property holds text, or one geometry element.
            StringBuilder text = new StringBuilder();
            Geometry g = null;
            while (r.hasNext()) {
                ev = r.next();
                if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) text.append(r.getText());
                else if (ev == XMLStreamConstants.START_ELEMENT) g = checkedGeometry(r);
                else if (ev == XMLStreamConstants.END_ELEMENT) break;
            }
            if (g != null) {
                if (geometry == null) geometry = g;
            } else {
                props.put(prop, text.toString().strip());
            }
        }
        return new FeaturePage.Item(id, geometry, props);
    }

    /** A geometry element; the reader is on its start and ends on its end. */
    private Geometry geometry(XMLStreamReader r) throws XMLStreamException {
        String name = r.getLocalName();
        noteCrs(WfsXml.attr(r, "srsName"));
        int dim = dimension(WfsXml.attr(r, "srsDimension"), 2);
        return switch (name) {
            case "Point" -> {
                List<Coordinate> cs = coordinates(r, dim);
                yield cs.isEmpty() ? gf.createPoint() : gf.createPoint(cs.get(0));
            }
            case "LineString", "LineStringSegment", "LinearRing" -> {
                List<Coordinate> cs = coordinates(r, dim);
                yield gf.createLineString(cs.toArray(Coordinate[]::new));
            }
            case "Polygon", "PolygonPatch" -> polygon(r, dim);
            default -> collect(r, name);
        };
    }

    private Polygon polygon(XMLStreamReader r, int dim) throws XMLStreamException {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) break;
            if (ev != XMLStreamConstants.START_ELEMENT) continue;
            String boundary = r.getLocalName();
            boolean exterior = "exterior".equals(boundary) || "outerBoundaryIs".equals(boundary);
            LinearRing ring = null;
            while (r.hasNext()) {
                ev = r.next();
                if (ev == XMLStreamConstants.END_ELEMENT) break;
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    int d = dimension(WfsXml.attr(r, "srsDimension"), dim);
                    ring = ring(coordinatesDeep(r, d));
                }
            }
            if (ring == null) continue;
            if (exterior) shell = ring;
            else holes.add(ring);
        }
        if (shell == null) return gf.createPolygon();
        return gf.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    private LinearRing ring(List<Coordinate> cs) {
        if (cs.size() > 0 && !cs.get(0).equals2D(cs.get(cs.size() - 1))) cs.add(cs.get(0).copy());
        if (cs.size() < 4) throw new IllegalArgumentException(Localization.get("io.ringFewerThanVertices"));
        return gf.createLinearRing(cs.toArray(Coordinate[]::new));
    }

    /** Multi*, Surface, Curve, MultiGeometry: every geometry inside, united by kind. */
    private Geometry collect(XMLStreamReader r, String name) throws XMLStreamException {
        List<Geometry> parts = new ArrayList<>();
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String child = r.getLocalName();
                if (child.endsWith("Member") || child.endsWith("Members") || "patches".equals(child)
                        || "segments".equals(child)) {
                    depth++;
                } else {
                    parts.add(geometry(r));
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if ("Curve".equals(name)) {
            List<Coordinate> cs = new ArrayList<>();
            for (Geometry g : parts) {
                for (Coordinate c : g.getCoordinates()) if (cs.isEmpty() || !cs.get(cs.size() - 1).equals2D(c)) cs.add(c);
            }
            return gf.createLineString(cs.toArray(Coordinate[]::new));
        }
        if (parts.size() == 1 && ("Surface".equals(name) || "CompositeSurface".equals(name))) return parts.get(0);
        if (!parts.isEmpty() && parts.stream().allMatch(g -> g instanceof Polygon)) {
            return gf.createMultiPolygon(parts.toArray(Polygon[]::new));
        }
        if (!parts.isEmpty() && parts.stream().allMatch(g -> g instanceof LineString)) {
            return gf.createMultiLineString(parts.toArray(LineString[]::new));
        }
        if (!parts.isEmpty() && parts.stream().allMatch(g -> g instanceof Point)) {
            return gf.createMultiPoint(parts.toArray(Point[]::new));
        }
        return gf.createGeometryCollection(parts.toArray(Geometry[]::new));
    }

    /** The coordinates of the pos/posList/coordinates children of the current element. */
    private List<Coordinate> coordinates(XMLStreamReader r, int dim) throws XMLStreamException {
        List<Coordinate> cs = new ArrayList<>();
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String n = r.getLocalName();
                int d = dimension(WfsXml.attr(r, "srsDimension"), dim);
                switch (n) {
                    case "pos", "posList" -> addNumbers(cs, WfsXml.text(r), d);
                    case "coordinates" -> {
                        String ts = WfsXml.attr(r, "ts");
                        String c = WfsXml.attr(r, "cs");
                        String text = WfsXml.text(r);
                        for (String tuple : text.split(ts == null ? "\\s+" : Pattern.quote(ts))) {
                            if (tuple.isBlank()) continue;
                            String[] xy = tuple.trim().split(c == null ? "," : Pattern.quote(c));
                            cs.add(coordinate(Double.parseDouble(xy[0]), Double.parseDouble(xy[1])));
                        }
                    }
                    default -> depth++;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return cs;
    }

    /** A ring element (LinearRing, or Ring of curve members): all its coordinates. */
    private List<Coordinate> coordinatesDeep(XMLStreamReader r, int dim) throws XMLStreamException {
        return coordinates(r, dim);
    }

    private void addNumbers(List<Coordinate> cs, String text, int dim) {
        String[] v = text.trim().split("\\s+");
        if (v.length == 1 && v[0].isEmpty()) return;
        if (v.length % dim != 0) throw new IllegalArgumentException(Localization.text("io.incompleteCoordinateListNumbers", v.length, dim));
        for (int i = 0; i < v.length; i += dim) cs.add(coordinate(Double.parseDouble(v[i]), Double.parseDouble(v[i + 1])));
    }

    private Coordinate coordinate(double a, double b) {
        return swap ? new Coordinate(b, a) : new Coordinate(a, b);
    }

    private static int dimension(String s, int fallback) {
        if (s == null) return fallback;
        try {
            int d = Integer.parseInt(s.trim());
            return d >= 2 && d <= 4 ? d : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * The first srsName seen sets the CRS; URN and http forms of geographic CRSs are latitude
     * first (the EPSG axis order), the short "EPSG:4326" longitude first (the old convention).
     */
    private void noteCrs(String srsName) {
        if (srsName == null || crs != null) return;
        Matcher m = EPSG.matcher(srsName.trim());
        if (!m.find()) {
            crs = CrsId.unknown(srsName);
            return;
        }
        int code = Integer.parseInt(m.group(1));
        crs = CrsId.epsg(code);
        boolean longForm = srsName.startsWith("urn:") || srsName.startsWith("http");
        swap = longForm && (code == 4326 || code == 4258 || code == 4171);
    }
}
