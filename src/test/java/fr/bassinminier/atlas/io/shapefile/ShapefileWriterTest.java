package fr.bassinminier.atlas.io.shapefile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.crs.PrjRecognizer;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.testsupport.GeoData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class ShapefileWriterTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private static Geometry geom(String wkt) throws Exception {
        return new WKTReader().read(wkt);
    }

    private static VectorLayer layer(GeometryType type, CrsId crs, Schema schema, List<Object[]> rows,
                                     List<Geometry> geoms) {
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < geoms.size(); i++) features.add(new Feature(i, geoms.get(i), schema, rows.get(i)));
        return new VectorLayer("test", type, crs, schema, features);
    }

    private VectorLayer roundTrip(VectorLayer layer, String name) throws Exception {
        Path shp = dir.resolve(name + ".shp");
        new ShapefileWriter().write(shp, layer, warnings::add);
        return new ShapefileReader().readLayer(new ShapefileFiles(shp), warnings::add);
    }

    @Test
    void writesEveryAttributeTypeInUtf8AndReadsItBack() throws Exception {
        Schema schema = new Schema(List.of(new Field("nom", FieldType.STRING), new Field("pop", FieldType.INTEGER),
                new Field("code_long", FieldType.LONG), new Field("surface", FieldType.DOUBLE),
                new Field("inscrit", FieldType.BOOLEAN), new Field("date_insc", FieldType.DATE),
                new Field("maj", FieldType.DATETIME), new Field("population_totale", FieldType.INTEGER),
                new Field("population_2020", FieldType.INTEGER), new Field("Dénomination", FieldType.STRING)));
        Instant maj = Instant.parse("2024-03-01T10:15:30Z");
        List<Object[]> rows = List.of(
                new Object[] {"Cité du Château", 32000, 62498000000L, 11.7, true, LocalDate.of(2012, 6, 30), maj, 1, 2,
                        "Nœux-les-Mines"},
                new Object[] {null, null, null, null, null, null, null, null, null, null},
                new Object[] {"x", -7, -1L, 1e30, false, LocalDate.of(1999, 12, 31), null, 3, 4, "é".repeat(200)});
        VectorLayer written = layer(GeometryType.POINT, CrsId.LAMBERT_93, schema, rows,
                List.of(geom("POINT (687000.5 7037000.25)"), geom("POINT (1 2)"), geom("POINT (3 4)")));
        VectorLayer read = roundTrip(written, "attributs");

        assertEquals("EPSG:2154", read.crs().code());
        assertEquals(GeometryType.POINT, read.geometryType());
        assertEquals(List.of("nom", "pop", "code_long", "surface", "inscrit", "date_insc", "maj", "population",
                        "populati_1", "Dénominat"),
                read.schema().fields().stream().map(Field::name).toList());
        assertEquals(List.of(FieldType.STRING, FieldType.INTEGER, FieldType.LONG, FieldType.DOUBLE, FieldType.BOOLEAN,
                        FieldType.DATE, FieldType.STRING, FieldType.INTEGER, FieldType.INTEGER, FieldType.STRING),
                read.schema().fields().stream().map(Field::type).toList());
        Feature f = read.features().get(0);
        assertEquals("POINT (687000.5 7037000.25)", f.geometry().toText());
        assertEquals("Cité du Château", f.get("nom"));
        assertEquals(32000, f.get("pop"));
        assertEquals(62498000000L, f.get("code_long"));
        assertEquals(11.7, f.get("surface"));
        assertEquals(Boolean.TRUE, f.get("inscrit"));
        assertEquals(LocalDate.of(2012, 6, 30), f.get("date_insc"));
        assertEquals("2024-03-01T10:15:30Z", f.get("maj"));
        assertEquals("Nœux-les-Mines", f.get("Dénominat"));
        assertTrue(read.features().get(1).attributes().values().stream().allMatch(v -> v == null),
                "nulls stay nulls");
        Feature third = read.features().get(2);
        assertEquals(1e30, (Double) third.get("surface"), 1e15);
        assertEquals(Boolean.FALSE, third.get("inscrit"));
        assertEquals("é".repeat(127), third.get("Dénominat"), "cut at 254 bytes, between characters");
        assertTrue(warnings.stream().anyMatch(w -> w.contains("population_totale") && w.contains("population")),
                warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("tronqué")), warnings.toString());
        assertEquals("UTF-8", Files.readString(dir.resolve("attributs.cpg")));
    }

    @Test
    void writesShellsClockwiseAndHolesCounterClockwise() throws Exception {
        // JTS-made polygons with the opposite orientation: shell counter-clockwise, hole clockwise.
        Geometry polygon = geom("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))");
        Geometry multi = geom("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), "
                + "((20 20, 30 20, 30 30, 20 30, 20 20), (22 22, 22 24, 24 24, 24 22, 22 22)))");
        Schema schema = new Schema(List.of());
        VectorLayer read = roundTrip(layer(GeometryType.MULTIPOLYGON, CrsId.unknown(null), schema,
                List.of(new Object[0], new Object[0]), List.of(polygon, multi)), "polygones");
        assertEquals(GeometryType.MULTIPOLYGON, read.geometryType());
        assertTrue(read.features().get(0).geometry().equalsTopo(polygon));
        assertTrue(read.features().get(1).geometry().equalsTopo(multi));
        assertEquals("Polygon", read.features().get(0).geometry().getGeometryType());
        assertEquals(List.of("FID"), read.schema().fields().stream().map(Field::name).toList(),
                "a table needs a column: GDAL's FID");
        assertFalse(Files.exists(dir.resolve("polygones.prj")), "no CRS, no .prj");
    }

    @Test
    void writesZAndLines() throws Exception {
        Geometry line = geom("MULTILINESTRING Z((0 0 1, 1 1 2), (5 5 3, 6 6 4))");
        Geometry single = geom("LINESTRING (10 10, 20 20)");
        VectorLayer read = roundTrip(layer(GeometryType.MULTILINESTRING, CrsId.WGS84, new Schema(List.of()),
                List.of(new Object[0], new Object[0]), List.of(line, single)), "lignes");
        assertEquals("EPSG:4326", read.crs().code());
        Geometry back = read.features().get(0).geometry();
        assertTrue(back.equalsExact(line));
        assertEquals(4.0, back.getCoordinates()[3].getZ());
        assertEquals(0.0, read.features().get(1).geometry().getCoordinates()[0].getZ(), "Z layer: missing Z is 0");
    }

    @Test
    void replacesAnOlderShapefileAtomicallyAndRemovesItsStaleParts() throws Exception {
        Path shp = dir.resolve("communes.shp");
        Files.writeString(shp, "ancien");
        Files.writeString(dir.resolve("communes.qix"), "ancien index");
        Files.writeString(dir.resolve("communes.prj"), "ancienne projection");
        VectorLayer layer = layer(GeometryType.POINT, CrsId.unknown(null), new Schema(List.of()),
                List.<Object[]>of(new Object[0]), List.of(geom("POINT (1 1)")));
        new ShapefileWriter().write(shp, List.of(layer));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("communes.cpg", "communes.dbf", "communes.shp", "communes.shx"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(1, new ShapefileReader().read(shp).layers().get(0).size());
    }

    @Test
    void refusesWhatAShapefileCannotHold() throws Exception {
        VectorLayer mixed = layer(GeometryType.GEOMETRY, CrsId.LAMBERT_93, new Schema(List.of()),
                List.of(new Object[0], new Object[0]), List.of(geom("POINT (1 1)"), geom("LINESTRING (0 0, 1 1)")));
        DataException e = assertThrows(DataException.class,
                () -> new ShapefileWriter().write(dir.resolve("mixte.shp"), List.of(mixed)));
        assertEquals(Problem.UNSUPPORTED_FORMAT, e.problem());
        assertTrue(e.getMessage().contains("mixte.shp"), e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing written");
        }
        DataException two = assertThrows(DataException.class,
                () -> new ShapefileWriter().write(dir.resolve("deux.shp"), List.of(mixed, mixed)));
        assertEquals(Problem.UNSUPPORTED_FORMAT, two.problem());
    }

    @Test
    void writesPrjTextsThatAreRecognisedBack() {
        for (int code : new int[] {2154, 3942, 3950, 4171, 4326, 3857}) {
            String wkt = EsriWkt.of(CrsId.epsg(code));
            assertEquals("EPSG:" + code, PrjRecognizer.recognize(wkt).code(), wkt);
        }
        assertNull(EsriWkt.of(CrsId.epsg(32631)));
        assertEquals("LOCAL_CS[\"x\"]", EsriWkt.of(CrsId.unknown("LOCAL_CS[\"x\"]")));
    }

    @Test
    void rewritesTheRealCommunesIdentically() throws Exception {
        Path source = GeoData.require("fixtures/shp_l93_latin1_cpg/communes_mbm_l93.shp");
        VectorLayer original = new ShapefileReader().read(source).layers().get(0);
        VectorLayer copy = roundTrip(original, "communes_copie");
        assertEquals(original.size(), copy.size());
        assertEquals(original.crs(), copy.crs());
        assertEquals(original.geometryType(), copy.geometryType());
        assertEquals(original.schema().fields(), copy.schema().fields(), "names, types and widths kept");
        for (int i = 0; i < original.size(); i++) {
            Feature a = original.features().get(i);
            Feature b = copy.features().get(i);
            assertTrue(a.geometry().equalsExact(b.geometry()), "feature " + i);
            assertEquals(a.attributes(), b.attributes(), "feature " + i);
        }
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(dir.resolve("communes_copie.shp")),
                "the same shapes give the same .shp, byte for byte");
        assertTrue(warnings.isEmpty(), warnings.toString());
    }
}
