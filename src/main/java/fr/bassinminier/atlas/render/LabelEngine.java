package fr.bassinminier.atlas.render;

import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.model.style.FeatureTypeStyle;
import fr.bassinminier.atlas.model.style.Rule;
import fr.bassinminier.atlas.model.style.Style;
import fr.bassinminier.atlas.model.style.Symbolizer;
import fr.bassinminier.atlas.model.style.TextSymbolizer;
import fr.bassinminier.atlas.style.sld.Styles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.GlyphVector;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.index.quadtree.Quadtree;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * Places labels by priority so that none overlaps another or leaves the frame: higher priority
 * first, then layers higher in the tree, then larger features; a label that finds no free spot
 * among its candidate positions is dropped rather than drawn over another. Labels come from the
 * TextSymbolizers of the layer's style (a simple label rule compiled to one).
 */
final class LabelEngine {
    /** What to write, where, and how. */
    private record Candidate(String text, double x, double y, boolean besidePoint, double priority, int layerRank,
                             double weight, boolean bold, double fontSize, Color color, double haloRadius,
                             Color haloColor, double[] path) {
    }

    /** A label drawn: its text, its layer, and the screen boxes it covers (one per glyph along a line). */
    record Placed(String text, int layerRank, List<Rectangle2D> boxes) {
    }

    /** A screen segment of a line feature, an obstacle to the labels of other layers. */
    private record Segment(Line2D line, int rank) {
    }

    /** A point symbol's box: no label is drawn over it. */
    private record Symbol(Rectangle2D box, int rank) {
    }

    /** Positions tried around a point, as QGIS's "around point": right, left, above, below, then the corners. */
    private static final double[][] POINT_OFFSETS = {{1, 0}, {-1, 0}, {0, -1}, {0, 1}, {1, -1}, {-1, -1}, {1, 1},
            {-1, 1}};
    /**
     * Shifts tried for an area's label, in label widths and heights, nearest first: a town name
     * moves a little rather than sit on a line of another layer.
     */
    private static final double[][] AREA_OFFSETS = areaOffsets();
    /** Half the side of the box a point symbol is taken to cover, in logical pixels. */
    static final double SYMBOL_CLEARANCE = 5;
    /** Smallest label text, in logical pixels: a smaller style size is raised to it. */
    static final double MIN_FONT = 8;
    /** Where along a line a label is tried, as fractions of its length: the middle first. */
    private static final double[] LINE_POSITIONS = {0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8};

    private final List<Placed> placedLabels = new ArrayList<>();
    private final Quadtree segments = new Quadtree();
    private final Quadtree symbols = new Quadtree();

    private static double[][] areaOffsets() {
        List<double[]> out = new ArrayList<>();
        for (double dx = -0.75; dx <= 0.75; dx += 0.25) {
            for (double dy = -3; dy <= 3; dy += 1) out.add(new double[] {dx, dy});
        }
        // Distance in label heights (a width is about six heights).
        out.sort(Comparator.comparingDouble(o -> Math.hypot(o[0] * 6, o[1])));
        return out.toArray(new double[0][]);
    }

    /** The labels placed by the last draw. */
    List<Placed> placed() {
        return placedLabels;
    }

    void draw(Graphics2D g, List<ProjectLayer> layers, RenderRequest req) {
        Viewport vp = req.viewport();
        double scale = req.scaleDenominator();
        ShapeBuilder sb = new ShapeBuilder(vp, 1);
        Envelope view = vp.ground();
        List<Candidate> cands = new ArrayList<>();
        for (int rank = 0; rank < layers.size(); rank++) {
            ProjectLayer pl = layers.get(rank);
            if (!pl.isLoaded() || !pl.entry().visible()) continue;
            try {
                collect(pl, Styles.of(pl, rank), rank, scale, view, vp, sb, cands);
            } catch (RuntimeException e) {
                // The layer's failure is reported; the other layers' labels are placed.
                req.report(new RenderRequest.Notice(pl.entry().id(), pl.entry().title(), MapRenderer.problem(e)));
            }
        }
        if (req.cancelled()) return;
        obstacles(layers, vp, view, sb, req.pixelRatio());
        cands.sort(Comparator.comparingDouble((Candidate c) -> -c.priority()).thenComparingInt(Candidate::layerRank)
                .thenComparingDouble(c -> -c.weight()));
        place(g, vp, cands, req.pixelRatio());
    }

    private static void collect(ProjectLayer pl, Style style, int rank, double scale, Envelope view, Viewport vp,
                                ShapeBuilder sb, List<Candidate> out) {
        if (!hasText(style, scale)) return;
        for (Feature f : inView(pl, view)) {
            if (pl.shown() != null && !pl.shown().test(f)) continue;
            for (FeatureTypeStyle fts : style.featureTypeStyles()) {
                for (Rule r : Styles.rulesFor(fts, f, scale)) {
                    for (Symbolizer s : r.symbolizers()) {
                        if (!(s instanceof TextSymbolizer t)) continue;
                        var font = t.fontOrDefault();
                        Color halo = t.halo() == null ? null
                                : MapRenderer.color(t.halo().colorFor(f), t.halo().opacityFor(f));
                        add(out, f, t.textFor(f), view, vp, sb, t.priorityFor(f), rank, font.isBoldFor(f),
                                font.sizeFor(f), MapRenderer.color(t.colorFor(f), t.opacityFor(f)),
                                t.halo() == null ? 0 : t.halo().radiusFor(f), halo);
                    }
                }
            }
        }
    }

    /** The features in view with their geometries, from memory or straight from the file. */
    private static List<Feature> inView(ProjectLayer pl, Envelope view) {
        if (!pl.data().isStreamed()) return pl.data().query(view);
        List<Feature> out = new ArrayList<>();
        pl.data().scan(view, c -> out.add(c.feature()));
        return out;
    }

    /** Whether a rule in scale labels: a layer labelled only closer in is not read for labels. */
    private static boolean hasText(Style style, double scale) {
        for (FeatureTypeStyle fts : style.featureTypeStyles()) {
            for (Rule r : fts.rules()) {
                if (!r.appliesAt(scale)) continue;
                for (Symbolizer s : r.symbolizers()) if (s instanceof TextSymbolizer) return true;
            }
        }
        return false;
    }

    private static void add(List<Candidate> out, Feature f, String text, Envelope view, Viewport vp, ShapeBuilder sb,
                            double priority, int rank, boolean bold, double size, Color color, double halo,
                            Color haloColor) {
        Geometry geom = f.geometry();
        if (text == null || text.isBlank() || geom == null || geom.isEmpty()) return;
        Coordinate c = anchor(geom, view);
        if (c == null) return;
        boolean point = geom instanceof Puntal || geom.getDimension() == 2
                && geom.getEnvelopeInternal().getWidth() / vp.resolution() < 60;
        double[] path = null;
        if (geom instanceof Lineal) {
            // The longest part, in screen coordinates: the label runs along it.
            Geometry longest = geom.getGeometryN(0);
            for (int i = 1; i < geom.getNumGeometries(); i++) {
                if (geom.getGeometryN(i).getLength() > longest.getLength()) longest = geom.getGeometryN(i);
            }
            Coordinate[] cs = longest.getCoordinates();
            path = new double[cs.length * 2];
            for (int i = 0; i < cs.length; i++) {
                path[2 * i] = sb.screenX(cs[i].x);
                path[2 * i + 1] = sb.screenY(cs[i].y);
            }
        }
        out.add(new Candidate(text.strip(), sb.screenX(c.x), sb.screenY(c.y), point, priority, rank,
                geom.getEnvelopeInternal().getArea() + geom.getLength(), bold, size, color, halo, haloColor, path));
    }

    /** Point symbols and line segments of the visible layers in view, as screen obstacles. */
    private void obstacles(List<ProjectLayer> layers, Viewport vp, Envelope view, ShapeBuilder sb, double k) {
        Rectangle2D frame = new Rectangle2D.Double(0, 0, vp.width(), vp.height());
        double r = SYMBOL_CLEARANCE * k;
        for (int rank = 0; rank < layers.size(); rank++) {
            ProjectLayer pl = layers.get(rank);
            if (!pl.isLoaded() || !pl.entry().visible()) continue;
            var family = pl.data().geometryType().family();
            if (family != fr.bassinminier.atlas.model.GeometryType.Family.POINT
                    && family != fr.bassinminier.atlas.model.GeometryType.Family.LINE) {
                continue;
            }
            for (Feature f : inView(pl, view)) {
                if (pl.shown() != null && !pl.shown().test(f)) continue;
                Geometry g = f.geometry();
                if (g == null || g.isEmpty()) continue;
                if (g instanceof Puntal) {
                    for (Coordinate c : g.getCoordinates()) {
                        Rectangle2D box = new Rectangle2D.Double(sb.screenX(c.x) - r, sb.screenY(c.y) - r, 2 * r, 2 * r);
                        symbols.insert(env(box), new Symbol(box, rank));
                    }
                    continue;
                }
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    Coordinate[] cs = g.getGeometryN(i).getCoordinates();
                    for (int j = 1; j < cs.length; j++) {
                        Line2D seg = new Line2D.Double(sb.screenX(cs[j - 1].x), sb.screenY(cs[j - 1].y),
                                sb.screenX(cs[j].x), sb.screenY(cs[j].y));
                        if (!seg.intersects(frame)) continue;
                        segments.insert(env(seg.getBounds2D()), new Segment(seg, rank));
                    }
                }
            }
        }
    }

    private static Envelope env(Rectangle2D b) {
        return new Envelope(b.getMinX(), b.getMaxX(), b.getMinY(), b.getMaxY());
    }

    /** Whether a box is free of other labels, point symbols, and lines of other layers than {@code rank}. */
    private boolean free(Quadtree placed, Rectangle2D box, int rank) {
        if (overlaps(placed, box)) return false;
        Envelope e = env(box);
        for (Object o : symbols.query(e)) if (((Symbol) o).box().intersects(box)) return false;
        for (Object o : segments.query(e)) {
            Segment sg = (Segment) o;
            if (sg.rank() != rank && sg.line().intersects(box)) return false;
        }
        return true;
    }

    private void place(Graphics2D g, Viewport vp, List<Candidate> cands, double k) {
        placedLabels.clear();
        Quadtree placed = new Quadtree();
        Rectangle2D frame = new Rectangle2D.Double(2, 2, vp.width() - 4, vp.height() - 4);
        for (Candidate c : cands) {
            float size = (float) (Math.max(MIN_FONT, c.fontSize()) * k);
            Font font = new Font(Font.SANS_SERIF, c.bold() ? Font.BOLD : Font.PLAIN, 1).deriveFont(size);
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            double w = fm.stringWidth(c.text());
            double h = fm.getAscent() + fm.getDescent();
            if (c.path() != null && placeAlong(g, c, font, w, h, frame, placed, k)) continue;
            double gap = (SYMBOL_CLEARANCE + 1.5) * k;
            double[][] offsets = c.besidePoint() ? POINT_OFFSETS : AREA_OFFSETS;
            for (double[] o : offsets) {
                double left;
                double top;
                if (c.besidePoint()) {
                    left = o[0] > 0 ? c.x() + gap : o[0] < 0 ? c.x() - gap - w : c.x() - w / 2;
                    top = o[1] < 0 ? c.y() - gap - h : o[1] > 0 ? c.y() + gap : c.y() - h / 2;
                } else {
                    left = c.x() - w / 2 + o[0] * w;
                    top = c.y() - h / 2 + o[1] * h;
                }
                Rectangle2D box = new Rectangle2D.Double(left - 1, top - 1, w + 2, h + 2);
                if (!frame.contains(box) || !free(placed, box, c.layerRank())) continue;
                placed.insert(env(box), box);
                placedLabels.add(new Placed(c.text(), c.layerRank(), List.of(box)));
                paint(g, c, left, top + fm.getAscent(), font, k);
                break;
            }
        }
    }

    /**
     * A line's label, glyph by glyph along the line (curved with it), at the first free position
     * from the middle out; on a line several times longer than its label, repeated along it.
     */
    private boolean placeAlong(Graphics2D g, Candidate c, Font font, double w, double h, Rectangle2D frame,
                               Quadtree placed, double k) {
        double[] p = c.path();
        int n = p.length / 2;
        double[] cum = new double[n];
        for (int i = 1; i < n; i++) cum[i] = cum[i - 1] + Math.hypot(p[2 * i] - p[2 * i - 2], p[2 * i + 1] - p[2 * i - 1]);
        double length = cum[n - 1];
        if (length < w * 1.1) return false;
        GlyphVector gv = font.createGlyphVector(g.getFontRenderContext(), c.text());
        double spacing = Math.max(4 * w, 300 * k);
        List<Double> starts = new ArrayList<>();
        for (double t : LINE_POSITIONS) starts.add(t * length - w / 2);
        boolean any = false;
        double lastPlaced = Double.NEGATIVE_INFINITY;
        List<Double> tried = new ArrayList<>(starts);
        if (length > 2 * spacing) {
            // Long lines: one label per stretch, each at the first free spot of its stretch.
            tried.clear();
            for (double a = spacing / 2; a + w < length; a += spacing / 4) tried.add(a);
        }
        for (double start : tried) {
            if (start < 0 || start + w > length) continue;
            if (start - lastPlaced < spacing) continue;
            List<double[]> glyphs = layout(gv, p, cum, start, w, h);
            if (glyphs == null) continue;
            List<Rectangle2D> boxes = new ArrayList<>();
            boolean ok = true;
            for (double[] gl : glyphs) {
                Rectangle2D b = glyphBox(gl, h);
                if (!frame.contains(b) || !free(placed, b, c.layerRank())) {
                    ok = false;
                    break;
                }
                boxes.add(b);
            }
            if (!ok) continue;
            for (Rectangle2D b : boxes) placed.insert(env(b), b);
            placedLabels.add(new Placed(c.text(), c.layerRank(), List.copyOf(boxes)));
            paintAlong(g, c, gv, glyphs, font, k);
            any = true;
            lastPlaced = start;
            if (length <= 2 * spacing) break;
        }
        return any;
    }

    /**
     * Each glyph's centre on the line and its angle, for a label starting at arc length
     * {@code start}; null where the line bends too sharply under the label or would set it upside down.
     */
    private static List<double[]> layout(GlyphVector gv, double[] p, double[] cum, double start, double w, double h) {
        // Read left to right: if the stretch runs right to left, walk it backwards.
        double[] a = pointAt(p, cum, start);
        double[] b = pointAt(p, cum, start + w);
        boolean reverse = b[0] < a[0];
        List<double[]> out = new ArrayList<>();
        double prevAngle = Double.NaN;
        for (int i = 0; i < gv.getNumGlyphs(); i++) {
            double gx = gv.getGlyphPosition(i).getX();
            double adv = gv.getGlyphMetrics(i).getAdvance();
            double mid = reverse ? start + w - (gx + adv / 2) : start + gx + adv / 2;
            double[] c = pointAt(p, cum, mid);
            double[] c0 = pointAt(p, cum, mid - Math.max(adv, 2) / 2);
            double[] c1 = pointAt(p, cum, mid + Math.max(adv, 2) / 2);
            double angle = Math.atan2(c1[1] - c0[1], c1[0] - c0[0]) + (reverse ? Math.PI : 0);
            if (!Double.isNaN(prevAngle)) {
                double d = Math.abs(Math.IEEEremainder(angle - prevAngle, 2 * Math.PI));
                if (d > Math.toRadians(35)) return null;
            }
            prevAngle = angle;
            out.add(new double[] {c[0], c[1], angle, adv, i});
        }
        return out;
    }

    private static double[] pointAt(double[] p, double[] cum, double s) {
        int n = cum.length;
        if (s <= 0) return new double[] {p[0], p[1]};
        if (s >= cum[n - 1]) return new double[] {p[2 * n - 2], p[2 * n - 1]};
        int i = 1;
        while (cum[i] < s) i++;
        double seg = cum[i] - cum[i - 1];
        double t = seg == 0 ? 0 : (s - cum[i - 1]) / seg;
        return new double[] {p[2 * i - 2] + t * (p[2 * i] - p[2 * i - 2]), p[2 * i - 1] + t * (p[2 * i + 1] - p[2 * i - 1])};
    }

    /** The screen box a glyph covers, centred on the line, rotated with it. */
    private static Rectangle2D glyphBox(double[] gl, double h) {
        Rectangle2D r = new Rectangle2D.Double(-gl[3] / 2 - 0.5, -h / 2 - 0.5, gl[3] + 1, h + 1);
        AffineTransform at = AffineTransform.getTranslateInstance(gl[0], gl[1]);
        at.rotate(gl[2]);
        return at.createTransformedShape(r).getBounds2D();
    }

    private static void paintAlong(Graphics2D g, Candidate c, GlyphVector gv, List<double[]> glyphs, Font font,
                                   double k) {
        FontMetrics fm = g.getFontMetrics(font);
        double baseline = (fm.getAscent() - fm.getDescent()) / 2.0;
        Color halo = haloColor(c);
        for (double[] gl : glyphs) {
            Shape glyph = gv.getGlyphOutline((int) gl[4], 0, 0);
            AffineTransform at = AffineTransform.getTranslateInstance(gl[0], gl[1]);
            at.rotate(gl[2]);
            at.translate(-gl[3] / 2 - gv.getGlyphPosition((int) gl[4]).getX(), baseline);
            Shape s = at.createTransformedShape(glyph);
            g.setStroke(new BasicStroke((float) (2 * haloRadius(c) * k), BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND));
            g.setColor(halo);
            g.draw(s);
            g.setColor(c.color() == null ? Color.BLACK : c.color());
            g.fill(s);
        }
    }

    /** A halo that contrasts with the text: white under dark text, near-black under light text. */
    static Color haloColor(Candidate c) {
        Color t = c.color() == null ? Color.BLACK : c.color();
        double lum = (0.2126 * t.getRed() + 0.7152 * t.getGreen() + 0.0722 * t.getBlue()) / 255;
        if (c.haloColor() != null) {
            Color hc = c.haloColor();
            double hl = (0.2126 * hc.getRed() + 0.7152 * hc.getGreen() + 0.0722 * hc.getBlue()) / 255;
            if (Math.abs(hl - lum) >= 0.4) return hc;
        }
        return lum > 0.55 ? new Color(0x20, 0x20, 0x20) : Color.WHITE;
    }

    /** The style's halo, at least 1.2 px so that the text reads over any fill. */
    private static double haloRadius(Candidate c) {
        return Math.max(1.2, c.haloRadius());
    }

    private static boolean overlaps(Quadtree placed, Rectangle2D box) {
        for (Object o : placed.query(new Envelope(box.getMinX(), box.getMaxX(), box.getMinY(), box.getMaxY()))) {
            if (((Rectangle2D) o).intersects(box)) return true;
        }
        return false;
    }

    private static Coordinate anchor(Geometry g, Envelope view) {
        if (g instanceof Puntal) return g.getCoordinate();
        if (g instanceof Lineal) {
            LengthIndexedLine line = new LengthIndexedLine(g);
            return line.extractPoint(g.getLength() / 2);
        }
        Coordinate c = InteriorPointArea.getInteriorPoint(g);
        return c != null && view.contains(c) ? c : null;
    }

    /** Text with a contrasting halo; the halo is an outline, the text itself stays text (selectable in PDF). */
    private static void paint(Graphics2D g, Candidate c, double x, double baseline, Font font, double k) {
        TextLayout tl = new TextLayout(c.text(), font, g.getFontRenderContext());
        Shape outline = tl.getOutline(AffineTransform.getTranslateInstance(x, baseline));
        g.setStroke(new BasicStroke((float) (2 * haloRadius(c) * k), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(haloColor(c));
        g.draw(outline);
        g.setColor(c.color() == null ? Color.BLACK : c.color());
        g.drawString(c.text(), (float) x, (float) baseline);
    }
}
