package fr.bassinminier.atlas.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Window screenshots for docs/: saved only when -Datlas.shots=DIR is given. */
final class Shots {
    private Shots() {
    }

    /** Saves {@code scene} as DIR/{@code name} after {@code settleMs} (the render after the last view change). */
    static void save(FxRobot robot, Scene scene, String name, long settleMs) throws Exception {
        String dir = System.getProperty("atlas.shots");
        if (dir == null) return;
        Thread.sleep(settleMs);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = scene.snapshot(null));
        int w = (int) img[0].getWidth();
        int h = (int) img[0].getHeight();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] px = new int[w * h];
        img[0].getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
        b.setRGB(0, 0, w, h, px, 0, w);
        ImageIO.write(b, "png", Path.of(dir, name).toFile());
    }
}
