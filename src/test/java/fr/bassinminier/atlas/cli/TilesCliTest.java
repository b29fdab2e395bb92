package fr.bassinminier.atlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.testsupport.TestTileServer;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `atlas tiles prefetch`, then render and print over the pack with no server. */
class TilesCliTest {
    @TempDir
    Path dir;

    @Test
    void prefetchThenRenderAndPrintOffline() throws Exception {
        Path pack = dir.resolve("lens.mbtiles");
        String bbox = "684000,7033000,692000,7041000";
        try (TestTileServer server = new TestTileServer()) {
            System.setProperty("atlas.wmts.url", server.endpoint());
            System.setProperty("atlas.cacheDir", dir.resolve("cache").toString());
            CliTest.Result r = CliTest.run("tiles", "prefetch", "--fond", "plan-ign", "--bbox", bbox, "--zoom", "11-15",
                    "--out", pack.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("tuiles (0 en échec)"), r.out());
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + pack);
                 ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*), MIN(zoom_level), MAX(zoom_level) FROM tiles")) {
                rs.next();
                assertEquals(server.tileRequests().size(), rs.getInt(1));
                assertEquals(11, rs.getInt(2));
                assertEquals(15, rs.getInt(3));
            }
        } finally {
            System.clearProperty("atlas.wmts.url");
        }
        Path png = dir.resolve("carte.png");
        CliTest.Result r = CliTest.run("render", CliTest.demo().toString(), "--fond", pack.toString(), "--bbox", bbox,
                "--width", "400", "--height", "400", "--out", png.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        // The generated tiles' pale ground (F2EFE9), not the plain background (F4F1EA), somewhere in the map.
        int tileGround = 0;
        for (int y = 0; y < 400; y += 4) for (int x = 0; x < 400; x += 4) if ((img.getRGB(x, y) & 0xffffff) == 0xF2EFE9) tileGround++;
        assertTrue(tileGround > 100, "pixels de fond de plan : " + tileGround);

        Path pdf = dir.resolve("a3.pdf");
        r = CliTest.run("print", "--project", CliTest.demo().toString(), "--fond", pack.toString(), "--page", "A3",
                "--landscape", "--extent", bbox, "--out", pdf.toString());
        assertEquals(0, r.code(), r.err());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("© IGN – Plan IGN v2 (fond de plan"), text);
        }
        CliTest.Result bad = CliTest.run("render", CliTest.demo().toString(), "--fond", "nimporte", "--width", "100",
                "--height", "100", "--out", dir.resolve("x.png").toString());
        assertEquals(0, bad.code());
        assertTrue(bad.err().contains("Fond de plan « nimporte » : inconnu"), bad.err());
        assertTrue(Files.exists(dir.resolve("x.png")));
    }
}
