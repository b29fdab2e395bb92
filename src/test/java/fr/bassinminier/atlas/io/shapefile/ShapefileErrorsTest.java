package fr.bassinminier.atlas.io.shapefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives a DataException with the right problem and a French message naming the file. */
class ShapefileErrorsTest {
    @TempDir
    Path dir;

    private static DbfBuilder ids(int n) {
        DbfBuilder dbf = new DbfBuilder(StandardCharsets.US_ASCII).field("id", 'N', 9, 0);
        for (int i = 1; i <= n; i++) dbf.row(String.valueOf(i));
        return dbf;
    }

    private static ShpBuilder threePolygons() {
        double[][] ring = {{0, 0}, {0, 10}, {10, 10}, {10, 0}, {0, 0}};
        return new ShpBuilder(5).parts(5, ring).parts(5, ring).parts(5, ring);
    }

    private static DataException fails(Path shp, Problem expected, String... mentions) {
        DataException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(DataException.class, () -> new ShapefileReader().read(shp)));
        assertEquals(expected, e.problem(), e.getMessage());
        String message = e.getMessage();
        assertTrue(message.contains(shp.getFileName().toString()), message);
        for (String m : mentions) assertTrue(message.contains(m), message);
        assertFalse(message.contains("Exception") || message.contains("java."), message);
        return e;
    }

    @Test
    void truncatedShp() throws Exception {
        ShpBuilder shp = threePolygons();
        ids(3).write(dir, "cut");
        shp.write(dir, "cut");
        byte[] full = shp.shp();
        Path path = Files.write(dir.resolve("cut.shp"), Arrays.copyOf(full, full.length - 30));
        fails(path, Problem.TRUNCATED, "tronqué");
    }

    @Test
    void shpShorterThanItsHeader() throws Exception {
        ids(0).write(dir, "tiny");
        Path path = Files.write(dir.resolve("tiny.shp"), Arrays.copyOf(new ShpBuilder(1).shp(), 60));
        fails(path, Problem.TRUNCATED);
    }

    @Test
    void dbfCountDisagreeingWithShp() throws Exception {
        ids(2).write(dir, "count");
        Path path = threePolygons().write(dir, "count");
        fails(path, Problem.INCONSISTENT, "count.dbf", "2 enregistrement", "en compte 3");
    }

    @Test
    void missingDbf() throws Exception {
        Path path = threePolygons().write(dir, "alone");
        fails(path, Problem.MISSING_PART, "alone.dbf");
    }

    @Test
    void missingShp() {
        DataException e = assertThrows(DataException.class,
                () -> new ShapefileReader().read(dir.resolve("absent.shp")));
        assertEquals(Problem.NOT_FOUND, e.problem());
        assertTrue(e.getMessage().contains("absent.shp"));
    }

    @Test
    void garbageFile() throws Exception {
        byte[] noise = new byte[5000];
        new Random(42).nextBytes(noise);
        ids(1).write(dir, "noise");
        Path path = Files.write(dir.resolve("noise.shp"), noise);
        fails(path, Problem.CORRUPT, "9994");
    }

    @Test
    void textFileNamedShp() throws Exception {
        ids(1).write(dir, "readme");
        Path path = Files.writeString(dir.resolve("readme.shp"), "Ceci n'est pas un shapefile.\n");
        fails(path, Problem.CORRUPT);
    }

    @Test
    void craftedHugeRecordLengthNeitherHangsNorAllocates() throws Exception {
        ShpBuilder shp = new ShpBuilder(1).point(1, 1).point(2, 2);
        byte[] bytes = shp.shp();
        ByteBuffer.wrap(bytes).putInt(100 + 4, Integer.MAX_VALUE); // 4 GiB announced for record 1
        ids(2).write(dir, "huge");
        Files.write(dir.resolve("huge.shx"), shp.shx());
        Path path = Files.write(dir.resolve("huge.shp"), bytes);
        fails(path, Problem.CORRUPT, "enregistrement n°1");
    }

    @Test
    void craftedPointCountInsideARecord() throws Exception {
        ShpBuilder shp = threePolygons();
        byte[] bytes = shp.shp();
        // Record 1 content starts at 108; numPoints is at content offset 40.
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(108 + 40, 500_000_000);
        ids(3).write(dir, "points");
        Files.write(dir.resolve("points.shx"), shp.shx());
        Path path = Files.write(dir.resolve("points.shp"), bytes);
        fails(path, Problem.CORRUPT, "points");
    }

    @Test
    void unknownShapeType() throws Exception {
        ShpBuilder shp = new ShpBuilder(31).raw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(31).array());
        ids(1).write(dir, "patch");
        Path path = shp.write(dir, "patch");
        fails(path, Problem.CORRUPT, "type de forme inconnu", "31");

        ShpBuilder record = new ShpBuilder(1).raw(ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putInt(77).array());
        ids(1).write(dir, "odd");
        fails(record.write(dir, "odd"), Problem.CORRUPT, "77");
    }

    @Test
    void truncatedDbf() throws Exception {
        byte[] dbf = ids(3).bytes();
        threePolygons().write(dir, "halfdbf");
        Files.write(dir.resolve("halfdbf.dbf"), Arrays.copyOf(dbf, dbf.length - 12));
        fails(dir.resolve("halfdbf.shp"), Problem.TRUNCATED, "halfdbf.dbf");
    }

    @Test
    void garbageDbf() throws Exception {
        byte[] noise = new byte[3000];
        new Random(7).nextBytes(noise);
        threePolygons().write(dir, "noisedbf");
        Files.write(dir.resolve("noisedbf.dbf"), noise);
        DataException e = assertThrows(DataException.class, () -> new ShapefileReader().read(dir.resolve("noisedbf.shp")));
        assertTrue(e.problem() == Problem.CORRUPT || e.problem() == Problem.TRUNCATED
                || e.problem() == Problem.UNSUPPORTED_FORMAT, e.problem() + " " + e.getMessage());
        assertTrue(e.getMessage().contains("noisedbf.dbf"), e.getMessage());
    }
}
