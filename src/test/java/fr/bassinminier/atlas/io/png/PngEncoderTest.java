package fr.bassinminier.atlas.io.png;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;
import java.util.zip.Adler32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The parallel encoder's files decode (with ImageIO) to exactly the image's pixels. */
class PngEncoderTest {
    private static BufferedImage map(int w, int h, Color background) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (background != null) {
            g.setColor(background);
            g.fillRect(0, 0, w, h);
        }
        Random r = new Random(3);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256), 60 + r.nextInt(196)));
            g.fill(new Ellipse2D.Double(r.nextDouble() * w, r.nextDouble() * h, 3 + r.nextDouble() * 60, 3 + r.nextDouble() * 40));
        }
        g.dispose();
        return img;
    }

    private static void assertSamePixels(BufferedImage expected, byte[] png) throws Exception {
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(expected.getWidth(), back.getWidth());
        assertEquals(expected.getHeight(), back.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int e = expected.getRGB(x, y);
                int a = back.getRGB(x, y);
                // A fully transparent pixel has no colour worth keeping.
                if (e >>> 24 == 0) assertEquals(0, a >>> 24, "(" + x + "," + y + ")");
                else assertEquals(Integer.toHexString(e), Integer.toHexString(a), "(" + x + "," + y + ")");
            }
        }
    }

    @Test
    void anOpaqueMapComesBackPixelForPixelInRgb() throws Exception {
        BufferedImage img = map(523, 311, Color.WHITE);
        byte[] png = new PngEncoder().encode(img);
        assertEquals(2, png[8 + 8 + 9], "colour type RGB");
        assertSamePixels(img, png);
    }

    @Test
    void aTransparentMapKeepsItsAlphaAtEveryLevel() throws Exception {
        BufferedImage img = map(300, 200, null);
        for (int level : new int[] {0, 1, 6, 9}) {
            byte[] png = new PngEncoder(level, 300).encode(img);
            assertEquals(6, png[8 + 8 + 9], "colour type RGBA");
            assertSamePixels(img, png);
        }
    }

    @Test
    void adlerChecksumsCombineAsOneOverTheWhole() {
        byte[] data = new byte[100_000];
        new Random(1).nextBytes(data);
        Adler32 whole = new Adler32();
        whole.update(data);
        Adler32 a = new Adler32();
        a.update(data, 0, 70_001);
        Adler32 b = new Adler32();
        b.update(data, 70_001, data.length - 70_001);
        assertEquals(whole.getValue(), PngEncoder.combine(a.getValue(), b.getValue(), data.length - 70_001));
    }
}
