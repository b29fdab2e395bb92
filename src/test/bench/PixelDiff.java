import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Compares two PNG files pixel by pixel: how many pixels differ, and by how much at most in any
 * channel. Run as a single-file program: java src/test/bench/PixelDiff.java a.png b.png
 */
public class PixelDiff {
    public static void main(String[] args) throws Exception {
        BufferedImage a = ImageIO.read(new File(args[0]));
        BufferedImage b = ImageIO.read(new File(args[1]));
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            System.out.println("sizes differ: " + a.getWidth() + "x" + a.getHeight() + " / " + b.getWidth() + "x" + b.getHeight());
            System.exit(1);
        }
        long differing = 0;
        int max = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                if (p == q) continue;
                differing++;
                for (int s = 0; s < 32; s += 8) max = Math.max(max, Math.abs(((p >>> s) & 0xff) - ((q >>> s) & 0xff)));
            }
        }
        long total = (long) a.getWidth() * a.getHeight();
        System.out.printf("%d of %d pixels differ (%.4f %%), largest channel difference %d%n", differing, total,
                100.0 * differing / total, max);
    }
}
