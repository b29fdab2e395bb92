package fr.bassinminier.atlas.io.geopackage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.Dataset;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.VectorLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class GeoPackageRoundTripTest {
    private static final WKTReader WKT = new WKTReader();

    @TempDir
    Path dir;

    private final GeoPackageWriter writer = new GeoPackageWriter();
    private final GeoPackageReader reader = new GeoPackageReader();

    private static Geometry wkt(String text) {
        try {
            return WKT.read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static final Schema CITES = new Schema(List.of(
            new Field("nom", FieldType.STRING, 80, 0),
            new Field("commune", FieldType.STRING),
            new Field("logements", FieldType.INTEGER),
            new Field("id_lsm", FieldType.LONG),
            new Field("surface_ha", FieldType.DOUBLE),
            new Field("classe_mh", FieldType.BOOLEAN),
            new Field("inscription", FieldType.DATE),
            new Field("maj", FieldType.DATETIME)));

    private static VectorLayer cites() {
        List<Feature> fs = new ArrayList<>();
        fs.add(new Feature(1, wkt("POLYGON ((690000 7040000, 690500 7040000, 690500 7040400, 690000 7040400, "
                + "690000 7040000), (690100 7040100, 690200 7040100, 690200 7040200, 690100 7040100))"), CITES,
                new Object[] {"Cité du Château", "Nœux-les-Mines", 412, 9_000_000_001L, 12.375, true,
                        LocalDate.of(2012, 6, 30), Instant.parse("2024-03-05T14:07:09.123Z")}));
        fs.add(new Feature(2, wkt("MULTIPOLYGON (((700000 7030000, 700100 7030000, 700100 7030100, 700000 7030000)), "
                + "((700200 7030200, 700300 7030200, 700300 7030300, 700200 7030200), "
                + "(700250 7030220, 700280 7030220, 700280 7030250, 700250 7030220)))"), CITES,
                new Object[] {"Cité « Bruno » – Dourges", "Dourges", -3, -42L, -0.5, false,
                        LocalDate.of(1999, 12, 31), Instant.parse("1970-01-01T00:00:00Z")}));
        fs.add(new Feature(7, null, CITES,
                new Object[] {"Sans géométrie", null, null, null, null, null, null, null}));
        fs.add(new Feature(9, wkt("POLYGON ((650000 7020000, 650010 7020000, 650010 7020010, 650000 7020000))"), CITES,
                new Object[] {"", "Œuf d'Ézy", Integer.MAX_VALUE, Long.MIN_VALUE + 1, 1e-300, true, null, null}));
        return new VectorLayer("Cités minières", GeometryType.MULTIPOLYGON, CrsId.LAMBERT_93, CITES, fs);
    }

    private static VectorLayer puits() {
        Schema s = new Schema(List.of(new Field("fosse", FieldType.STRING), new Field("profondeur", FieldType.DOUBLE)));
        return new VectorLayer("puits_de_mines", GeometryType.POINT, CrsId.LAMBERT_93, s, List.of(
                new Feature(10, wkt("POINT (688117.392 7037177.038)"), s, new Object[] {"Fosse 9 de l'Escarpelle", 861.0}),
                new Feature(11, wkt("POINT (700000.125 7050000.875)"), s, new Object[] {"Fosse n° 3 — Saint-Pierre", null})));
    }

    private static VectorLayer cavaliers() {
        Schema s = new Schema(List.of(new Field("nom", FieldType.STRING)));
        return new VectorLayer("zt_cavaliers", GeometryType.MULTILINESTRING, CrsId.LAMBERT_93, s, List.of(
                new Feature(1, wkt("LINESTRING (690000 7040000, 691000 7041000, 692000 7040500)"), s,
                        new Object[] {"Cavalier de Liévin"}),
                new Feature(2, wkt("MULTILINESTRING ((680000 7030000, 681000 7031000), (682000 7032000, 683000 7033000))"),
                        s, new Object[] {"Cavalier d'Haillicourt"}),
                new Feature(3, null, s, new Object[] {"Tronçon sans tracé"})));
    }

    @Test
    void roundTripKeepsGeometriesValuesAndCrs() throws Exception {
        Path file = dir.resolve("atlas.gpkg");
        List<VectorLayer> layers = List.of(cites(), puits(), cavaliers());
        writer.write(file, layers);

        Dataset ds = reader.read(file);
        assertEquals("GeoPackage", ds.format());
        assertEquals(List.of("Cités minières", "puits_de_mines", "zt_cavaliers"),
                ds.layers().stream().map(VectorLayer::name).toList());
        for (VectorLayer expected : layers) {
            VectorLayer actual = ds.layer(expected.name()).orElseThrow();
            assertEquals(CrsId.LAMBERT_93, actual.crs(), expected.name());
            assertEquals(expected.geometryType(), actual.geometryType(), expected.name());
            assertEquals(expected.schema().fields(), actual.schema().fields(), expected.name());
            assertEquals(expected.size(), actual.size(), expected.name());
            for (int i = 0; i < expected.size(); i++) {
                Feature e = expected.features().get(i);
                Feature a = actual.features().get(i);
                assertEquals(e.id(), a.id());
                if (e.geometry() == null) {
                    assertNull(a.geometry(), "null geometry stays null, id " + e.id());
                } else {
                    assertTrue(e.geometry().equalsExact(a.geometry()),
                            e.geometry() + " != " + a.geometry());
                    assertEquals(e.geometry().toText(), a.geometry().toText());
                }
                assertEquals(e.attributes(), a.attributes(), "id " + e.id());
            }
            assertEquals(expected.bounds(), actual.bounds());
        }
        VectorLayer c = ds.layer("Cités minières").orElseThrow();
        assertEquals("Nœux-les-Mines", c.features().get(0).get("commune"));
        assertEquals("Cité du Château", c.features().get(0).get("nom"));
        assertEquals(Integer.class, c.features().get(0).get("logements").getClass());
        assertEquals(Long.class, c.features().get(0).get("id_lsm").getClass());
        assertEquals(1, c.features().get(0).geometry().getNumGeometries());
        assertEquals(1, ((org.locationtech.jts.geom.Polygon) c.features().get(0).geometry()).getNumInteriorRing());

        // The file opens a second time: nothing was left locked or half-written.
        Dataset again = reader.read(file);
        assertEquals(3, again.layers().size());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList(), "only the target remains in the folder");
        }
    }

    @Test
    void writesAStandardGeoPackage() throws Exception {
        Path file = dir.resolve("atlas.gpkg");
        writer.write(file, List.of(cites(), puits()));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            assertEquals(0x47504B47, single(s, "PRAGMA application_id"));
            assertTrue(((Number) single(s, "PRAGMA user_version")).intValue() >= 10200);
            assertEquals("ok", single(s, "PRAGMA integrity_check"));
            // The table name is sanitised, the layer name kept as the identifier.
            assertEquals("Cites_minieres", single(s,
                    "SELECT table_name FROM gpkg_contents WHERE identifier = 'Cités minières'"));
            assertEquals("features", single(s,
                    "SELECT data_type FROM gpkg_contents WHERE table_name = 'Cites_minieres'"));
            assertEquals(650000.0, ((Number) single(s,
                    "SELECT min_x FROM gpkg_contents WHERE table_name = 'Cites_minieres'")).doubleValue());
            assertEquals(7040400.0, ((Number) single(s,
                    "SELECT max_y FROM gpkg_contents WHERE table_name = 'Cites_minieres'")).doubleValue());
            assertEquals("MULTIPOLYGON", single(s,
                    "SELECT geometry_type_name FROM gpkg_geometry_columns WHERE table_name = 'Cites_minieres'"));
            assertEquals(2154, single(s,
                    "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = 'puits_de_mines'"));
            assertEquals("EPSG", single(s, "SELECT organization FROM gpkg_spatial_ref_sys WHERE srs_id = 2154"));
            String wkt = (String) single(s, "SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id = 2154");
            assertTrue(wkt.startsWith("PROJCS[\"RGF93 v1 / Lambert-93\"") && wkt.endsWith("AUTHORITY[\"EPSG\",\"2154\"]]"), wkt);
            // The R-tree holds every non-null geometry.
            assertEquals(3, single(s, "SELECT count(*) FROM rtree_Cites_minieres_geom"));
            assertEquals(2, single(s, "SELECT count(*) FROM rtree_puits_de_mines_geom"));
            assertEquals(2, single(s, "SELECT count(*) FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index'"));
            assertEquals("DATETIME", single(s,
                    "SELECT type FROM pragma_table_info('Cites_minieres') WHERE name = 'maj'"));
            assertEquals("2024-03-05T14:07:09.123Z", single(s, "SELECT maj FROM Cites_minieres WHERE fid = 1"));
            assertEquals("2012-06-30", single(s, "SELECT inscription FROM Cites_minieres WHERE fid = 1"));
        }
    }

    private static Object single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getObject(1);
        }
    }

    @Test
    void keepsEachCrs() throws Exception {
        Schema s = new Schema(List.of(new Field("n", FieldType.INTEGER)));
        String customWkt = "LOCAL_CS[\"Carroyage de la fosse 9\",LOCAL_DATUM[\"Fosse\",0],UNIT[\"metre\",1]]";
        List<VectorLayer> layers = new ArrayList<>();
        for (CrsId crs : List.of(CrsId.LAMBERT_93, CrsId.WGS84, CrsId.WEB_MERCATOR, CrsId.epsg(27572),
                CrsId.unknown(customWkt), CrsId.unknown(null))) {
            layers.add(new VectorLayer("couche " + crs, GeometryType.POINT, crs, s,
                    List.of(new Feature(1, wkt("POINT (2.83 50.43)"), s, new Object[] {1}))));
        }
        Path file = dir.resolve("crs.gpkg");
        writer.write(file, layers);
        Dataset ds = reader.read(file);
        assertEquals(6, ds.layers().size());
        assertEquals(CrsId.LAMBERT_93, ds.layers().get(0).crs());
        assertEquals(CrsId.WGS84, ds.layers().get(1).crs());
        assertEquals(CrsId.WEB_MERCATOR, ds.layers().get(2).crs());
        assertEquals(CrsId.epsg(27572), ds.layers().get(3).crs());
        assertEquals(CrsId.unknown(customWkt), ds.layers().get(4).crs());
        assertFalse(ds.layers().get(5).crs().isKnown());
        assertEquals("couche EPSG:4326", ds.layers().get(1).name());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            String merc = (String) single(st, "SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id = 3857");
            assertTrue(merc.contains("Pseudo-Mercator") && merc.endsWith("AUTHORITY[\"EPSG\",\"3857\"]]"), merc);
            assertEquals("EPSG", single(st, "SELECT organization FROM gpkg_spatial_ref_sys WHERE srs_id = 27572"));
            assertEquals(-1, single(st, "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = 'couche_inconnu_2'"));
            assertEquals("NONE", single(st, "SELECT s.organization FROM gpkg_spatial_ref_sys s JOIN gpkg_geometry_columns g "
                    + "ON g.srs_id = s.srs_id WHERE g.table_name = 'couche_inconnu'"));
        }
    }

    @Test
    void emptyAndThreeDimensionalGeometriesAndMixedTypes() throws Exception {
        Schema s = Schema.empty();
        VectorLayer layer = new VectorLayer("divers", GeometryType.POINT, CrsId.LAMBERT_93, s, List.of(
                new Feature(1, wkt("POINT EMPTY"), s, new Object[0]),
                new Feature(2, wkt("POINT Z (690000 7040000 45.5)"), s, new Object[0]),
                new Feature(3, wkt("MULTIPOINT ((1 2), (3 4))"), s, new Object[0]),
                new Feature(4, wkt("POLYGON EMPTY"), s, new Object[0]),
                new Feature(5, wkt("GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))"), s, new Object[0])));
        Path file = dir.resolve("divers.gpkg");
        writer.write(file, List.of(layer));
        VectorLayer back = reader.read(file).layers().get(0);
        assertEquals(GeometryType.GEOMETRY, back.geometryType(), "points and a collection: generic type");
        assertTrue(back.features().get(0).geometry().isEmpty());
        assertEquals("Point", back.features().get(0).geometry().getGeometryType());
        assertEquals(45.5, back.features().get(1).geometry().getCoordinate().getZ());
        assertTrue(back.features().get(2).geometry().equalsExact(layer.features().get(2).geometry()));
        assertTrue(back.features().get(3).geometry().isEmpty());
        assertEquals(2, back.features().get(4).geometry().getNumGeometries());
    }

    @Test
    void duplicateIdsAreRenumberedAndNamesMadeUnique() throws Exception {
        Schema s = new Schema(List.of(new Field("fid", FieldType.STRING), new Field("Nom", FieldType.STRING),
                new Field("nom", FieldType.STRING)));
        List<Feature> fs = List.of(new Feature(0, wkt("POINT (1 1)"), s, new Object[] {"a", "A", "a"}),
                new Feature(0, wkt("POINT (2 2)"), s, new Object[] {"b", "B", "b"}));
        VectorLayer a = new VectorLayer("gpkg_contents", GeometryType.POINT, CrsId.LAMBERT_93, s, fs);
        VectorLayer b = new VectorLayer("12 terrils", GeometryType.POINT, CrsId.LAMBERT_93, s, fs);
        VectorLayer c = new VectorLayer("12 terrils", GeometryType.POINT, CrsId.LAMBERT_93, s, fs);
        Path file = dir.resolve("noms.gpkg");
        writer.write(file, List.of(a, b, c));
        Dataset ds = reader.read(file);
        assertEquals(List.of("gpkg_contents", "12 terrils", "12 terrils (2)"),
                ds.layers().stream().map(VectorLayer::name).toList());
        VectorLayer back = ds.layers().get(1);
        assertEquals(List.of(1L, 2L), back.features().stream().map(Feature::id).toList());
        assertEquals(List.of("fid", "Nom", "nom_2"), back.schema().fields().stream().map(Field::name).toList());
        assertEquals("b", back.features().get(1).get("fid"));
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = conn.createStatement()) {
            assertEquals(3, single(st, "SELECT count(*) FROM gpkg_contents WHERE table_name IN "
                    + "('couche_gpkg_contents', 'couche_12_terrils', 'couche_12_terrils_2')"));
        }
    }

    @Test
    void tableNamesArePreservedWhenValid() {
        assertEquals("bien_inscrit", GeoPackageWriter.tableName("bien_inscrit"));
        assertEquals("Puits2", GeoPackageWriter.tableName("Puits2"));
        assertEquals("Cites_minieres", GeoPackageWriter.tableName("Cités minières"));
        assertEquals("Noeux_les_Mines", GeoPackageWriter.tableName("Nœux-les-Mines"));
        assertEquals("couche", GeoPackageWriter.tableName("« »"));
        assertEquals("couche_rtree_x", GeoPackageWriter.tableName("rtree_x"));
    }

    // --- atomic writes ---------------------------------------------------------------------------

    /** A value whose text cannot be produced: the write fails in the middle of a layer. */
    private static final class Exploding {
        @Override
        public String toString() {
            throw new IllegalStateException("panne simulée");
        }
    }

    @Test
    void failedWriteLeavesPreviousFileAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("atlas.gpkg");
        writer.write(file, List.of(puits()));
        byte[] before = Files.readAllBytes(file);

        Schema s = new Schema(List.of(new Field("nom", FieldType.STRING)));
        List<Feature> fs = new ArrayList<>();
        for (int i = 1; i <= 2500; i++) {
            fs.add(new Feature(i, wkt("POINT (" + (690000 + i) + " 7040000)"), s,
                    new Object[] {i == 2400 ? new Exploding() : "puits " + i}));
        }
        VectorLayer broken = new VectorLayer("casse", GeometryType.POINT, CrsId.LAMBERT_93, s, fs);

        DataException e = assertThrows(DataException.class,
                () -> writer.write(file, List.of(cites(), broken)));
        assertEquals(DataException.Problem.WRITE_FAILED, e.problem());
        assertTrue(e.getMessage().contains("atlas.gpkg"), e.getMessage());
        assertTrue(e.getMessage().contains("casse"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "the previous file is untouched");
        try (Stream<Path> list = Files.list(dir)) {
            assertEquals(List.of(file), list.toList(), "no temporary file is left");
        }
        assertEquals(List.of("puits_de_mines"),
                reader.read(file).layers().stream().map(VectorLayer::name).toList());
    }

    @Test
    void valueOfTheWrongTypeIsReportedAndNothingWritten() throws Exception {
        Schema s = new Schema(List.of(new Field("population", FieldType.LONG)));
        VectorLayer layer = new VectorLayer("communes", GeometryType.POINT, CrsId.LAMBERT_93, s, List.of(
                new Feature(1, wkt("POINT (1 1)"), s, new Object[] {"11 418"})));
        Path file = dir.resolve("nouveau.gpkg");
        DataException e = assertThrows(DataException.class, () -> writer.write(file, List.of(layer)));
        assertEquals(DataException.Problem.INCONSISTENT, e.problem());
        assertTrue(e.getMessage().startsWith("Fichier « nouveau.gpkg » :"), e.getMessage());
        assertTrue(e.getMessage().contains("population") && e.getMessage().contains("11 418"), e.getMessage());
        assertFalse(Files.exists(file));
        try (Stream<Path> list = Files.list(dir)) {
            assertEquals(0, list.count());
        }
    }

    @Test
    void rewriteReplacesTheFile() throws Exception {
        Path file = dir.resolve("atlas.gpkg");
        writer.write(file, List.of(cites(), puits()));
        writer.write(file, List.of(cavaliers()));
        Dataset ds = reader.read(file);
        assertEquals(List.of("zt_cavaliers"), ds.layers().stream().map(VectorLayer::name).toList());
    }

    @Test
    void missingFolderIsReported() {
        Path file = dir.resolve("absent").resolve("atlas.gpkg");
        DataException e = assertThrows(DataException.class, () -> writer.write(file, List.of(puits())));
        assertEquals(DataException.Problem.WRITE_FAILED, e.problem());
        assertTrue(e.getMessage().contains("atlas.gpkg"));
    }

    @Test
    void readOnlyFolderFailsCleanly() throws IOException {
        Path ro = Files.createDirectory(dir.resolve("lecture_seule"));
        Path file = ro.resolve("atlas.gpkg");
        Files.writeString(file, "ancien contenu");
        assertTrue(ro.toFile().setWritable(false, false));
        try {
            // root may write anyway: the test only makes sense when the folder really is read-only.
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(ro),
                    "dossier inscriptible malgré les droits (root) : test ignoré");
            DataException e = assertThrows(DataException.class, () -> writer.write(file, List.of(puits())));
            assertEquals(DataException.Problem.WRITE_FAILED, e.problem());
            assertEquals("ancien contenu", Files.readString(file));
            try (Stream<Path> list = Files.list(ro)) {
                assertEquals(List.of(file), list.toList());
            }
        } finally {
            ro.toFile().setWritable(true, false);
        }
    }

    @Test
    void claimsGpkgFiles() throws Exception {
        assertTrue(writer.canWrite(Path.of("x/Atlas.GPKG")));
        assertFalse(writer.canWrite(Path.of("x/atlas.shp")));
        assertTrue(reader.canRead(Path.of("absent.gpkg")));
        assertFalse(reader.canRead(dir));
        Path file = dir.resolve("atlas.gpkg");
        writer.write(file, List.of(puits()));
        Path renamed = Files.copy(file, dir.resolve("atlas.sqlite"));
        assertTrue(reader.canRead(renamed), "recognised by its application_id");
        Path text = Files.writeString(dir.resolve("notes.txt"), "bonjour");
        assertFalse(reader.canRead(text));
        assertNotNull(reader.read(renamed).layer("puits_de_mines").orElse(null));
    }
}
