package fr.bassinminier.atlas.render;

import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.style.Displacement;
import fr.bassinminier.atlas.model.style.Fill;
import fr.bassinminier.atlas.model.style.Graphic;
import fr.bassinminier.atlas.model.style.LineSymbolizer;
import fr.bassinminier.atlas.model.style.Mark;
import fr.bassinminier.atlas.model.style.PointSymbolizer;
import fr.bassinminier.atlas.model.style.PolygonSymbolizer;
import fr.bassinminier.atlas.model.style.Stroke;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;

/**
 * Draws SLD symbolizers with Java2D. Sizes in SLD are pixels of the 0.28 mm standard pixel, so
 * every length is multiplied by the pixel ratio k (2 on HiDPI screens, dpi/90.7 for prints),
 * which keeps a print looking like the screen. Everything stays vector: hatching is clipped
 * lines, not a texture, so a PDF keeps it sharp.
 */
final class SymbolPainter {
    private SymbolPainter() {
    }

    static void polygon(Graphics2D g, Shape area, PolygonSymbolizer s, Feature f, double k) {
        Fill fill = s.fill();
        if (fill != null) {
            Mark hatch = fill.graphicFillMark();
            if (hatch != null && hatch.isHatch()) {
                hatch(g, area, fill.graphicFill(), hatch, f, k);
            } else if (hatch != null) {
                // A non-hatch mark fill (dots, circles): approximate by its colour, lighter.
                Color c = color(hatch.fill() == null ? null : hatch.fill().colorFor(f), 0.35);
                if (c != null) {
                    g.setColor(c);
                    g.fill(area);
                }
            } else {
                Color c = color(fill.colorFor(f), fill.opacityFor(f));
                if (c != null) {
                    g.setColor(c);
                    g.fill(area);
                }
            }
        }
        if (s.stroke() != null) stroke(g, area, s.stroke(), f, k);
    }

    static void line(Graphics2D g, Shape path, LineSymbolizer s, Feature f, double k) {
        stroke(g, path, s.strokeOrDefault(), f, k);
    }

    static void stroke(Graphics2D g, Shape path, Stroke s, Feature f, double k) {
        Color c = color(s.colorFor(f), s.opacityFor(f));
        double w = s.widthFor(f);
        if (c == null || w <= 0) return;
        g.setColor(c);
        g.setStroke(basicStroke(s, w * k, k, f));
        g.draw(path);
    }

    private static BasicStroke basicStroke(Stroke s, double width, double k, Feature f) {
        int cap = switch (s.lineCap() == null ? "butt" : s.lineCap().toLowerCase(Locale.ROOT)) {
            case "round" -> BasicStroke.CAP_ROUND;
            case "square" -> BasicStroke.CAP_SQUARE;
            default -> BasicStroke.CAP_BUTT;
        };
        int join = switch (s.lineJoin() == null ? "mitre" : s.lineJoin().toLowerCase(Locale.ROOT)) {
            case "round" -> BasicStroke.JOIN_ROUND;
            case "bevel" -> BasicStroke.JOIN_BEVEL;
            default -> BasicStroke.JOIN_MITER;
        };
        List<Double> dash = s.dashArray();
        if (dash.isEmpty() || dash.stream().allMatch(d -> d <= 0)) {
            return new BasicStroke((float) width, cap, join, 10);
        }
        float[] d = new float[dash.size()];
        for (int i = 0; i < d.length; i++) d[i] = (float) Math.max(0.01, dash.get(i) * k);
        return new BasicStroke((float) width, cap, join, 10, d, (float) (s.dashOffsetFor(f) * k));
    }

    /** Line hatching clipped to the area; the spacing is the mark size, as GeoServer tiles it. */
    private static void hatch(Graphics2D g, Shape area, Graphic graphic, Mark mark, Feature f, double k) {
        Stroke ms = mark.stroke() != null ? mark.stroke() : Stroke.DEFAULT;
        Color c = color(ms.colorFor(f), ms.opacityFor(f) * graphic.opacityFor(f));
        if (c == null) return;
        double step = Math.max(3, graphic.sizeFor(f)) * k;
        Shape oldClip = g.getClip();
        Shape clip = area;
        if (oldClip instanceof Rectangle2D r && !r.contains(area.getBounds2D())) {
            // Java2D intersects a clip shape that crosses the current clip through java.awt.geom.Area:
            // half of the default map's first render went there (a hatched area wider than a
            // render band). Cut to the rectangle here, ring by ring, the shape stays a path and is
            // taken as it is. Inset by a thousandth of a pixel so that it lies inside the rectangle.
            Shape cut = cutToRectangle(area, new Rectangle2D.Double(r.getX() + 1e-3, r.getY() + 1e-3,
                    r.getWidth() - 2e-3, r.getHeight() - 2e-3));
            if (cut != null) clip = cut;
        }
        g.clip(clip);
        g.setColor(c);
        g.setStroke(new BasicStroke((float) (Math.max(0.3, ms.widthFor(f)) * k)));
        Rectangle2D b = MapRenderer.visible(g, area);
        double rotation = graphic.rotationFor(f);
        String shape = mark.shape();
        if (rotation % 180 == 45 || rotation % 180 == -135) {
            // QGIS writes diagonal hatching as a horizontal line rotated by 45°.
            shape = "horline".equals(shape) ? "slash" : "vertline".equals(shape) ? "backslash" : shape;
        }
        switch (shape) {
            case "slash" -> diagonals(g, b, step, false);
            case "backslash" -> diagonals(g, b, step, true);
            case "horline" -> horizontals(g, b, step);
            case "vertline" -> verticals(g, b, step);
            case "times" -> {
                diagonals(g, b, step, false);
                diagonals(g, b, step, true);
            }
            case "plus" -> {
                horizontals(g, b, step);
                verticals(g, b, step);
            }
            default -> diagonals(g, b, step, false);
        }
        g.setClip(oldClip);
    }

    /**
     * The part of a polygon shape (straight segments only) inside a rectangle: each ring cut by
     * Sutherland–Hodgman, so that the even-odd or non-zero rule of the rings gives the same region
     * within the rectangle. Null for a shape with curves (left to Java2D).
     */
    static Shape cutToRectangle(Shape area, Rectangle2D r) {
        java.awt.geom.PathIterator it = area.getPathIterator(null);
        Path2D.Double out = new Path2D.Double(it.getWindingRule());
        double[] c = new double[6];
        double[] ring = new double[64];
        int n = 0;
        for (; !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case java.awt.geom.PathIterator.SEG_MOVETO -> {
                    cutRing(ring, n, r, out);
                    n = 0;
                    ring[n++] = c[0];
                    ring[n++] = c[1];
                }
                case java.awt.geom.PathIterator.SEG_LINETO -> {
                    if (n + 2 > ring.length) ring = java.util.Arrays.copyOf(ring, ring.length * 2);
                    ring[n++] = c[0];
                    ring[n++] = c[1];
                }
                case java.awt.geom.PathIterator.SEG_CLOSE -> {
                    cutRing(ring, n, r, out);
                    n = 0;
                }
                default -> {
                    return null;
                }
            }
        }
        cutRing(ring, n, r, out);
        return out;
    }

    /** One ring (x, y pairs, closed implicitly) cut to the rectangle, appended to {@code out}. */
    private static void cutRing(double[] ring, int n, Rectangle2D r, Path2D.Double out) {
        if (n < 6) return;
        double[] pts = java.util.Arrays.copyOf(ring, n);
        // Against each side in turn: x ≥ minX, x ≤ maxX, y ≥ minY, y ≤ maxY.
        for (int side = 0; side < 4 && pts.length >= 6; side++) {
            boolean isX = side < 2;
            double edge = switch (side) {
                case 0 -> r.getMinX();
                case 1 -> r.getMaxX();
                case 2 -> r.getMinY();
                default -> r.getMaxY();
            };
            boolean keepAbove = side == 0 || side == 2;
            double[] next = new double[pts.length + 8];
            int m = 0;
            int count = pts.length / 2;
            for (int i = 0; i < count; i++) {
                double ax = pts[2 * ((i + count - 1) % count)];
                double ay = pts[2 * ((i + count - 1) % count) + 1];
                double bx = pts[2 * i];
                double by = pts[2 * i + 1];
                double av = isX ? ax : ay;
                double bv = isX ? bx : by;
                boolean aIn = keepAbove ? av >= edge : av <= edge;
                boolean bIn = keepAbove ? bv >= edge : bv <= edge;
                if (aIn != bIn) {
                    double t = (edge - av) / (bv - av);
                    if (m + 4 > next.length) next = java.util.Arrays.copyOf(next, next.length * 2);
                    next[m++] = isX ? edge : ax + t * (bx - ax);
                    next[m++] = isX ? ay + t * (by - ay) : edge;
                }
                if (bIn) {
                    if (m + 4 > next.length) next = java.util.Arrays.copyOf(next, next.length * 2);
                    next[m++] = bx;
                    next[m++] = by;
                }
            }
            pts = java.util.Arrays.copyOf(next, m);
        }
        if (pts.length < 6) return;
        out.moveTo(pts[0], pts[1]);
        for (int i = 2; i < pts.length; i += 2) out.lineTo(pts[i], pts[i + 1]);
        out.closePath();
    }

    private static void diagonals(Graphics2D g, Rectangle2D b, double step, boolean back) {
        // Anchored to multiples of the step so neighbouring polygons' hatching lines up.
        double start = Math.floor((b.getMinX() - b.getHeight()) / step) * step;
        for (double x0 = start; x0 < b.getMaxX(); x0 += step) {
            if (back) g.draw(new Line2D.Double(x0, b.getMinY(), x0 + b.getHeight(), b.getMaxY()));
            else g.draw(new Line2D.Double(x0, b.getMaxY(), x0 + b.getHeight(), b.getMinY()));
        }
    }

    private static void horizontals(Graphics2D g, Rectangle2D b, double step) {
        for (double y = Math.floor(b.getMinY() / step) * step; y < b.getMaxY(); y += step) {
            g.draw(new Line2D.Double(b.getMinX(), y, b.getMaxX(), y));
        }
    }

    private static void verticals(Graphics2D g, Rectangle2D b, double step) {
        for (double x = Math.floor(b.getMinX() / step) * step; x < b.getMaxX(); x += step) {
            g.draw(new Line2D.Double(x, b.getMinY(), x, b.getMaxY()));
        }
    }

    /** A point symbol centred on (x, y) in screen pixels. */
    static void point(Graphics2D g, double x, double y, PointSymbolizer s, Feature f, double k) {
        Graphic gr = s.graphicOrDefault();
        Mark mark = gr.mark();
        if (mark == null) mark = Graphic.DEFAULT.mark();
        double size = gr.sizeFor(f) * k;
        Shape shape = markShape(mark.shape(), size);
        // SLD displacement: pixels right and up from the anchor.
        Displacement d = gr.displacement();
        AffineTransform t = d == null ? AffineTransform.getTranslateInstance(x, y)
                : AffineTransform.getTranslateInstance(x + d.x() * k, y - d.y() * k);
        double rot = gr.rotationFor(f);
        if (rot != 0) t.rotate(Math.toRadians(rot));
        Shape placed = t.createTransformedShape(shape);
        double opacity = gr.opacityFor(f);
        boolean noFillNoStroke = mark.fill() == null && mark.stroke() == null;
        if (mark.fill() != null || noFillNoStroke) {
            Fill fill = mark.fill() != null ? mark.fill() : Fill.of(Fill.DEFAULT_COLOR, 1);
            Color c = color(fill.colorFor(f), fill.opacityFor(f) * opacity);
            if (c != null && !isLineMark(mark.shape())) {
                g.setColor(c);
                g.fill(placed);
            }
        }
        if (mark.stroke() != null) stroke(g, placed, mark.stroke(), f, k);
        else if (isLineMark(mark.shape())) stroke(g, placed, Stroke.DEFAULT, f, k);
    }

    private static boolean isLineMark(String shape) {
        return switch (shape) {
            case "cross", "x", "plus", "times", "slash", "backslash", "horline", "vertline" -> true;
            default -> false;
        };
    }

    static Shape markShape(String name, double size) {
        double r = size / 2;
        return switch (name) {
            case "square" -> new Rectangle2D.Double(-r, -r, size, size);
            case "triangle" -> polygon(new double[] {0, -r, r * 0.866, r * 0.5, -r * 0.866, r * 0.5});
            case "star" -> star(r);
            case "cross", "plus" -> {
                Path2D p = new Path2D.Double();
                p.moveTo(-r, 0);
                p.lineTo(r, 0);
                p.moveTo(0, -r);
                p.lineTo(0, r);
                yield p;
            }
            case "x", "times" -> {
                Path2D p = new Path2D.Double();
                p.moveTo(-r, -r);
                p.lineTo(r, r);
                p.moveTo(-r, r);
                p.lineTo(r, -r);
                yield p;
            }
            default -> new Ellipse2D.Double(-r, -r, size, size);
        };
    }

    private static Shape star(double r) {
        double[] xy = new double[20];
        for (int i = 0; i < 10; i++) {
            double a = Math.PI / 2 + i * Math.PI / 5;
            double rr = i % 2 == 0 ? r : r * 0.4;
            xy[2 * i] = Math.cos(a) * rr;
            xy[2 * i + 1] = -Math.sin(a) * rr;
        }
        return polygon(xy);
    }

    private static Shape polygon(double[] xy) {
        Path2D p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) p.lineTo(xy[i], xy[i + 1]);
        p.closePath();
        return p;
    }

    static Color color(String hex, double opacity) {
        return MapRenderer.color(hex, opacity);
    }
}
