package fr.bassinminier.atlas.io.geopackage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.synthetic.FootprintGenerator;
import fr.bassinminier.atlas.model.ChunkedSource;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.FeatureSource;
import fr.bassinminier.atlas.model.PackedGeometry;
import fr.bassinminier.atlas.model.VectorLayer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

/** A GeoPackage read as it is drawn gives what the whole read gives, for any view. */
class GeoPackageStreamTest {
    @TempDir
    Path dir;

    private Path footprints(int n) throws Exception {
        Path f = dir.resolve("b.gpkg");
        VectorLayer layer = FootprintGenerator.generate(n, 7, FootprintGenerator.LENS_X, FootprintGenerator.LENS_Y);
        new GeoPackageWriter().write(f, List.of(layer));
        return f;
    }

    private record Seen(long id, double[] env, double[] coords, Object firstValue) {
    }

    /** The feature table of a GeoPackage holding one. */
    private static String tableOf(java.sql.Statement st) throws java.sql.SQLException {
        try (var rs = st.executeQuery("SELECT table_name FROM gpkg_contents")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A scan, or a chunk's visit. */
    private interface Scanner {
        void scan(Envelope area, FeatureSource.Visitor visitor);
    }

    private static List<Seen> scan(FeatureSource s, Envelope area) {
        return scan(s::scan, area);
    }

    private static List<Seen> scan(Scanner s, Envelope area) {
        List<Seen> out = new ArrayList<>();
        s.scan(area, c -> {
            PackedGeometry p = c.packed();
            double[] coords;
            if (p != null) {
                coords = new double[2 * p.points()];
                for (int i = 0; i < p.points(); i++) {
                    coords[2 * i] = p.x(i);
                    coords[2 * i + 1] = p.y(i);
                }
            } else {
                Coordinate[] cs = c.geometry().getCoordinates();
                coords = new double[2 * cs.length];
                for (int i = 0; i < cs.length; i++) {
                    coords[2 * i] = cs[i].x;
                    coords[2 * i + 1] = cs[i].y;
                }
            }
            Feature f = c.attributes();
            out.add(new Seen(f.id(), new double[] {c.minX(), c.minY(), c.maxX(), c.maxY()}, coords, f.get(1)));
        });
        return out;
    }

    @Test
    void aStreamedScanMatchesTheWholeReadInOrderEnvelopesCoordinatesAndAttributes() throws Exception {
        Path f = footprints(3000);
        VectorLayer whole = new GeoPackageReader().read(f).layers().get(0);
        GeoPackageStream s = GeoPackageStream.open(f, null);
        assertNotNull(s, "a GeoPackage written with its spatial index streams");
        assertEquals(whole.size(), s.size());
        assertEquals(whole.schema().fields(), s.schema().fields());
        assertTrue(s.bounds().covers(whole.bounds()), "index bounds hold the layer: " + s.bounds() + " vs " + whole.bounds());
        Envelope b = whole.bounds();
        double cx = b.centre().x;
        Envelope near = new Envelope(whole.features().get(0).geometry().getEnvelopeInternal());
        near.expandBy(400);
        for (Envelope area : List.of(b, near,
                new Envelope(b.getMinX(), cx, b.getMinY(), b.getMaxY()))) {
            List<Seen> expected = scan(whole, area);
            List<Seen> got = scan(s, area);
            assertTrue(!expected.isEmpty(), "something in " + area);
            assertEquals(expected.size(), got.size(), "same features for " + area);
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i).id(), got.get(i).id(), "same order");
                assertArrayEquals(expected.get(i).env(), got.get(i).env(), 1e-9);
                assertArrayEquals(expected.get(i).coords(), got.get(i).coords(), 0);
                assertEquals(expected.get(i).firstValue(), got.get(i).firstValue());
            }
        }
        assertTrue(s.readNanos() > 0);
        s.close();
    }

    @Test
    void wkbOfEveryKindPacksAsJtsReadsIt() throws Exception {
        GeometryFactory gf = new GeometryFactory();
        WKTReader wkt = new WKTReader(gf);
        for (String text : List.of("POINT (1 2)", "LINESTRING (0 0, 1 1, 2 0)",
                "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 3 2, 3 3, 2 2))",
                "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
                "MULTILINESTRING ((0 0, 1 1), (2 2, 3 3, 4 2))", "MULTIPOINT ((1 1), (2 2))",
                "POLYGON Z ((0 0 5, 10 0 5, 10 10 5, 0 0 5))")) {
            Geometry g = wkt.read(text);
            byte[] blob = GeoPackageBinary.encode(g, 2154);
            PackedGeometry p = new PackedGeometry();
            assertTrue(WkbPacker.pack(blob, GeoPackageBinary.header(blob).wkbOffset(), p), text);
            Coordinate[] cs = g.getCoordinates();
            assertEquals(cs.length, p.points(), text);
            for (int i = 0; i < cs.length; i++) {
                assertEquals(cs[i].x, p.x(i), 0, text);
                assertEquals(cs[i].y, p.y(i), 0, text);
            }
            assertEquals(g.getDimension(), p.dimension(), text);
            int parts = 0;
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                parts += part instanceof org.locationtech.jts.geom.Polygon poly ? 1 + poly.getNumInteriorRing() : 1;
            }
            assertEquals(parts, p.parts(), text);
        }
        byte[] collection = GeoPackageBinary.encode(wkt.read("GEOMETRYCOLLECTION (POINT (1 1))"), 2154);
        assertTrue(!WkbPacker.pack(collection, GeoPackageBinary.header(collection).wkbOffset(), new PackedGeometry()),
                "collections are left to JTS");
    }

    @Test
    void theChunksOfAViewReadInTurnGiveWhatOneScanGives() throws Exception {
        Path f = footprints(9000);
        // Keys with gaps: the chunks split the range of keys, not the rows.
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + f); var st = c.createStatement()) {
            String table = tableOf(st);
            int deleted = st.executeUpdate("DELETE FROM \"" + table + "\" WHERE rowid % 7 = 3 OR rowid BETWEEN 2001 AND 5000");
            assertTrue(deleted > 3000, "deleted " + deleted);
        }
        GeoPackageStream s = GeoPackageStream.open(f, null);
        Envelope b = s.bounds();
        int n = s.chunks(b);
        assertTrue(n > 1, "several chunks: " + n);
        Envelope corner = new Envelope(b.getMinX(), b.getMinX() + b.getWidth() / 4, b.getMinY(), b.getMaxY());
        assertEquals(0, s.chunks(corner), "a small view goes through the index");
        Envelope half = new Envelope(b.getMinX(), b.centre().x, b.getMinY(), b.getMaxY());
        for (Envelope area : List.of(b, half)) {
            List<Seen> expected = scan(s, area);
            for (boolean attributes : new boolean[] {true, false}) {
                List<Seen> got = new ArrayList<>();
                int rows = 0;
                for (int k = 0; k < n; k++) {
                    ChunkedSource.Chunk chunk = s.read(k, b, attributes);
                    rows += chunk.size();
                    got.addAll(scan(chunk::visit, area));
                }
                assertEquals(expected.size(), got.size(), "same features for " + area);
                if (area == b) assertEquals(expected.size(), rows, "every row in one chunk");
                for (int i = 0; i < expected.size(); i++) {
                    assertEquals(expected.get(i).id(), got.get(i).id(), "same order");
                    assertArrayEquals(expected.get(i).env(), got.get(i).env(), 0);
                    assertArrayEquals(expected.get(i).coords(), got.get(i).coords(), 0);
                    assertEquals(attributes ? expected.get(i).firstValue() : null, got.get(i).firstValue());
                }
            }
        }
        s.close();
    }

    @Test
    void largeRowsAreReadInChunksOfFewerRows() throws Exception {
        GeometryFactory gf = new GeometryFactory();
        List<Feature> fs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // 2,000 vertices a polygon: ≈ 32 KB a row.
            Coordinate[] ring = new Coordinate[2001];
            for (int v = 0; v < 2000; v++) {
                double a = 2 * Math.PI * v / 2000;
                ring[v] = new Coordinate(700_000 + 300 * i + 100 * Math.cos(a), 7_000_000 + 100 * Math.sin(a));
            }
            ring[2000] = ring[0];
            fs.add(new Feature(i + 1, gf.createPolygon(ring), fr.bassinminier.atlas.model.Schema.empty(), new Object[0]));
        }
        Path f = dir.resolve("big.gpkg");
        new GeoPackageWriter().write(f, List.of(new VectorLayer("big", fr.bassinminier.atlas.model.GeometryType.POLYGON,
                fr.bassinminier.atlas.model.CrsId.LAMBERT_93, fr.bassinminier.atlas.model.Schema.empty(), fs)));
        GeoPackageStream s = GeoPackageStream.open(f, null);
        Envelope b = s.bounds();
        int n = s.chunks(b);
        assertTrue(n >= 4, "2 MB chunks of 32 KB rows: " + n);
        int rows = 0;
        for (int k = 0; k < n; k++) {
            int size = s.read(k, b, false).size();
            assertTrue(size <= 2 * 300 / n + 1, "chunk " + k + ": " + size + " rows");
            rows += size;
        }
        assertEquals(300, rows);
        s.close();
    }

    @Test
    void aBrokenGeometryReadInAChunkIsReportedWithItsFeaturesKey() throws Exception {
        Path f = footprints(5000);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + f); var st = c.createStatement()) {
            String table = tableOf(st);
            // The index's triggers call SpatiaLite functions this connection lacks; the index stays right.
            List<String> triggers = new ArrayList<>();
            try (var rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
                while (rs.next()) triggers.add(rs.getString(1));
            }
            for (String t : triggers) st.execute("DROP TRIGGER \"" + t + "\"");
            // Header and envelope intact, the WKB cut short; keys with gaps before it.
            st.executeUpdate("DELETE FROM \"" + table + "\" WHERE rowid BETWEEN 2100 AND 2300");
            assertEquals(1, st.executeUpdate("UPDATE \"" + table + "\" SET geom = substr(geom, 1, 52) WHERE rowid = 3217"));
        }
        GeoPackageStream s = GeoPackageStream.open(f, null);
        Envelope b = s.bounds();
        String message = null;
        for (int k = 0; k < s.chunks(b) && message == null; k++) {
            try {
                s.read(k, b, false).visit(b, c -> {
                    if (c.packed() == null) c.geometry();
                });
            } catch (fr.bassinminier.atlas.io.StreamedReadException e) {
                message = e.getMessage();
            }
        }
        assertNotNull(message, "the cut geometry is found");
        assertTrue(message.contains("3217"), message);
        s.close();
    }

    @Test
    void aLayerWithoutItsSpatialIndexIsNotStreamed() throws Exception {
        Path f = footprints(50);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + f); var st = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (var rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rtree_%' "
                    + "AND name NOT LIKE '%\\_node' ESCAPE '\\' AND name NOT LIKE '%\\_parent' ESCAPE '\\' "
                    + "AND name NOT LIKE '%\\_rowid' ESCAPE '\\'")) {
                while (rs.next()) names.add(rs.getString(1));
            }
            assertEquals(1, names.size(), names.toString());
            st.execute("DROP TABLE \"" + names.get(0) + "\"");
        }
        assertNull(GeoPackageStream.open(f, null), "read whole instead");
    }
}
