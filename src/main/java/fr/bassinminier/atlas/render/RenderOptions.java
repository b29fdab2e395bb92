package fr.bassinminier.atlas.render;

import java.awt.Color;

/**
 * How a map is drawn, beside what is drawn.
 *
 * @param background   colour under the layers; null for transparent
 * @param pixelRatio   device pixels per logical pixel (2 on HiDPI screens, dpi/96 for prints):
 *                     line widths and text scale with it so a print looks like the screen
 * @param notice       text of the "indicative data" mark; null for none
 * @param attribution  sources line drawn bottom-left; null for none
 * @param vector       drawing for a vector format (PDF): features smaller than a pixel are still
 *                     drawn as their shape and outline, not as a dot
 * @param basemap      background tiles drawn under the layers; null for none
 * @param waitForTiles true for files and prints: wait for every tile rather than draw what has arrived
 */
public record RenderOptions(Color background, double pixelRatio, String notice, String attribution, boolean vector,
                            TileProvider basemap, boolean waitForTiles) {
    public static final RenderOptions SCREEN = new RenderOptions(new Color(0xF4F1EA), 1, null, null);

    public RenderOptions(Color background, double pixelRatio, String notice, String attribution) {
        this(background, pixelRatio, notice, attribution, false, null, false);
    }

    public RenderOptions(Color background, double pixelRatio, String notice, String attribution, boolean vector) {
        this(background, pixelRatio, notice, attribution, vector, null, false);
    }

    public RenderOptions withNotice(String n, String attr) {
        return new RenderOptions(background, pixelRatio, n, attr, vector, basemap, waitForTiles);
    }

    public RenderOptions asVector() {
        return new RenderOptions(background, pixelRatio, notice, attribution, true, basemap, waitForTiles);
    }

    public RenderOptions withBackground(Color c) {
        return new RenderOptions(c, pixelRatio, notice, attribution, vector, basemap, waitForTiles);
    }

    public RenderOptions withPixelRatio(double r) {
        return new RenderOptions(background, r, notice, attribution, vector, basemap, waitForTiles);
    }

    /** With a background map; {@code wait}: block for its tiles (files, prints). */
    public RenderOptions withBasemap(TileProvider tiles, boolean wait) {
        return new RenderOptions(background, pixelRatio, notice, attribution, vector, tiles, wait);
    }
}
