package fr.bassinminier.atlas.render;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import org.locationtech.jts.geom.Envelope;

/**
 * What part of the ground is drawn on how many pixels. North is up and pixels are square, so a
 * viewport is a centre, a resolution (ground metres per pixel) and a size in pixels.
 */
public record Viewport(double centerX, double centerY, double resolution, int width, int height) {
    /** OGC SLD/SE standard rendering pixel: 0.28 mm. */
    public static final double OGC_PIXEL_METRES = 0.00028;

    public Viewport {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("taille " + width + "×" + height);
        if (!(resolution > 0) || Double.isInfinite(resolution)) throw new IllegalArgumentException("résolution " + resolution);
    }

    /** The smallest viewport of this pixel size showing the whole envelope, centred on it. */
    public static Viewport fit(Envelope ground, int width, int height) {
        double res = Math.max(ground.getWidth() / width, ground.getHeight() / height);
        if (!(res > 0)) res = 1;
        return new Viewport(ground.centre().x, ground.centre().y, res, width, height);
    }

    public Envelope ground() {
        double hw = width * resolution / 2;
        double hh = height * resolution / 2;
        return new Envelope(centerX - hw, centerX + hw, centerY - hh, centerY + hh);
    }

    /** Scale denominator the OGC way (0.28 mm pixel), as QGIS and GeoServer compute it. */
    public double scaleDenominator() {
        return resolution / OGC_PIXEL_METRES;
    }

    public AffineTransform worldToScreen() {
        double minX = centerX - width * resolution / 2;
        double maxY = centerY + height * resolution / 2;
        return new AffineTransform(1 / resolution, 0, 0, -1 / resolution, -minX / resolution, maxY / resolution);
    }

    public Point2D toScreen(double x, double y) {
        return new Point2D.Double((x - (centerX - width * resolution / 2)) / resolution,
                ((centerY + height * resolution / 2) - y) / resolution);
    }

    public Point2D toWorld(double px, double py) {
        return new Point2D.Double(centerX - width * resolution / 2 + px * resolution,
                centerY + height * resolution / 2 - py * resolution);
    }

    public Viewport withSize(int w, int h) {
        return new Viewport(centerX, centerY, resolution, w, h);
    }

    public Viewport withCenter(double x, double y) {
        return new Viewport(x, y, resolution, width, height);
    }

    /** Zoom by a factor (>1 zooms in) keeping the ground point under pixel (px, py) fixed. */
    public Viewport zoomAt(double factor, double px, double py) {
        Point2D anchor = toWorld(px, py);
        double res = resolution / factor;
        double cx = anchor.getX() - (px - width / 2.0) * res;
        double cy = anchor.getY() + (py - height / 2.0) * res;
        return new Viewport(cx, cy, res, width, height);
    }

    /** Move the map by a pixel offset (a drag of dx, dy). */
    public Viewport panPixels(double dx, double dy) {
        return new Viewport(centerX - dx * resolution, centerY + dy * resolution, resolution, width, height);
    }
}
