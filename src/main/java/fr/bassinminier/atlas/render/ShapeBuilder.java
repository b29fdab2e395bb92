package fr.bassinminier.atlas.render;

import fr.bassinminier.atlas.model.PackedGeometry;
import java.awt.geom.Path2D;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Turns JTS geometries into Java2D paths in screen space. Vertices closer than a fraction of a
 * pixel to the previous kept one are skipped: at basin scale a commune outline of thousands of
 * vertices collapses to a few dozen, which is most of the rendering speed for big layers.
 */
final class ShapeBuilder {
    private final double a;
    private final double d;
    private final double tx;
    private final double ty;
    private final double minStep2;

    ShapeBuilder(Viewport vp, double minStepPixels) {
        var t = vp.worldToScreen();
        a = t.getScaleX();
        d = t.getScaleY();
        tx = t.getTranslateX();
        ty = t.getTranslateY();
        minStep2 = minStepPixels * minStepPixels;
    }

    Path2D.Double path(Geometry g) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        append(p, g);
        return p;
    }

    /** The geometry's path in a path reused from feature to feature (its arrays are kept). */
    Path2D.Double path(Path2D.Double reused, Geometry g) {
        reused.reset();
        append(reused, g);
        return reused;
    }

    /** Coordinates straight from a file: the same path as their JTS geometry would give. */
    Path2D.Double path(Path2D.Double reused, PackedGeometry g) {
        reused.reset();
        boolean close = g.dimension() == 2;
        for (int part = 0; part < g.parts(); part++) {
            int start = g.partStart(part);
            int end = g.partEnd(part);
            if (end <= start) continue;
            double lx = a * g.x(start) + tx;
            double ly = d * g.y(start) + ty;
            reused.moveTo(lx, ly);
            int kept = 1;
            for (int i = start + 1; i < end; i++) {
                double x = a * g.x(i) + tx;
                double y = d * g.y(i) + ty;
                double dx = x - lx;
                double dy = y - ly;
                if (dx * dx + dy * dy >= minStep2 || i == end - 1) {
                    reused.lineTo(x, y);
                    lx = x;
                    ly = y;
                    kept++;
                }
            }
            if (close && kept > 2) reused.closePath();
        }
        return reused;
    }

    private void append(Path2D.Double p, Geometry g) {
        if (g instanceof Polygon poly) {
            if (poly.isEmpty()) return;
            ring(p, poly.getExteriorRing().getCoordinateSequence(), true);
            for (int i = 0; i < poly.getNumInteriorRing(); i++) {
                ring(p, poly.getInteriorRingN(i).getCoordinateSequence(), true);
            }
        } else if (g instanceof LineString ls) {
            ring(p, ls.getCoordinateSequence(), false);
        } else {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                if (part != g) append(p, part);
            }
        }
    }

    private void ring(Path2D.Double p, CoordinateSequence seq, boolean close) {
        int n = seq.size();
        if (n == 0) return;
        double lx = a * seq.getX(0) + tx;
        double ly = d * seq.getY(0) + ty;
        p.moveTo(lx, ly);
        int kept = 1;
        for (int i = 1; i < n; i++) {
            double x = a * seq.getX(i) + tx;
            double y = d * seq.getY(i) + ty;
            double dx = x - lx;
            double dy = y - ly;
            if (dx * dx + dy * dy >= minStep2 || i == n - 1) {
                p.lineTo(x, y);
                lx = x;
                ly = y;
                kept++;
            }
        }
        if (close && kept > 2) p.closePath();
    }

    double screenX(double x) {
        return a * x + tx;
    }

    double screenY(double y) {
        return d * y + ty;
    }
}
