package fr.bassinminier.atlas.render;

import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.project.LabelRule;
import fr.bassinminier.atlas.model.project.ProjectLayer;
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
import java.util.function.BooleanSupplier;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.index.quadtree.Quadtree;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * Places labels by priority so that none overlaps another or leaves the frame: higher-priority
 * layers first, and within a layer larger features first; a label that finds no free spot among
 * its candidate positions is dropped rather than drawn over another.
 */
final class LabelEngine {
    private record Candidate(String text, double x, double y, boolean anchorIsPoint, LabelRule rule, double weight) {
    }

    private static final double[][] POINT_OFFSETS = {{1, -0.3}, {-1, -0.3}, {0, -1.1}, {0, 1.1}};

    void draw(Graphics2D g, Viewport vp, List<ProjectLayer> layers, double pixelRatio, BooleanSupplier cancelled) {
        double scale = vp.scaleDenominator() * pixelRatio;
        ShapeBuilder sb = new ShapeBuilder(vp, 1);
        Envelope view = vp.ground();
        List<Candidate> cands = new ArrayList<>();
        for (ProjectLayer pl : layers) {
            LabelRule rule = pl.entry().label();
            if (!pl.isLoaded() || !pl.entry().visible() || rule == null || !rule.showsAt(scale)) continue;
            for (Feature f : pl.data().query(view)) {
                String text = f.text(rule.field()).strip();
                Geometry geom = f.geometry();
                if (text.isEmpty() || geom == null || geom.isEmpty()) continue;
                Coordinate c = anchor(geom, view);
                if (c == null) continue;
                boolean point = geom instanceof Puntal || geom.getDimension() == 2
                        && geom.getEnvelopeInternal().getWidth() / vp.resolution() < 60;
                cands.add(new Candidate(text, sb.screenX(c.x), sb.screenY(c.y), point, rule,
                        geom.getEnvelopeInternal().getArea() + geom.getLength()));
            }
        }
        if (cancelled.getAsBoolean()) return;
        cands.sort(Comparator.comparingInt((Candidate c) -> -c.rule().priority())
                .thenComparingDouble(c -> -c.weight()));
        Quadtree placed = new Quadtree();
        Rectangle2D frame = new Rectangle2D.Double(2, 2, vp.width() - 4, vp.height() - 4);
        for (Candidate c : cands) {
            Font font = new Font(Font.SANS_SERIF, c.rule().bold() ? Font.BOLD : Font.PLAIN,
                    (int) Math.round(c.rule().fontSize() * pixelRatio));
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            double w = fm.stringWidth(c.text());
            double h = fm.getAscent() + fm.getDescent();
            double gap = 4 * pixelRatio;
            double[][] offsets = c.anchorIsPoint() ? POINT_OFFSETS : new double[][] {{0, 0}};
            for (double[] o : offsets) {
                double left = o[0] > 0 ? c.x() + gap : o[0] < 0 ? c.x() - gap - w : c.x() - w / 2;
                double top = c.y() - h / 2 + o[1] * (h / 2 + gap) + (o[0] == 0 ? 0 : h * 0.3);
                Rectangle2D box = new Rectangle2D.Double(left - 1, top - 1, w + 2, h + 2);
                if (!frame.contains(box) || overlaps(placed, box)) continue;
                placed.insert(new Envelope(box.getMinX(), box.getMaxX(), box.getMinY(), box.getMaxY()), box);
                paint(g, c, left, top + fm.getAscent(), font, pixelRatio);
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

    /** Text with a white halo; the halo is an outline, the text itself stays text (selectable in PDF). */
    private static void paint(Graphics2D g, Candidate c, double x, double baseline, Font font, double k) {
        TextLayout tl = new TextLayout(c.text(), font, g.getFontRenderContext());
        Shape outline = tl.getOutline(AffineTransform.getTranslateInstance(x, baseline));
        g.setStroke(new BasicStroke((float) (3 * k), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(255, 255, 255, 215));
        g.draw(outline);
        g.setColor(MapRenderer.color(c.rule().color(), 1));
        g.drawString(c.text(), (float) x, (float) baseline);
    }
}
