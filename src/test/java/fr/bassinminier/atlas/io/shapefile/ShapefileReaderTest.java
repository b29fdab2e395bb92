package fr.bassinminier.atlas.io.shapefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.Dataset;
import fr.bassinminier.atlas.io.TextDecoding;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.VectorLayer;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;

class ShapefileReaderTest {
    static final String LAMBERT_93_ESRI = "PROJCS[\"RGF_1993_Lambert_93\",GEOGCS[\"GCS_RGF_1993\","
            + "DATUM[\"D_RGF_1993\",SPHEROID[\"GRS_1980\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Lambert_Conformal_Conic\"],"
            + "PARAMETER[\"False_Easting\",700000.0],PARAMETER[\"False_Northing\",6600000.0],"
            + "PARAMETER[\"Central_Meridian\",3.0],PARAMETER[\"Standard_Parallel_1\",49.0],"
            + "PARAMETER[\"Standard_Parallel_2\",44.0],PARAMETER[\"Latitude_Of_Origin\",46.5],UNIT[\"Meter\",1.0]]";

    // Shapefile rings: shells clockwise, holes counter-clockwise (y up).
    static final double[][] SQUARE_0_10 = {{0, 0}, {0, 10}, {10, 10}, {10, 0}, {0, 0}};
    static final double[][] HOLE_2_4 = {{2, 2}, {4, 2}, {4, 4}, {2, 4}, {2, 2}};
    static final double[][] SQUARE_20_30 = {{20, 20}, {20, 30}, {30, 30}, {30, 20}, {20, 20}};
    static final double[][] HOLE_22_24 = {{22, 22}, {24, 22}, {24, 24}, {22, 24}, {22, 22}};

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private VectorLayer read(Path shp) throws Exception {
        return new ShapefileReader().readLayer(new ShapefileFiles(shp), warnings::add);
    }

    private static DbfBuilder ids(int n) {
        DbfBuilder dbf = new DbfBuilder(StandardCharsets.US_ASCII).field("id", 'N', 9, 0);
        for (int i = 1; i <= n; i++) dbf.row(String.valueOf(i));
        return dbf;
    }

    private Path write(String base, ShpBuilder shp, DbfBuilder dbf) throws IOException {
        dbf.write(dir, base);
        return shp.write(dir, base);
    }

    private static String wkt(Geometry g) {
        return new WKTWriter().write(g);
    }

    @Test
    void readsPointsWithEveryAttributeType() throws Exception {
        ShpBuilder shp = new ShpBuilder(1).point(687000.5, 7037000.25).point(1, 2).point(3, 4);
        DbfBuilder dbf = new DbfBuilder(StandardCharsets.US_ASCII)
                .field("nom", 'C', 20, 0).field("pop", 'N', 9, 0).field("insee_long", 'N', 15, 0)
                .field("wide", 'N', 20, 0).field("surface", 'N', 12, 3).field("ratio", 'F', 10, 2)
                .field("inscrit", 'L', 1, 0).field("date_insc", 'D', 8, 0)
                .row("Lens   ", "32000", "123456789012", "12345678901234567890", "11.700", "0.25", "T", "20120630")
                .row("", "", "", "", "", "", "F", "00000000")
                .row("  x", "-7", "-1", "1", "-0.5", "1e3", "?", "");
        Path path = write("points", shp, dbf);
        Dataset ds = new ShapefileReader().read(path);
        assertEquals("ESRI Shapefile", ds.format());
        VectorLayer layer = ds.layers().get(0);
        assertEquals("points", layer.name());
        assertEquals(GeometryType.POINT, layer.geometryType());
        assertEquals(3, layer.size());
        assertEquals(List.of(FieldType.STRING, FieldType.INTEGER, FieldType.LONG, FieldType.DOUBLE, FieldType.DOUBLE,
                        FieldType.DOUBLE, FieldType.BOOLEAN, FieldType.DATE),
                layer.schema().fields().stream().map(f -> f.type()).toList());
        assertEquals(20, layer.schema().field("nom").orElseThrow().length());
        assertEquals(3, layer.schema().field("surface").orElseThrow().decimals());

        Feature f = layer.features().get(0);
        assertEquals(0, f.id());
        assertEquals("POINT (687000.5 7037000.25)", wkt(f.geometry()));
        assertEquals("Lens", f.get("nom"));
        assertEquals(32000, f.get("pop"));
        assertEquals(123456789012L, f.get("insee_long"));
        assertEquals(1.2345678901234567e19, (Double) f.get("wide"), 1e4);
        assertEquals(11.7, f.get("surface"));
        assertEquals(0.25, f.get("ratio"));
        assertEquals(Boolean.TRUE, f.get("inscrit"));
        assertEquals(LocalDate.of(2012, 6, 30), f.get("date_insc"));

        Feature blank = layer.features().get(1);
        assertNull(blank.get("nom"), "empty text is null, as in GDAL");
        assertNull(blank.get("pop"), "empty number is null");
        assertNull(blank.get("surface"));
        assertEquals(Boolean.FALSE, blank.get("inscrit"));
        assertNull(blank.get("date_insc"), "GDAL's empty date 00000000 is null");

        Feature third = layer.features().get(2);
        assertEquals("  x", third.get("nom"), "only trailing spaces are trimmed");
        assertEquals(-7, third.get("pop"));
        assertEquals(1000.0, third.get("ratio"));
        assertNull(third.get("inscrit"), "? is an unknown boolean");
        assertNull(third.get("date_insc"));
    }

    @Test
    void readsMalformedNumbersAndDatesAsNullsInsteadOfFailing() throws Exception {
        DbfBuilder dbf = new DbfBuilder(StandardCharsets.US_ASCII)
                .field("valeur", 'N', 12, 3).field("date", 'D', 8, 0)
                .row("1.#QNAN", "20230230")
                .row("-", "2023-1-1")
                .row("*********", "00000000")
                .row("12,5", "19991231");
        VectorLayer layer = read(write("malformed", new ShpBuilder(1).point(1, 1).point(2, 2).point(3, 3).point(4, 4),
                dbf));
        assertEquals(4, layer.size());
        for (int i = 0; i < 3; i++) {
            assertNull(layer.features().get(i).get("valeur"));
            assertNull(layer.features().get(i).get("date"));
        }
        assertEquals(12.5, layer.features().get(3).get("valeur"), "a decimal comma is read");
        assertEquals(LocalDate.of(1999, 12, 31), layer.features().get(3).get("date"));
        assertTrue(warnings.stream().anyMatch(w -> w.contains("4 valeur(s)")), warnings.toString());
    }

    @Test
    void readsLinesAndWidensTheLayerTypeWhenOneIsMultiPart() throws Exception {
        ShpBuilder shp = new ShpBuilder(3)
                .parts(3, new double[][] {{0, 0}, {1, 1}, {2, 0}})
                .parts(3, new double[][] {{10, 10}, {11, 11}}, new double[][] {{20, 20}, {21, 21}});
        VectorLayer layer = read(write("lines", shp, ids(2)));
        assertEquals(GeometryType.MULTILINESTRING, layer.geometryType());
        assertEquals("LINESTRING (0 0, 1 1, 2 0)", wkt(layer.features().get(0).geometry()));
        assertEquals("MULTILINESTRING ((10 10, 11 11), (20 20, 21 21))", wkt(layer.features().get(1).geometry()));

        VectorLayer single = read(write("single", new ShpBuilder(3).parts(3, new double[][] {{0, 0}, {1, 1}}), ids(1)));
        assertEquals(GeometryType.LINESTRING, single.geometryType());
    }

    @Test
    void readsAPolygonWithAHole() throws Exception {
        VectorLayer layer = read(write("hole", new ShpBuilder(5).parts(5, SQUARE_0_10, HOLE_2_4), ids(1)));
        assertEquals(GeometryType.POLYGON, layer.geometryType());
        Geometry g = layer.features().get(0).geometry();
        assertEquals("POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2))", wkt(g));
        assertEquals(96.0, g.getArea(), 1e-9);
        assertTrue(g.isValid());
    }

    @Test
    void givesEachHoleToTheShellContainingItWhateverTheRingOrder() throws Exception {
        ShpBuilder shp = new ShpBuilder(5)
                .parts(5, HOLE_22_24, SQUARE_0_10, SQUARE_20_30)
                .parts(5, SQUARE_0_10);
        VectorLayer layer = read(write("multi", shp, ids(2)));
        assertEquals(GeometryType.MULTIPOLYGON, layer.geometryType());
        Geometry g = layer.features().get(0).geometry();
        assertEquals("MULTIPOLYGON (((0 0, 0 10, 10 10, 10 0, 0 0)), "
                + "((20 20, 20 30, 30 30, 30 20, 20 20), (22 22, 24 22, 24 24, 22 24, 22 22)))", wkt(g));
        assertTrue(g.isValid());
        assertEquals("POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0))", wkt(layer.features().get(1).geometry()));
    }

    @Test
    void keepsAnIslandInsideAHoleAsItsOwnPolygon() throws Exception {
        double[][] shell = {{0, 0}, {0, 100}, {100, 100}, {100, 0}, {0, 0}};
        double[][] hole = {{10, 10}, {90, 10}, {90, 90}, {10, 90}, {10, 10}};
        double[][] island = {{40, 40}, {40, 60}, {60, 60}, {60, 40}, {40, 40}};
        Geometry g = read(write("island", new ShpBuilder(5).parts(5, shell, island, hole), ids(1)))
                .features().get(0).geometry();
        assertEquals("MULTIPOLYGON (((0 0, 0 100, 100 100, 100 0, 0 0), (10 10, 90 10, 90 90, 10 90, 10 10)), "
                + "((40 40, 40 60, 60 60, 60 40, 40 40)))", wkt(g));
        assertTrue(g.isValid());
    }

    @Test
    void fallsBackOnNestingWhenNoRingIsClockwise() throws Exception {
        double[][] ccwA = reversed(SQUARE_0_10);
        double[][] ccwB = reversed(SQUARE_20_30);
        double[][] ccwHole = HOLE_2_4;
        VectorLayer layer = read(write("ccw", new ShpBuilder(5)
                .parts(5, ccwA, ccwB)
                .parts(5, ccwA, ccwHole), ids(2)));
        Geometry disjoint = layer.features().get(0).geometry();
        assertEquals("MultiPolygon", disjoint.getGeometryType(), "disjoint rings are all shells");
        assertEquals(200.0, disjoint.getArea(), 1e-9);
        Geometry nested = layer.features().get(1).geometry();
        assertEquals("Polygon", nested.getGeometryType(), "a ring inside another is its hole");
        assertEquals(96.0, nested.getArea(), 1e-9);
    }

    @Test
    void closesUnclosedRingsAndSkipsDegenerateParts() throws Exception {
        double[][] open = {{0, 0}, {0, 10}, {10, 10}, {10, 0}};
        double[][] degenerate = {{50, 50}, {51, 51}};
        Geometry g = read(write("open", new ShpBuilder(5).parts(5, open, degenerate), ids(1)))
                .features().get(0).geometry();
        assertEquals("POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0))", wkt(g));
        assertTrue(warnings.stream().anyMatch(w -> w.contains("partie")), warnings.toString());
    }

    @Test
    void keepsZAndDropsM() throws Exception {
        double[][] shellZ = {{0, 0, 5}, {0, 10, 6}, {10, 10, 7}, {10, 0, 8}, {0, 0, 5}};
        VectorLayer polygons = read(write("polyz", new ShpBuilder(15).parts(15, shellZ), ids(1)));
        Geometry g = polygons.features().get(0).geometry();
        assertEquals(GeometryType.POLYGON, polygons.geometryType());
        assertEquals(7.0, g.getCoordinates()[2].getZ());
        assertEquals("POLYGON Z((0 0 5, 0 10 6, 10 10 7, 10 0 8, 0 0 5))", new WKTWriter(3).write(g));

        Geometry p = read(write("pointz", new ShpBuilder(11).pointZ(1, 2, 3), ids(1))).features().get(0).geometry();
        assertEquals(3.0, p.getCoordinate().getZ());

        VectorLayer m = read(write("linem", new ShpBuilder(23).parts(23, new double[][] {{0, 0}, {5, 5}}), ids(1)));
        Coordinate c = m.features().get(0).geometry().getCoordinates()[1];
        assertTrue(Double.isNaN(c.getZ()), "a PolyLineM has no Z");
        assertEquals("LINESTRING (0 0, 5 5)", wkt(m.features().get(0).geometry()));
    }

    @Test
    void readsMultiPointsAndNullShapes() throws Exception {
        VectorLayer mp = read(write("mp", new ShpBuilder(8).multiPoint(new double[] {1, 2}, new double[] {3, 4}),
                ids(1)));
        assertEquals(GeometryType.MULTIPOINT, mp.geometryType());
        assertEquals("MULTIPOINT ((1 2), (3 4))", wkt(mp.features().get(0).geometry()));

        VectorLayer withNull = read(write("nulls", new ShpBuilder(1).point(1, 1).nullShape().point(2, 2), ids(3)));
        assertEquals(3, withNull.size());
        assertNull(withNull.features().get(1).geometry());
        assertEquals(2, withNull.features().get(1).get("id"));
        assertEquals(GeometryType.POINT, withNull.geometryType());
    }

    @Test
    void decodesLatin1WithoutCpg() throws Exception {
        assertCiteDuChateau("latin1", StandardCharsets.ISO_8859_1, 0);
    }

    @Test
    void decodesUtf8WithoutCpg() throws Exception {
        assertCiteDuChateau("utf8", StandardCharsets.UTF_8, 0);
    }

    @Test
    void decodesWindows1252DeclaredByTheLanguageDriver() throws Exception {
        VectorLayer layer = assertCiteDuChateau("ansi", TextDecoding.WINDOWS_1252, 0x57);
        assertEquals("Nœux-les-Mines", layer.features().get(1).get("Dénominat"));
    }

    @Test
    void honoursTheCpgAndOverridesItWhenTheBytesContradictIt() throws Exception {
        Files.writeString(dir.resolve("declared.cpg"), "UTF-8");
        assertCiteDuChateau("declared", StandardCharsets.UTF_8, 0);

        Files.writeString(dir.resolve("wrongcpg.cpg"), "UTF-8");
        assertCiteDuChateau("wrongcpg", StandardCharsets.ISO_8859_1, 0);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("UTF-8")), warnings.toString());

        Files.writeString(dir.resolve("latin1cpg.cpg"), "ISO-8859-1\n");
        assertCiteDuChateau("latin1cpg", StandardCharsets.UTF_8, 0);
    }

    private VectorLayer assertCiteDuChateau(String base, Charset charset, int ldid) throws Exception {
        DbfBuilder dbf = new DbfBuilder(charset).languageDriver(ldid)
                .field("Dénominat", 'C', 40, 0).field("Classé_MH", 'L', 1, 0)
                .row("Cité du Château", "T")
                .row(charset.newEncoder().canEncode('œ') ? "Nœux-les-Mines" : "Noeux-les-Mines", "F");
        dbf.write(dir, base);
        VectorLayer layer = read(new ShpBuilder(1).point(1, 1).point(2, 2).write(dir, base));
        assertEquals(List.of("Dénominat", "Classé_MH"), layer.schema().fields().stream().map(f -> f.name()).toList());
        assertEquals("Cité du Château", layer.features().get(0).get("Dénominat"), base);
        assertEquals(Boolean.TRUE, layer.features().get(0).get("Classé_MH"));
        return layer;
    }

    @Test
    void opensWithoutShxAndFindsPartsWhateverTheirCase() throws Exception {
        Path shp = new ShpBuilder(1).point(1, 1).point(2, 2).write(dir, "COMMUNES");
        Files.move(shp, dir.resolve("COMMUNES.SHP"));
        Files.delete(dir.resolve("COMMUNES.shx"));
        ids(2).write(dir, "communes");
        Files.writeString(dir.resolve("Communes.Prj"), LAMBERT_93_ESRI);
        VectorLayer layer = read(dir.resolve("COMMUNES.SHP"));
        assertEquals("COMMUNES", layer.name());
        assertEquals(2, layer.size());
        assertEquals(CrsId.LAMBERT_93, layer.crs());
        assertTrue(warnings.stream().anyMatch(w -> w.contains(".shx")), warnings.toString());
    }

    @Test
    void followsTheShxWhenItLeavesOutRecordsRewrittenAtTheEnd() throws Exception {
        // As shapelib leaves a file after growing record 2: the old record stays in place,
        // the new one is appended, and the index points at records 1 and 3.
        ShpBuilder shp = new ShpBuilder(1).point(1, 1).point(99, 99).point(2, 2);
        Files.write(dir.resolve("edited.shp"), shp.shp());
        byte[] shx = shp.shx();
        byte[] fixed = java.util.Arrays.copyOf(shx, 100 + 16);
        System.arraycopy(shx, 100 + 16, fixed, 100 + 8, 8);
        java.nio.ByteBuffer.wrap(fixed).putInt(24, fixed.length / 2);
        Files.write(dir.resolve("edited.shx"), fixed);
        ids(2).write(dir, "edited");
        VectorLayer layer = read(dir.resolve("edited.shp"));
        assertEquals(2, layer.size());
        assertEquals("POINT (1 1)", wkt(layer.features().get(0).geometry()));
        assertEquals("POINT (2 2)", wkt(layer.features().get(1).geometry()));
        assertTrue(warnings.stream().anyMatch(w -> w.contains("non référencé")), warnings.toString());
    }

    @Test
    void ignoresAShxThatDoesNotMatchTheShp() throws Exception {
        ShpBuilder shp = new ShpBuilder(1).point(1, 1).point(2, 2);
        Path path = write("badshx", shp, ids(2));
        byte[] shx = shp.shx();
        shx[100 + 3] = 99; // first entry offset points nowhere
        Files.write(dir.resolve("badshx.shx"), shx);
        assertEquals(2, read(path).size());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("ne correspond pas")), warnings.toString());
    }

    @Test
    void recognisesTheCrsOrKeepsTheUnknownWkt() throws Exception {
        Path known = write("known", new ShpBuilder(1).point(1, 1), ids(1));
        Files.writeString(dir.resolve("known.prj"), LAMBERT_93_ESRI);
        assertEquals("EPSG:2154", read(known).crs().code());

        Path none = write("none", new ShpBuilder(1).point(1, 1), ids(1));
        CrsId missing = read(none).crs();
        assertFalse(missing.isKnown());
        assertNull(missing.definition());

        Path odd = write("odd", new ShpBuilder(1).point(1, 1), ids(1));
        Files.writeString(dir.resolve("odd.prj"), "LOCAL_CS[\"chantier\"]");
        CrsId unknown = read(odd).crs();
        assertFalse(unknown.isKnown());
        assertEquals("LOCAL_CS[\"chantier\"]", unknown.definition());
    }

    @Test
    void skipsRecordsDeletedInTheDbfButKeepsRecordNumbersAsIds() throws Exception {
        DbfBuilder dbf = new DbfBuilder(StandardCharsets.US_ASCII).field("nom", 'C', 10, 0)
                .row("a").deletedRow("b").row("c");
        VectorLayer layer = read(write("deleted", new ShpBuilder(1).point(1, 1).point(2, 2).point(3, 3), dbf));
        assertEquals(2, layer.size());
        assertEquals("c", layer.features().get(1).get("nom"));
        assertEquals(2, layer.features().get(1).id());
        assertEquals("POINT (3 3)", wkt(layer.features().get(1).geometry()));
    }

    @Test
    void claimsShpFilesOnly() {
        ShapefileReader reader = new ShapefileReader();
        assertTrue(reader.canRead(Path.of("a/B.SHP")));
        assertTrue(reader.canRead(Path.of("communes.shp")));
        assertFalse(reader.canRead(Path.of("communes.dbf")));
        assertFalse(reader.canRead(Path.of("/")));
    }

    private static double[][] reversed(double[][] ring) {
        double[][] r = new double[ring.length][];
        for (int i = 0; i < ring.length; i++) r[i] = ring[ring.length - 1 - i];
        return r;
    }
}
