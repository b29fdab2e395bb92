package fr.bassinminier.atlas.io.geojson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.Dataset;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.VectorLayer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoJsonTest {
    @TempDir
    Path dir;

    private Path file(String name, String json) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, json, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsFeaturesTypesAndAccents() throws Exception {
        Path p = file("cites.geojson", """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","id":7,"properties":{"nom":"Cité du Château","logements":272,"part":0.5,"unesco":true},
                  "geometry":{"type":"Polygon","coordinates":[[[2.8,50.4],[2.9,50.4],[2.9,50.5],[2.8,50.4]],
                    [[2.85,50.42],[2.86,50.42],[2.86,50.43],[2.85,50.42]]]}},
                 {"type":"Feature","properties":{"nom":"Cité des Alouettes","logements":null,"part":1,"unesco":false},
                  "geometry":{"type":"MultiPolygon","coordinates":[[[[2.7,50.4],[2.75,50.4],[2.75,50.45],[2.7,50.4]]]]}},
                 {"type":"Feature","properties":{"nom":"sans géométrie"},"geometry":null}
                ]}""");
        VectorLayer l = new GeoJsonReader().read(p).layers().get(0);
        assertEquals(3, l.size());
        assertEquals(CrsId.WGS84, l.crs());
        assertEquals(GeometryType.MULTIPOLYGON, l.geometryType());
        assertEquals(FieldType.INTEGER, l.schema().field("logements").orElseThrow().type());
        assertEquals(FieldType.DOUBLE, l.schema().field("part").orElseThrow().type());
        assertEquals(FieldType.BOOLEAN, l.schema().field("unesco").orElseThrow().type());
        assertEquals("Cité du Château", l.features().get(0).get("nom"));
        assertEquals(7L, l.features().get(0).id());
        assertEquals(1, ((org.locationtech.jts.geom.Polygon) l.features().get(0).geometry()).getNumInteriorRing());
        assertNull(l.features().get(1).get("logements"));
        assertNull(l.features().get(2).geometry());
    }

    @Test
    void oldCrsMemberGivesLambert93() throws Exception {
        Path p = file("l93.geojson", """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2154"}},
                 "features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[688117.4,7037177.0]}}]}""");
        assertEquals(CrsId.LAMBERT_93, new GeoJsonReader().read(p).layers().get(0).crs());
    }

    @Test
    void brokenJsonSaysWhereInFrench() throws Exception {
        Path p = file("casse.geojson", "{\"type\":\"FeatureCollection\",\n\"features\":[{\"type\":\"Feature\",");
        DataException e = assertThrows(DataException.class, () -> new GeoJsonReader().read(p));
        assertEquals(DataException.Problem.CORRUPT, e.problem());
        assertTrue(e.getMessage().contains("casse.geojson"), e.getMessage());
        assertTrue(e.getMessage().contains("ligne 2"), e.getMessage());
    }

    @Test
    void badCoordinateNamesTheFeature() throws Exception {
        Path p = file("coord.geojson", """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[2.8,50.4]}},
                 {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":["2,8","50,4"]}}]}""");
        DataException e = assertThrows(DataException.class, () -> new GeoJsonReader().read(p));
        assertTrue(e.getMessage().contains("entité n° 2"), e.getMessage());
    }

    @Test
    void notGeoJsonIsRefused() throws Exception {
        Path p = file("autre.json", "{\"name\":\"x\"}");
        assertThrows(DataException.class, () -> new GeoJsonReader().read(p));
    }

    @Test
    void writeThenReadRoundTripsInWgs84() throws Exception {
        Path src = file("src.geojson", """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:2154"}},"features":[
                 {"type":"Feature","id":3,"properties":{"nom":"Nœux-les-Mines","n":5},
                  "geometry":{"type":"LineString","coordinates":[[688117.392,7037177.038],[689000,7038000]]}}]}""");
        Dataset ds = new GeoJsonReader().read(src);
        Path out = dir.resolve("out.geojson");
        new GeoJsonWriter().write(out, ds.layers());
        VectorLayer back = new GeoJsonReader().read(out).layers().get(0);
        assertEquals(CrsId.WGS84, back.crs());
        assertEquals("Nœux-les-Mines", back.features().get(0).get("nom"));
        assertEquals(2.8330, back.features().get(0).geometry().getCoordinates()[0].x, 1e-6);
        assertEquals(50.4320, back.features().get(0).geometry().getCoordinates()[0].y, 1e-6);
        assertEquals(3L, back.features().get(0).id());
    }

    @Test
    void failedWriteKeepsPreviousFile() throws Exception {
        Path out = file("garde.geojson", "ancien contenu");
        VectorLayer unknown = new VectorLayer("x", GeometryType.POINT, CrsId.unknown("?"),
                fr.bassinminier.atlas.model.Schema.empty(), List.of());
        assertThrows(DataException.class, () -> new GeoJsonWriter().write(out, List.of(unknown)));
        assertEquals("ancien contenu", Files.readString(out));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.filter(f -> f.getFileName().toString().contains("garde")).count());
        }
    }
}
