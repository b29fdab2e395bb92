package fr.bassinminier.atlas.analysis.impact;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.Dataset;
import fr.bassinminier.atlas.io.Formats;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.VectorLayer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Makes a {@link Footprint} from what an architect has at hand: a point typed by hand, a WKT
 * copied from a GIS, a list of vertices, or a file of the application (shapefile or its zip,
 * GeoJSON, GeoPackage). Everything ends in Lambert-93; an invalid polygon (a bow tie drawn by
 * hand) is repaired and the answer says so. Errors are French.
 */
public final class FootprintReader {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final Pattern EWKT = Pattern.compile("(?i)^\\s*SRID\\s*=\\s*(\\d+)\\s*;(.*)$", Pattern.DOTALL);

    private FootprintReader() {
    }

    /** One point typed by hand (see {@link CoordinateParser}); {@code crs} null to recognise it. */
    public static Footprint point(String text, CrsId crs) throws FootprintException {
        CoordinateParser.ParsedPoint p = CoordinateParser.parse(text, crs);
        return new Footprint(GF.createPoint(new Coordinate(p.x(), p.y())),
                Localization.text("analysis.footprint.point", p.form()), p.crs().toString(), p.notes());
    }

    /**
     * Vertices typed one per line (or separated by "|"): one gives a point, two a line, three or
     * more a polygon (closed for you).
     */
    public static Footprint vertices(String text, CrsId crs) throws FootprintException {
        List<Coordinate> cs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        CrsId seen = null;
        int n = 0;
        for (String line : text.split("[\\r\\n|]+")) {
            if (line.isBlank()) continue;
            n++;
            CoordinateParser.ParsedPoint p;
            try {
                p = CoordinateParser.parse(line, crs != null ? crs : seen);
            } catch (FootprintException e) {
                throw new FootprintException(Localization.text("analysis.vertex", n, e.getMessage()), e);
            }
            seen = p.crs();
            cs.add(new Coordinate(p.x(), p.y()));
            for (String note : p.notes()) if (!notes.contains(note)) notes.add(note);
        }
        if (cs.isEmpty()) throw new FootprintException(Localization.get("analysis.vertexEntered"));
        Geometry g;
        if (cs.size() == 1) {
            g = GF.createPoint(cs.get(0));
        } else if (cs.size() == 2) {
            g = GF.createLineString(cs.toArray(new Coordinate[0]));
        } else {
            if (!cs.get(0).equals2D(cs.get(cs.size() - 1))) cs.add(cs.get(0).copy());
            if (cs.size() < 4) throw new FootprintException(Localization.get("analysis.polygonNeedsLeastThree"));
            g = GF.createPolygon(cs.toArray(new Coordinate[0]));
        }
        return finish(g, Localization.text(cs.size() > 1 ? "analysis.footprint.vertices" : "analysis.footprint.vertex", cs.size()), seen == null ? null : seen.toString(), notes);
    }

    /**
     * A WKT (or EWKT "SRID=4326;POLYGON(…)"). Without a CRS, coordinates that all look like
     * degrees are taken as WGS 84 longitude/latitude (WKT order), others as Lambert-93.
     */
    public static Footprint wkt(String text, CrsId crs) throws FootprintException {
        if (text == null || text.isBlank()) throw new FootprintException(Localization.get("analysis.emptyWkt"));
        String body = text.strip();
        List<String> notes = new ArrayList<>();
        Matcher m = EWKT.matcher(body);
        if (m.matches()) {
            CrsId fromSrid = CrsId.epsg(Integer.parseInt(m.group(1)));
            if (crs != null && !crs.sameAs(fromSrid)) {
                throw new FootprintException(Localization.text("analysis.wktDeclaresSridBut", m.group(1), crs));
            }
            crs = fromSrid;
            body = m.group(2).strip();
        }
        Geometry g;
        try {
            g = new WKTReader(GF).read(body);
        } catch (ParseException | IllegalArgumentException e) {
            throw new FootprintException(Localization.text("analysis.unreadableWktExampleExpected", e.getMessage()), e);
        }
        if (g.isEmpty()) throw new FootprintException(Localization.get("analysis.wktDescribesEmptyGeometry"));
        boolean degrees = looksLikeDegrees(g);
        if (crs == null) {
            crs = degrees ? CrsId.WGS84 : CrsId.LAMBERT_93;
            if (degrees) notes.add(Localization.get("analysis.wktCoordinatesTakenWgs"));
        } else if (crs.sameAs(CrsId.LAMBERT_93) && degrees) {
            throw new FootprintException(Localization.get("analysis.wktCoordinatesLookLike"));
        }
        if (!CrsTransforms.isSupported(crs)) throw new FootprintException(Localization.text("analysis.unknownCoordinateSystem", crs));
        Geometry l93 = CrsTransforms.transform(g, crs, CrsId.LAMBERT_93);
        return finish(l93, "WKT (" + g.getGeometryType() + ")", crs.toString(), notes);
    }

    /**
     * The geometries of a file of the application, united. A multi-layer file (GeoPackage, zip)
     * needs {@code layerName} unless only one of its layers has geometries.
     *
     * @param crs CRS to assume when the file does not say (a shapefile without .prj), else null
     */
    public static Footprint file(Path path, String layerName, CrsId crs) throws FootprintException {
        Dataset ds;
        try {
            ds = Formats.read(path);
        } catch (DataException e) {
            throw new FootprintException(e.getMessage(), e);
        }
        List<VectorLayer> layers = new ArrayList<>();
        for (VectorLayer l : ds.layers()) {
            if (layerName != null ? l.name().equals(layerName) : !l.bounds().isNull()) layers.add(l);
        }
        String file = path.getFileName().toString();
        if (layers.isEmpty()) {
            throw new FootprintException(layerName != null
                    ? Localization.text("analysis.fileLayerLayers", file, layerName, String.join(", ", ds.layers().stream().map(VectorLayer::name).toList()))
                    : Localization.text("analysis.fileGeometry", file));
        }
        if (layers.size() > 1) {
            throw new FootprintException(Localization.text("analysis.fileSeveralLayersChoose", file, String.join(", ", layers.stream().map(VectorLayer::name).toList())));
        }
        VectorLayer l = layers.get(0);
        CrsId from = l.crs();
        List<String> notes = new ArrayList<>();
        if (!from.isKnown() || !CrsTransforms.isSupported(from)) {
            if (crs == null) {
                throw new FootprintException(Localization.text("analysis.fileUnknownCoordinateSystem", file));
            }
            from = crs;
            notes.add(Localization.text("analysis.coordinateSystemFileGiven", crs));
        }
        List<Geometry> parts = new ArrayList<>();
        for (Feature f : l.features()) {
            if (f.geometry() != null && !f.geometry().isEmpty()) parts.add(f.geometry());
        }
        if (parts.isEmpty()) throw new FootprintException(Localization.text("analysis.fileGeometry", file));
        Geometry g = parts.size() == 1 ? parts.get(0) : GF.buildGeometry(parts);
        Geometry l93 = CrsTransforms.transform(g, from, CrsId.LAMBERT_93);
        String what = Localization.text("analysis.file", file, (ds.layers().size() > 1 ? " › " + l.name() : ""), parts.size(), (parts.size() > 1 ? Localization.get("analysis.featuresMerged") : " objet)"));
        return finish(l93, what, from.toString(), notes);
    }

    /** Repairs an invalid geometry and unites parts, saying so. */
    private static Footprint finish(Geometry g, String what, String crs, List<String> notes) throws FootprintException {
        List<String> out = new ArrayList<>(notes);
        Geometry geom = g;
        if (geom.getNumGeometries() > 1) {
            try {
                geom = UnaryUnionOp.union(geom);
            } catch (RuntimeException e) {
                geom = GeometryFixer.fix(geom);
            }
        }
        if (!geom.isValid()) {
            TopologyValidationError err = new IsValidOp(geom).getValidationError();
            geom = GeometryFixer.fix(geom);
            out.add(Localization.text("analysis.invalidFootprintCorrectedBefore", frenchError(err)));
        }
        if (geom.isEmpty()) throw new FootprintException(Localization.get("analysis.footprintEmptyOnceCorrected"));
        if (geom instanceof Polygonal && geom.getArea() == 0) {
            throw new FootprintException(Localization.get("analysis.footprintPolygonFlatZero"));
        }
        return new Footprint(geom, what, crs, out);
    }

    private static String frenchError(TopologyValidationError err) {
        if (err == null) return Localization.get("analysis.incorrectGeometry");
        String where = Localization.text("analysis.footprint.near", Math.round(err.getCoordinate().x), Math.round(err.getCoordinate().y));
        return switch (err.getErrorType()) {
            case TopologyValidationError.SELF_INTERSECTION, TopologyValidationError.RING_SELF_INTERSECTION ->
                    Localization.text("analysis.ringCrossingItself", where);
            case TopologyValidationError.TOO_FEW_POINTS -> Localization.get("analysis.tooFewVertices");
            case TopologyValidationError.RING_NOT_CLOSED -> Localization.get("analysis.ringClosed");
            case TopologyValidationError.HOLE_OUTSIDE_SHELL -> Localization.text("analysis.holeOutsideOuterRing", where);
            case TopologyValidationError.NESTED_SHELLS -> Localization.text("analysis.nestedPolygons", where);
            default -> Localization.text("analysis.incorrectGeometry2", where);
        };
    }

    private static boolean looksLikeDegrees(Geometry g) {
        for (Coordinate c : g.getCoordinates()) {
            if (Math.abs(c.x) > 180 || Math.abs(c.y) > 90) return false;
        }
        return true;
    }
}
