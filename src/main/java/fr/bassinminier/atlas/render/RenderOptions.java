package fr.bassinminier.atlas.render;

import java.awt.Color;

/**
 * How to draw beyond the layers themselves.
 *
 * @param pixelRatio  device pixels per logical pixel (2 on HiDPI screens, dpi/96 for prints):
 *                    line widths and text scale with it so a print looks like the screen
 * @param notice      text of the "indicative data" mark; null for none
 * @param attribution sources line drawn bottom-left; null for none
 * @param vector      drawing for a vector format (PDF): features smaller than a pixel are still
 *                    drawn as their shape and outline, not as a dot
 */
public record RenderOptions(Color background, double pixelRatio, String notice, String attribution, boolean vector) {
    public static final RenderOptions SCREEN = new RenderOptions(new Color(0xF4F1EA), 1, null, null);

    public RenderOptions(Color background, double pixelRatio, String notice, String attribution) {
        this(background, pixelRatio, notice, attribution, false);
    }

    public RenderOptions withNotice(String n, String attr) {
        return new RenderOptions(background, pixelRatio, n, attr, vector);
    }

    public RenderOptions asVector() {
        return new RenderOptions(background, pixelRatio, notice, attribution, true);
    }

    public RenderOptions withBackground(Color c) {
        return new RenderOptions(c, pixelRatio, notice, attribution, vector);
    }

    public RenderOptions withPixelRatio(double r) {
        return new RenderOptions(background, r, notice, attribution, vector);
    }
}
