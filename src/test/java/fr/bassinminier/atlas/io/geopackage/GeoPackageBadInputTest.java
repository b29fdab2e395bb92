package fr.bassinminier.atlas.io.geopackage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.VectorLayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Files that are not GeoPackages, or broken ones: a French DataException naming the file. */
class GeoPackageBadInputTest {
    @TempDir
    Path dir;

    private final GeoPackageReader reader = new GeoPackageReader();

    private static Path geodata() {
        String prop = System.getProperty("atlas.geodata");
        Path d = prop == null ? Path.of("../shared/geodata") : Path.of(prop);
        Assumptions.assumeTrue(Files.isDirectory(d), "../shared/geodata absent : test ignoré");
        return d;
    }

    private DataException failure(Path file) {
        DataException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(DataException.class, () -> reader.read(file)));
        String name = file.getFileName().toString();
        assertTrue(e.getMessage().startsWith("Fichier « " + name + " » : "), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), "no Java class for the user: " + e.getMessage());
        return e;
    }

    @Test
    void textFileRenamedGpkg() throws IOException {
        Path file = Files.writeString(dir.resolve("terrils.gpkg"), "nom;commune\nTerril 74;Loos-en-Gohelle\n");
        assertTrue(reader.canRead(file), "claimed by its name");
        DataException e = failure(file);
        assertEquals(Problem.UNSUPPORTED_FORMAT, e.problem());
        assertTrue(e.getMessage().contains("pas une base SQLite"), e.getMessage());
    }

    @Test
    void emptyAndMissingFiles() throws IOException {
        assertEquals(Problem.UNSUPPORTED_FORMAT, failure(Files.createFile(dir.resolve("vide.gpkg"))).problem());
        assertEquals(Problem.NOT_FOUND, failure(dir.resolve("absent.gpkg")).problem());
    }

    @Test
    void truncatedCopyOfTheRealFile() throws IOException {
        Path real = geodata().resolve("fixtures/bassin_minier_l93.gpkg");
        Assumptions.assumeTrue(Files.isRegularFile(real), real + " absent : test ignoré");
        long size = Files.size(real);
        // Cut in the middle of a page, on a page boundary, and just after the header.
        for (long keep : new long[] {size / 2 + 123, size / 2 - (size / 2) % 4096, 1000, 60}) {
            Path cut = dir.resolve("tronque_" + keep + ".gpkg");
            try (InputStream in = Files.newInputStream(real)) {
                Files.write(cut, in.readNBytes((int) keep));
            }
            DataException e = failure(cut);
            assertEquals(Problem.CORRUPT, e.problem(), e.getMessage());
            assertTrue(e.getMessage().contains("tronqué"), e.getMessage());
        }
    }

    @Test
    void damagedPagesOfTheRealFile() throws IOException {
        Path real = geodata().resolve("fixtures/bassin_minier_l93.gpkg");
        Assumptions.assumeTrue(Files.isRegularFile(real), real + " absent : test ignoré");
        byte[] bytes = Files.readAllBytes(real);
        // Garbage over pages 2 to 40: sqlite_master, gpkg tables and the start of the data.
        for (int i = 4096; i < 40 * 4096; i++) bytes[i] = (byte) (i * 31 + 7);
        Path damaged = Files.write(dir.resolve("abime.gpkg"), bytes);
        DataException e = failure(damaged);
        assertEquals(Problem.CORRUPT, e.problem(), e.getMessage());
    }

    @Test
    void plainSqliteDatabaseWithoutGeoPackageTables() throws Exception {
        Path file = dir.resolve("communes.gpkg");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE communes (insee TEXT, nom TEXT)");
            s.execute("INSERT INTO communes VALUES ('62617', 'Nœux-les-Mines')");
        }
        DataException e = failure(file);
        assertEquals(Problem.UNSUPPORTED_FORMAT, e.problem());
        assertTrue(e.getMessage().contains("n'est pas un GeoPackage"), e.getMessage());
        Path other = Files.copy(file, dir.resolve("communes.sqlite"));
        assertFalse(reader.canRead(other), "no .gpkg name, no GPKG application_id");
    }

    private Path smallGeoPackage(String name) throws DataException {
        Schema s = new Schema(List.of(new Field("nom", FieldType.STRING)));
        GeometryFactory gf = new GeometryFactory();
        VectorLayer layer = new VectorLayer("terrils", GeometryType.POINT, CrsId.LAMBERT_93, s, List.of(
                new Feature(1, gf.createPoint(new Coordinate(690000, 7040000)), s, new Object[] {"T74"}),
                new Feature(2, gf.createPoint(new Coordinate(691000, 7041000)), s, new Object[] {"T75"})));
        Path file = dir.resolve(name);
        new GeoPackageWriter().write(file, List.of(layer));
        return file;
    }

    @Test
    void geometryBlobThatDoesNotParseNamesTableAndRow() throws Exception {
        Path file = smallGeoPackage("casse.gpkg");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            // The R-tree triggers call ST_* functions that this plain connection lacks.
            s.execute("DROP TRIGGER IF EXISTS rtree_terrils_geom_update1");
            s.execute("DROP TRIGGER IF EXISTS rtree_terrils_geom_update2");
            s.execute("DROP TRIGGER IF EXISTS rtree_terrils_geom_update3");
            s.execute("DROP TRIGGER IF EXISTS rtree_terrils_geom_update4");
            s.execute("DROP TRIGGER IF EXISTS rtree_terrils_geom_update5");
            s.execute("DROP TRIGGER IF EXISTS rtree_terrils_geom_update6");
            s.execute("DROP TRIGGER IF EXISTS rtree_terrils_geom_update7");
            s.execute("UPDATE terrils SET geom = X'475000016A080000010700' WHERE fid = 2");
        }
        DataException e = failure(file);
        assertEquals(Problem.CORRUPT, e.problem());
        assertTrue(e.getMessage().contains("terrils") && e.getMessage().contains("n° 2"), e.getMessage());

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("UPDATE terrils SET geom = X'0001020304' WHERE fid = 2");
        }
        e = failure(file);
        assertTrue(e.getMessage().contains("GP"), e.getMessage());
    }

    @Test
    void unknownSrsKeepsReading() throws Exception {
        Path file = smallGeoPackage("srs.gpkg");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            s.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('Lambert local', 999001, 'ACME', 7, "
                    + "'PROJCS[\"Lambert local de la fosse\",GEOGCS[\"x\"]]', NULL)");
            s.execute("UPDATE gpkg_geometry_columns SET srs_id = 999001");
            s.execute("UPDATE gpkg_contents SET srs_id = 999001");
        }
        VectorLayer layer = reader.read(file).layers().get(0);
        assertFalse(layer.crs().isKnown());
        assertTrue(layer.crs().definition().contains("Lambert local de la fosse"));
        assertEquals(2, layer.size());

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            s.execute("UPDATE gpkg_geometry_columns SET srs_id = 424242"); // no such row at all
        }
        layer = reader.read(file).layers().get(0);
        assertFalse(layer.crs().isKnown());
        assertNull(layer.crs().definition());
        assertEquals(2, layer.size());
    }

    @Test
    void tilesOnlyGeoPackageHasNoVectorLayer() throws Exception {
        Path file = dir.resolve("tuiles.gpkg");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = 1196444487");
            s.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, "
                    + "organization TEXT, organization_coordsys_id INTEGER, definition TEXT, description TEXT)");
            s.execute("CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT, "
                    + "description TEXT, last_change DATETIME, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, "
                    + "max_y DOUBLE, srs_id INTEGER)");
            s.execute("INSERT INTO gpkg_contents (table_name, data_type) VALUES ('orthophoto', 'tiles')");
        }
        assertTrue(reader.canRead(dir.resolve("tuiles.gpkg")));
        DataException e = failure(file);
        assertEquals(Problem.UNSUPPORTED_FORMAT, e.problem());
        assertTrue(e.getMessage().contains("aucune couche vectorielle"), e.getMessage());
    }

    @Test
    void declaredGeometryColumnMissing() throws Exception {
        Path file = smallGeoPackage("sans_colonne.gpkg");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("UPDATE gpkg_geometry_columns SET column_name = 'the_geom'");
        }
        DataException e = failure(file);
        assertEquals(Problem.CORRUPT, e.problem());
        assertTrue(e.getMessage().contains("the_geom") && e.getMessage().contains("terrils"), e.getMessage());
    }
}
