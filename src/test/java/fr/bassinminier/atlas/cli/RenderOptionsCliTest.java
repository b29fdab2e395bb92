package fr.bassinminier.atlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `render` options: resolution, background, timings in JSON. */
class RenderOptionsCliTest {
    @TempDir
    Path dir;

    private BufferedImage render(String name, String... extra) throws Exception {
        Path png = dir.resolve(name);
        String[] args = new String[6 + extra.length];
        String[] base = {"render", CliTest.demo().toString(), "--out", png.toString(), "--width", "400"};
        System.arraycopy(base, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        CliTest.Result r = CliTest.run(args);
        assertEquals(0, r.code(), r.err());
        return ImageIO.read(png.toFile());
    }

    @Test
    void aTransparentBackgroundLeavesEmptyPixelsClear() throws Exception {
        BufferedImage white = render("w.png", "--height", "300", "--background", "white");
        BufferedImage clear = render("t.png", "--height", "300", "--background", "transparent");
        int clearOnes = 0;
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                assertEquals(0xFF, white.getRGB(x, y) >>> 24, "(" + x + "," + y + ") opaque on white");
                if (clear.getRGB(x, y) >>> 24 == 0) {
                    clearOnes++;
                    assertEquals(0xFFFFFFFF, white.getRGB(x, y), "(" + x + "," + y + ") background");
                }
            }
        }
        assertTrue(clearOnes > 1000, "background left clear: " + clearOnes);
    }

    @Test
    void dpiScalesLinesAndIsWrittenInTheFile() throws Exception {
        BufferedImage screen = render("96.png", "--height", "300");
        BufferedImage print = render("192.png", "--height", "300", "--dpi", "192");
        BufferedImage ratio = render("x2.png", "--height", "300", "--pixel-ratio", "2");
        int differ = 0;
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                if (screen.getRGB(x, y) != print.getRGB(x, y)) differ++;
                assertEquals(print.getRGB(x, y), ratio.getRGB(x, y), "--pixel-ratio 2 is --dpi 192");
            }
        }
        assertTrue(differ > 500, "thicker lines and text at 192 dpi: " + differ);
        byte[] file = Files.readAllBytes(dir.resolve("192.png"));
        String text = new String(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        int phys = text.indexOf("pHYs");
        assertTrue(phys > 0, "resolution chunk");
        int ppm = java.nio.ByteBuffer.wrap(file, phys + 4, 4).getInt();
        assertEquals(Math.round(192 / 0.0254), ppm);
        CliTest.Result both = CliTest.run("render", CliTest.demo().toString(), "--out", dir.resolve("z.png").toString(),
                "--dpi", "150", "--pixel-ratio", "2");
        assertEquals(2, both.code());
        assertNotEquals("", both.err());
    }

    @Test
    void jsonGivesEachStepsTime() throws Exception {
        Path png = dir.resolve("j.png");
        CliTest.Result r = CliTest.run("render", CliTest.demo().toString(), "--out", png.toString(), "--width", "300",
                "--height", "200", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode n = Json.MAPPER.readTree(r.out());
        for (String k : new String[] {"start", "open", "read", "render", "encode", "write", "total"}) {
            assertTrue(n.path("timings_ms").path(k).isNumber(), k + " in " + r.out());
        }
        assertTrue(n.path("features_drawn").asInt() > 0);
        assertEquals(Files.size(png), n.path("bytes").asLong());
    }
}
