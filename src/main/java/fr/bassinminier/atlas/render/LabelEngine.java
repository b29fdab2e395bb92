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
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
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
                             Color haloColor) {
    }

    private static final double[][] POINT_OFFSETS = {{1, -0.3}, {-1, -0.3}, {0, -1.1}, {0, 1.1}};

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
        out.add(new Candidate(text.strip(), sb.screenX(c.x), sb.screenY(c.y), point, priority, rank,
                geom.getEnvelopeInternal().getArea() + geom.getLength(), bold, size, color, halo, haloColor));
    }

    private static void place(Graphics2D g, Viewport vp, List<Candidate> cands, double k) {
        Quadtree placed = new Quadtree();
        Rectangle2D frame = new Rectangle2D.Double(2, 2, vp.width() - 4, vp.height() - 4);
        for (Candidate c : cands) {
            Font font = new Font(Font.SANS_SERIF, c.bold() ? Font.BOLD : Font.PLAIN, (int) Math.round(c.fontSize() * k));
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            double w = fm.stringWidth(c.text());
            double h = fm.getAscent() + fm.getDescent();
            double gap = 4 * k;
            double[][] offsets = c.besidePoint() ? POINT_OFFSETS : new double[][] {{0, 0}};
            for (double[] o : offsets) {
                double left = o[0] > 0 ? c.x() + gap : o[0] < 0 ? c.x() - gap - w : c.x() - w / 2;
                double top = c.y() - h / 2 + o[1] * (h / 2 + gap) + (o[0] == 0 ? 0 : h * 0.3);
                Rectangle2D box = new Rectangle2D.Double(left - 1, top - 1, w + 2, h + 2);
                if (!frame.contains(box) || overlaps(placed, box)) continue;
                placed.insert(new Envelope(box.getMinX(), box.getMaxX(), box.getMinY(), box.getMaxY()), box);
                paint(g, c, left, top + fm.getAscent(), font, k);
                break;
            }
        }
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

    /** Text with a halo; the halo is an outline, the text itself stays text (selectable in PDF). */
    private static void paint(Graphics2D g, Candidate c, double x, double baseline, Font font, double k) {
        if (c.haloRadius() > 0 && c.haloColor() != null) {
            TextLayout tl = new TextLayout(c.text(), font, g.getFontRenderContext());
            Shape outline = tl.getOutline(AffineTransform.getTranslateInstance(x, baseline));
            g.setStroke(new BasicStroke((float) (2 * c.haloRadius() * k), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(c.haloColor());
            g.draw(outline);
        }
        g.setColor(c.color() == null ? Color.BLACK : c.color());
        g.drawString(c.text(), (float) x, (float) baseline);
    }
}
