package fr.bassinminier.atlas.ui;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Java2D images (what the renderer draws) as JavaFX images. */
final class FxImages {
    private FxImages() {
    }

    /** {@code img} must be TYPE_INT_ARGB, as the renderer and the swatches make them. */
    static WritableImage of(BufferedImage img) {
        WritableImage fx = new WritableImage(img.getWidth(), img.getHeight());
        fx.getPixelWriter().setPixels(0, 0, img.getWidth(), img.getHeight(), PixelFormat.getIntArgbInstance(),
                ((DataBufferInt) img.getRaster().getDataBuffer()).getData(), 0, img.getWidth());
        return fx;
    }
}
