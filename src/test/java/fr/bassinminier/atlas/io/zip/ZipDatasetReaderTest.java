package fr.bassinminier.atlas.io.zip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import fr.bassinminier.atlas.io.Dataset;
import fr.bassinminier.atlas.io.shapefile.DbfBuilder;
import fr.bassinminier.atlas.io.shapefile.ShpBuilder;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.testsupport.GeoData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipDatasetReaderTest {
    private static final String FIXTURES = "fixtures/shp_l93_latin1_cpg/";
    private static final String[] PARTS = {"shp", "shx", "dbf", "prj", "cpg"};

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    /** Copies a fixture set into the archive under another name, read in place from geodata. */
    private static void putFixture(ZipOutputStream zip, String fixture, String as, boolean upperCase)
            throws IOException {
        for (String ext : PARTS) {
            Path part = GeoData.require(FIXTURES + fixture + "." + ext);
            put(zip, as + "." + (upperCase ? ext.toUpperCase(Locale.ROOT) : ext), Files.readAllBytes(part));
        }
    }

    private static void putTiny(ZipOutputStream zip, String base) throws IOException {
        ShpBuilder shp = new ShpBuilder(1).point(1, 2).point(3, 4);
        put(zip, base + ".shp", shp.shp());
        put(zip, base + ".shx", shp.shx());
        put(zip, base + ".dbf", new DbfBuilder(StandardCharsets.UTF_8).field("nom", 'C', 20, 0)
                .row("Cité du Château").row("Fosse 9").bytes());
    }

    private Path zip(String name, Charset names, ZipBody body) throws IOException {
        Path path = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(out, names)) {
            body.fill(zip);
        }
        return path;
    }

    interface ZipBody {
        void fill(ZipOutputStream zip) throws IOException;
    }

    private static DataException fails(ZipDatasetReader reader, Path zip, Problem expected) {
        DataException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(DataException.class, () -> reader.read(zip)));
        assertEquals(expected, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains(zip.getFileName().toString()), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        return e;
    }

    @Test
    void readsTheShapefilesOfADataGouvStyleArchive() throws Exception {
        GeoData.require(FIXTURES);
        Path path = zip("UNESCO - L93 2018.zip", StandardCharsets.UTF_8, zip -> {
            zip.putNextEntry(new ZipEntry("UNESCO - L93 2018/"));
            zip.closeEntry();
            putFixture(zip, "terrils_bien_inscrit_l93", "UNESCO - L93 2018/Bien Inscrit UNESCO BM", false);
            putFixture(zip, "communes_mbm_l93", "UNESCO - L93 2018/Communes du bassin minier", true);
            put(zip, "__MACOSX/UNESCO - L93 2018/._Bien Inscrit UNESCO BM.shp", new byte[] {0, 5, 22, 7});
            put(zip, "UNESCO - L93 2018/._Zone Tampon.shp", new byte[] {0, 5, 22, 7});
            put(zip, "UNESCO - L93 2018/lisez-moi.txt", "Licence Ouverte".getBytes(StandardCharsets.UTF_8));
        });
        ZipDatasetReader reader = new ZipDatasetReader();
        assertTrue(reader.canRead(path));
        Dataset ds = reader.read(path, warnings::add);
        assertEquals("Archive ZIP de shapefiles", ds.format());
        assertEquals(List.of("Bien Inscrit UNESCO BM", "Communes du bassin minier"),
                ds.layers().stream().map(VectorLayer::name).toList());
        VectorLayer terrils = ds.layer("Bien Inscrit UNESCO BM").orElseThrow();
        assertEquals(51, terrils.size());
        assertEquals("EPSG:2154", terrils.crs().code());
        assertEquals("2 du téléphérique", terrils.features().get(0).get("nom"));
        VectorLayer communes = ds.layer("Communes du bassin minier").orElseThrow();
        assertEquals(330, communes.size());
        assertEquals("EPSG:2154", communes.crs().code());
        assertTrue(communes.features().stream().anyMatch(f -> f.text("nom").equals("Liévin")));
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void decodesEntryNamesInUtf8AndInTheLegacyCodePage() throws Exception {
        for (Charset names : List.of(StandardCharsets.UTF_8, Charset.forName("IBM850"))) {
            Path path = zip("noms-" + names.name() + ".zip", names,
                    zip -> putTiny(zip, "Cités minières/Terrils à Loos-en-Gohelle"));
            Dataset ds = new ZipDatasetReader().read(path, warnings::add);
            VectorLayer layer = ds.layers().get(0);
            assertEquals("Terrils à Loos-en-Gohelle", layer.name(), names.name());
            assertEquals("Cité du Château", layer.features().get(0).get("nom"));
        }
    }

    @Test
    void namesTwoLayersOfTheSameNameApart() throws Exception {
        Path path = zip("doubles.zip", StandardCharsets.UTF_8, zip -> {
            putTiny(zip, "2018/terrils");
            putTiny(zip, "2019/terrils");
        });
        assertEquals(List.of("terrils", "terrils (2)"),
                new ZipDatasetReader().read(path, warnings::add).layers().stream().map(VectorLayer::name).toList());
    }

    @Test
    void refusesZipSlipEntries() throws Exception {
        Path parent = zip("slip.zip", StandardCharsets.UTF_8, zip -> {
            putTiny(zip, "ok/points");
            put(zip, "../../../home/user/.bashrc", "rm -rf ~".getBytes(StandardCharsets.UTF_8));
        });
        DataException e = fails(new ZipDatasetReader(), parent, Problem.UNSAFE);
        assertTrue(e.getMessage().contains("../../../home/user/.bashrc"), e.getMessage());

        Path absolute = zip("absolu.zip", StandardCharsets.UTF_8, zip -> putTiny(zip, "/tmp/points"));
        fails(new ZipDatasetReader(), absolute, Problem.UNSAFE);
    }

    /** A .shp whose single record announces 40 MiB of zeros: compresses to about 40 KiB. */
    private Path bomb() throws IOException {
        int content = 40 << 20;
        return zip("bombe.zip", StandardCharsets.UTF_8, zip -> {
            zip.putNextEntry(new ZipEntry("bombe.shp"));
            ByteBuffer head = ByteBuffer.allocate(112);
            head.putInt(0, 9994).putInt(24, (112 + content - 4) / 2).putInt(100, 1).putInt(104, content / 2);
            head.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, 1).putInt(108, 1);
            zip.write(head.array());
            byte[] zeros = new byte[1 << 16];
            for (int written = 4; written < content; written += zeros.length) {
                zip.write(zeros, 0, Math.min(zeros.length, content - written));
            }
            zip.closeEntry();
            put(zip, "bombe.dbf", new DbfBuilder(StandardCharsets.UTF_8).field("id", 'N', 9, 0).row("1").bytes());
        });
    }

    @Test
    void stopsReadingPastTheDecompressedSizeLimit() throws Exception {
        Path path = bomb();
        assertTrue(Files.size(path) < 1 << 20);
        ZipDatasetReader reader = new ZipDatasetReader(new ZipLimits(8 << 20, 1000, 64 << 20, 100));
        DataException e = fails(reader, path, Problem.TOO_LARGE);
        assertTrue(e.getMessage().contains("bombe.shp"), e.getMessage());
        assertTrue(e.getMessage().contains("8 Mio"), e.getMessage());
    }

    @Test
    void refusesABombLikeCompressionRatio() throws Exception {
        ZipDatasetReader reader = new ZipDatasetReader(new ZipLimits(1L << 40, 100, 1 << 20, 100));
        DataException e = fails(reader, bomb(), Problem.UNSAFE);
        assertTrue(e.getMessage().contains("bombe.shp"), e.getMessage());
    }

    @Test
    void refusesTooManyEntries() throws Exception {
        Path path = zip("nombreux.zip", StandardCharsets.UTF_8, zip -> {
            for (int i = 0; i < 20; i++) put(zip, "f" + i + ".txt", new byte[] {1});
        });
        fails(new ZipDatasetReader(new ZipLimits(1 << 20, 100, 1 << 20, 10)), path, Problem.TOO_LARGE);
    }

    @Test
    void reportsAnArchiveWithoutShapefile() throws Exception {
        Path path = zip("vide.zip", StandardCharsets.UTF_8,
                zip -> put(zip, "lisez-moi.txt", "rien".getBytes(StandardCharsets.UTF_8)));
        DataException e = fails(new ZipDatasetReader(), path, Problem.UNSUPPORTED_FORMAT);
        assertTrue(e.getMessage().contains("aucun shapefile"), e.getMessage());
    }

    @Test
    void namesTheEntryWhenAPartIsMissing() throws Exception {
        Path path = zip("incomplet.zip", StandardCharsets.UTF_8, zip -> {
            ShpBuilder shp = new ShpBuilder(1).point(1, 2);
            put(zip, "Zone Tampon/Zone Tampon.shp", shp.shp());
            put(zip, "Zone Tampon/Zone Tampon.shx", shp.shx());
        });
        DataException e = fails(new ZipDatasetReader(), path, Problem.MISSING_PART);
        assertTrue(e.getMessage().contains("Zone Tampon/Zone Tampon.dbf"), e.getMessage());
    }

    @Test
    void reportsAFileThatIsNotAnArchive() throws Exception {
        Path path = Files.writeString(dir.resolve("faux.zip"), "pas une archive");
        fails(new ZipDatasetReader(), path, Problem.CORRUPT);
        assertFalse(new ZipDatasetReader().canRead(dir.resolve("a.shp")));
    }
}
