package fr.bassinminier.atlas.analysis.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.model.CrsId;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

class FootprintReaderTest {
    @Test
    void wktInLambert93() throws Exception {
        Footprint f = FootprintReader.wkt("POLYGON((687000 7041000, 687100 7041000, 687100 7041100, 687000 7041100, "
                + "687000 7041000))", null);
        assertEquals(10_000, f.geometry().getArea(), 1e-6);
        assertEquals("EPSG:2154", f.inputCrs());
    }

    @Test
    void wktInDegreesIsRecognisedAndEwktDeclaresItsCrs() throws Exception {
        Footprint a = FootprintReader.wkt("POINT (2.8330 50.4320)", null);
        Footprint b = FootprintReader.wkt("SRID=4326;POINT (2.8330 50.4320)", null);
        for (Footprint f : new Footprint[] {a, b}) {
            Point p = (Point) f.geometry();
            // PROJ (cs2cs EPSG:4326 EPSG:2154): 688117.392 7037177.038
            assertEquals(688117.392, p.getX(), 0.02);
            assertEquals(7037177.038, p.getY(), 0.02);
            assertEquals("EPSG:4326", f.inputCrs());
        }
        assertTrue(a.notes().get(0).contains("degrés"), a.notes().toString());
    }

    @Test
    void aBowTieIsRepairedAndSaidSo() throws Exception {
        Footprint f = FootprintReader.wkt("POLYGON((688000 7037000, 688010 7037010, 688010 7037000, 688000 7037010, "
                + "688000 7037000))", CrsId.LAMBERT_93);
        assertTrue(f.geometry().isValid());
        assertEquals(50, f.geometry().getArea(), 1e-9);
        assertTrue(f.notes().get(0).contains("contour qui se recoupe"), f.notes().toString());
    }

    @Test
    void frenchErrors() {
        FootprintException e = assertThrows(FootprintException.class, () -> FootprintReader.wkt("POLYGON((0 0, 1", null));
        assertTrue(e.getMessage().startsWith("WKT illisible"), e.getMessage());
        e = assertThrows(FootprintException.class, () -> FootprintReader.wkt("POINT (2.83 50.43)", CrsId.LAMBERT_93));
        assertTrue(e.getMessage().contains("ressemblent à des degrés"), e.getMessage());
        e = assertThrows(FootprintException.class, () -> FootprintReader.file(Path.of("/nonexistent/x.shp"), null, null));
        assertTrue(e.getMessage().contains("introuvable"), e.getMessage());
    }

    @Test
    void verticesMakeAPointALineOrAPolygon() throws Exception {
        assertTrue(FootprintReader.vertices("688117 7037177", null).geometry() instanceof Point);
        assertTrue(FootprintReader.vertices("688117 7037177 | 688217 7037177", null).geometry() instanceof LineString);
        Footprint p = FootprintReader.vertices("688100 7037100\n688200 7037100\n688200 7037200\n688100 7037200", null);
        assertTrue(p.geometry() instanceof Polygon);
        assertEquals(10_000, p.geometry().getArea(), 1e-6);
        FootprintException e = assertThrows(FootprintException.class,
                () -> FootprintReader.vertices("688100 7037100 | x", null));
        assertTrue(e.getMessage().startsWith("Sommet 2 : "), e.getMessage());
    }

    @Test
    void geoJsonFileInWgs84(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("emprise.geojson");
        Files.writeString(f, """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[2.833,50.432],[2.834,50.432],[2.834,50.433],[2.833,50.433],[2.833,50.432]]]}},
                 {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[2.8335,50.4325],[2.835,50.4325],[2.835,50.434],[2.8335,50.434],[2.8335,50.4325]]]}}]}
                """);
        Footprint fp = FootprintReader.file(f, null, null);
        assertEquals("EPSG:4326", fp.inputCrs());
        assertTrue(fp.description().contains("2 objets réunis"), fp.description());
        // Two overlapping squares united: one polygon, smaller than the sum.
        assertEquals("Polygon", fp.geometry().getGeometryType());
        double a = fp.geometry().getArea();
        assertTrue(a > 17_000 && a < 25_000, "union of a 7,900 m² and a 17,700 m² square that overlap: " + a);
    }
}
