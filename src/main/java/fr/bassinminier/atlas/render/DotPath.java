package fr.bassinminier.atlas.render;

import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;

/**
 * Many squares of one size, filled as one shape: the dots of a dense layer drawn on a vector
 * canvas. Two numbers a dot (a Path2D keeps ten and a segment type for each), and its path is the
 * one a Path2D of the same squares gives, so what is drawn does not change.
 */
final class DotPath implements Shape {
    private final double size;
    private double[] xy;
    private int n;
    private double minX = Double.POSITIVE_INFINITY;
    private double minY = Double.POSITIVE_INFINITY;
    private double maxX = Double.NEGATIVE_INFINITY;
    private double maxY = Double.NEGATIVE_INFINITY;

    /** Squares of {@code size}, room for {@code expected} of them (the layer's features in view). */
    DotPath(double size, int expected) {
        this.size = size;
        xy = new double[2 * Math.max(256, expected)];
    }

    void add(double x, double y) {
        if (2 * n + 2 > xy.length) xy = Arrays.copyOf(xy, xy.length + (xy.length >> 1));
        xy[2 * n] = x;
        xy[2 * n + 1] = y;
        n++;
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x + size);
        maxY = Math.max(maxY, y + size);
    }

    boolean isEmpty() {
        return n == 0;
    }

    @Override
    public Rectangle2D getBounds2D() {
        return n == 0 ? new Rectangle2D.Double() : new Rectangle2D.Double(minX, minY, maxX - minX, maxY - minY);
    }

    @Override
    public Rectangle getBounds() {
        return getBounds2D().getBounds();
    }

    @Override
    public boolean contains(double x, double y) {
        for (int i = 0; i < n; i++) {
            double dx = xy[2 * i];
            double dy = xy[2 * i + 1];
            if (x >= dx && x < dx + size && y >= dy && y < dy + size) return true;
        }
        return false;
    }

    @Override
    public boolean contains(Point2D p) {
        return contains(p.getX(), p.getY());
    }

    @Override
    public boolean intersects(double x, double y, double w, double h) {
        for (int i = 0; i < n; i++) {
            double dx = xy[2 * i];
            double dy = xy[2 * i + 1];
            if (dx < x + w && dx + size > x && dy < y + h && dy + size > y) return true;
        }
        return false;
    }

    @Override
    public boolean intersects(Rectangle2D r) {
        return intersects(r.getX(), r.getY(), r.getWidth(), r.getHeight());
    }

    @Override
    public boolean contains(double x, double y, double w, double h) {
        return false; // never asked of dots (Shape allows a conservative answer)
    }

    @Override
    public boolean contains(Rectangle2D r) {
        return false;
    }

    @Override
    public PathIterator getPathIterator(AffineTransform at) {
        return new Squares(at);
    }

    @Override
    public PathIterator getPathIterator(AffineTransform at, double flatness) {
        return new Squares(at);
    }

    /** Each square as Rectangle2D gives it: move, three lines, a line back, close. */
    private final class Squares implements PathIterator {
        private final AffineTransform at;
        private int dot;
        private int seg;

        Squares(AffineTransform at) {
            this.at = at == null || at.isIdentity() ? null : at;
        }

        @Override
        public int getWindingRule() {
            return WIND_NON_ZERO;
        }

        @Override
        public boolean isDone() {
            return dot >= n;
        }

        @Override
        public void next() {
            if (++seg == 6) {
                seg = 0;
                dot++;
            }
        }

        @Override
        public int currentSegment(float[] coords) {
            double[] d = new double[2];
            int type = currentSegment(d);
            coords[0] = (float) d[0];
            coords[1] = (float) d[1];
            return type;
        }

        @Override
        public int currentSegment(double[] coords) {
            if (seg == 5) return SEG_CLOSE;
            double x = xy[2 * dot];
            double y = xy[2 * dot + 1];
            coords[0] = seg == 1 || seg == 2 ? x + size : x;
            coords[1] = seg == 2 || seg == 3 ? y + size : y;
            if (at != null) at.transform(coords, 0, coords, 0, 1);
            return seg == 0 ? SEG_MOVETO : SEG_LINETO;
        }
    }
}
