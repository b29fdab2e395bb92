package fr.bassinminier.atlas.render;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One map to draw (as QGIS's QgsMapSettings): screen, PNG, PDF, legend and report maps all
 * describe what they want with it, so that they choose the same rules and labels.
 *
 * @param viewport         the ground shown and the device pixels it is drawn on
 * @param scaleDenominator the scale SLD rules and label rules are chosen at: the printed scale on
 *                         paper, the screen's scale (a logical pixel counted 0.28 mm) on pixels
 * @param pixelRatio       device pixels per logical pixel (2 on HiDPI screens, dpi/96 for prints):
 *                         line widths, symbols and text scale with it, rule choice never does
 * @param background       colour under the layers; null for transparent
 * @param notice           text of the "indicative data" mark; null for none
 * @param attribution      sources line drawn bottom-left; null for none
 * @param vector           drawing for a vector format (PDF): features smaller than a pixel are
 *                         still drawn as their shape and outline, not as a dot
 * @param basemap          background tiles drawn under the layers; null for none
 * @param waitForTiles     true for files and prints: wait for every tile rather than draw what has arrived
 * @param clipToFrame      cut lines and polygons to the frame before drawing, so that a PDF
 *                         does not carry the vertices of everything merely touching it
 * @param cancel           turns true when the map is no longer wanted
 * @param notices          what went wrong while drawing (a layer that could not be drawn),
 *                         collected for the caller to show; the drawing itself goes on
 * @param magnification    how much larger symbols and labels are drawn than on a screen (a poster
 *                         read from afar): already counted in {@code pixelRatio}, kept apart so
 *                         that a background map, a picture of the ground, keeps its detail
 */
public record RenderRequest(Viewport viewport, double scaleDenominator, double pixelRatio, Color background,
                            String notice, String attribution, boolean vector, TileProvider basemap,
                            boolean waitForTiles, boolean clipToFrame, BooleanSupplier cancel, List<Notice> notices,
                            double magnification) {
    public static final Color SCREEN_BACKGROUND = new Color(0xF4F1EA);

    /** A layer that could not be drawn, and why (the other layers are drawn). */
    public record Notice(String layerId, String layerTitle, String problem) {
    }

    /**
     * A map on pixels, {@code pixelRatio} device pixels per logical pixel: its scale is the
     * screen's, a logical pixel counted 0.28 mm (as QGIS and GeoServer count it).
     */
    public static RenderRequest of(Viewport device, double pixelRatio) {
        return onPaper(device, device.scaleDenominator() * pixelRatio, pixelRatio).withBackground(SCREEN_BACKGROUND);
    }

    /** A map at 1:{@code scale} exactly, whatever the size of a device unit. */
    public static RenderRequest onPaper(Viewport device, double scale, double pixelRatio) {
        return new RenderRequest(device, scale, pixelRatio, Color.WHITE, null, null, false, null, false, false,
                () -> false, Collections.synchronizedList(new ArrayList<>()), 1);
    }

    public boolean cancelled() {
        return cancel.getAsBoolean();
    }

    /** Records a layer that could not be drawn, once however many bands met the problem. */
    void report(Notice n) {
        synchronized (notices) {
            if (!notices.contains(n)) notices.add(n);
        }
    }

    /**
     * Symbols, line widths and labels {@code m} times larger (a print read from afar); the scale,
     * hence the SLD rules and label rules chosen, is unchanged.
     */
    public RenderRequest magnified(double m) {
        return new RenderRequest(viewport, scaleDenominator, pixelRatio * m, background, notice, attribution, vector,
                basemap, waitForTiles, clipToFrame, cancel, notices, magnification * m);
    }

    /** Device pixels per pixel of a background map's tiles: the device's, without the magnification. */
    public double basemapRatio() {
        return pixelRatio / magnification;
    }

    public RenderRequest withMarks(String n, String attr) {
        return new RenderRequest(viewport, scaleDenominator, pixelRatio, background, n, attr, vector, basemap,
                waitForTiles, clipToFrame, cancel, notices, magnification);
    }

    public RenderRequest asVector() {
        return new RenderRequest(viewport, scaleDenominator, pixelRatio, background, notice, attribution, true, basemap,
                waitForTiles, clipToFrame, cancel, notices, magnification);
    }

    public RenderRequest withBackground(Color c) {
        return new RenderRequest(viewport, scaleDenominator, pixelRatio, c, notice, attribution, vector, basemap,
                waitForTiles, clipToFrame, cancel, notices, magnification);
    }

    /** With a background map; {@code wait}: block for its tiles (files, prints). */
    public RenderRequest withBasemap(TileProvider tiles, boolean wait) {
        return new RenderRequest(viewport, scaleDenominator, pixelRatio, background, notice, attribution, vector, tiles,
                wait, clipToFrame, cancel, notices, magnification);
    }

    public RenderRequest clippedToFrame() {
        return new RenderRequest(viewport, scaleDenominator, pixelRatio, background, notice, attribution, vector, basemap,
                waitForTiles, true, cancel, notices, magnification);
    }

    public RenderRequest withCancel(BooleanSupplier c) {
        return new RenderRequest(viewport, scaleDenominator, pixelRatio, background, notice, attribution, vector, basemap,
                waitForTiles, clipToFrame, c, notices, magnification);
    }
}
