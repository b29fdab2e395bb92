package fr.bassinminier.atlas.render;

import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.LayerStyle;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.style.DefaultStyles;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Puntal;

/**
 * The one renderer: draws project layers on any Graphics2D (screen image, PNG, PDF), so that
 * what is printed is what was seen. Only features whose envelope meets the view are visited
 * (per-layer STR-tree), and features smaller than a pixel are drawn as a dot.
 */
public final class MapRenderer {
    private static final int CANCEL_CHECK_EVERY = 512;

    /** What a render did, for benchmarks and the status bar. */
    public record Stats(int layersDrawn, int featuresDrawn, long nanos) {
    }

    public Stats render(Graphics2D g, Viewport vp, List<ProjectLayer> layers, RenderOptions opts,
                        BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        if (opts.background() != null) {
            g.setColor(opts.background());
            g.fill(new Rectangle2D.Double(0, 0, vp.width(), vp.height()));
        }
        ShapeBuilder shapes = new ShapeBuilder(vp, 0.5);
        Envelope view = vp.ground();
        int drawn = 0;
        int layerCount = 0;
        // Layer-tree order puts the top layer first: draw from the bottom up.
        for (int li = layers.size() - 1; li >= 0; li--) {
            ProjectLayer pl = layers.get(li);
            if (!pl.isLoaded() || !pl.entry().visible()) continue;
            drawn += drawLayer(g, vp, shapes, view, pl, li, opts, cancelled);
            layerCount++;
        }
        new LabelEngine().draw(g, vp, layers, opts.pixelRatio(), cancelled);
        drawMarks(g, vp, opts);
        return new Stats(layerCount, drawn, System.nanoTime() - t0);
    }

    private int drawLayer(Graphics2D g, Viewport vp, ShapeBuilder shapes, Envelope view, ProjectLayer pl,
                          int ordinal, RenderOptions opts, BooleanSupplier cancelled) {
        VectorLayer data = pl.data();
        LayerEntry e = pl.entry();
        LayerStyle s = DefaultStyles.resolve(e.style(), data.geometryType(), ordinal);
        double k = opts.pixelRatio();
        Color fill = color(s.fill(), s.fillOpacity());
        Color stroke = color(s.stroke(), 1);
        BasicStroke line = s.strokeWidth() > 0 && stroke != null ? stroke(s, k) : null;
        Composite before = g.getComposite();
        if (e.opacity() < 1) g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) e.opacity()));
        double pixelArea = vp.resolution() * vp.resolution();
        int n = 0;
        try {
            for (Feature f : data.query(view)) {
                if (++n % CANCEL_CHECK_EVERY == 0 && cancelled.getAsBoolean()) throw new CancellationException();
                Geometry geom = f.geometry();
                if (geom instanceof Puntal) {
                    drawPoints(g, shapes, geom, s, fill, stroke, k);
                    continue;
                }
                Envelope env = geom.getEnvelopeInternal();
                if (env.getWidth() * env.getHeight() < pixelArea) {
                    // Sub-pixel feature: a dot keeps dense layers visible without building paths.
                    Color dot = stroke != null ? stroke : fill;
                    if (dot != null) {
                        g.setColor(dot);
                        g.fill(new Rectangle2D.Double(shapes.screenX(env.getMinX()), shapes.screenY(env.getMaxY()), k, k));
                    }
                    continue;
                }
                Path2D.Double path = shapes.path(geom);
                boolean areal = geom.getDimension() == 2;
                if (areal && fill != null) {
                    g.setColor(fill);
                    g.fill(path);
                }
                if (areal && s.hatch() != null) hatch(g, path, s, stroke, k);
                if (line != null) {
                    g.setColor(stroke);
                    g.setStroke(line);
                    g.draw(path);
                }
            }
        } finally {
            g.setComposite(before);
        }
        return n;
    }

    private static void drawPoints(Graphics2D g, ShapeBuilder shapes, Geometry geom, LayerStyle s, Color fill,
                                   Color stroke, double k) {
        double r = s.pointSize() * k / 2;
        for (int i = 0; i < geom.getNumGeometries(); i++) {
            Point p = (Point) geom.getGeometryN(i);
            if (p.isEmpty()) continue;
            Shape dot = new Ellipse2D.Double(shapes.screenX(p.getX()) - r, shapes.screenY(p.getY()) - r, 2 * r, 2 * r);
            if (fill != null) {
                g.setColor(fill);
                g.fill(dot);
            }
            if (stroke != null) {
                g.setColor(stroke);
                g.setStroke(new BasicStroke((float) (0.8 * k)));
                g.draw(dot);
            }
        }
    }

    /** Diagonal hatching clipped to the polygon: stays vector in PDF, unlike a texture. */
    private static void hatch(Graphics2D g, Shape area, LayerStyle s, Color stroke, double k) {
        Shape oldClip = g.getClip();
        g.clip(area);
        Rectangle2D b = area.getBounds2D();
        double step = 8 * k;
        g.setColor(stroke != null ? stroke : Color.GRAY);
        g.setStroke(new BasicStroke((float) (0.7 * k)));
        boolean back = "backslash".equals(s.hatch());
        for (double off = -b.getHeight(); off < b.getWidth(); off += step) {
            double x0 = b.getMinX() + off;
            if (back) {
                g.draw(new Line2D.Double(x0, b.getMinY(), x0 + b.getHeight(), b.getMaxY()));
            } else {
                g.draw(new Line2D.Double(x0, b.getMaxY(), x0 + b.getHeight(), b.getMinY()));
            }
        }
        g.setClip(oldClip);
    }

    private static BasicStroke stroke(LayerStyle s, double k) {
        float w = (float) (s.strokeWidth() * k);
        if (s.dash() == null || s.dash().length == 0) {
            return new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
        float[] dash = new float[s.dash().length];
        for (int i = 0; i < dash.length; i++) dash[i] = (float) (s.dash()[i] * k);
        return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 4, dash, 0);
    }

    static Color color(String hex, double opacity) {
        if (hex == null || hex.isBlank() || "none".equalsIgnoreCase(hex)) return null;
        try {
            int rgb = Integer.parseInt(hex.startsWith("#") ? hex.substring(1) : hex, 16);
            return new Color((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, (int) Math.round(opacity * 255));
        } catch (NumberFormatException e) {
            return Color.MAGENTA; // a visible sign of a bad colour, rather than an invisible layer
        }
    }

    /** The "Données indicatives" mark (bottom right) and the sources line (bottom left). */
    private static void drawMarks(Graphics2D g, Viewport vp, RenderOptions opts) {
        double k = opts.pixelRatio();
        if (opts.notice() != null) {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(12 * k)));
            label(g, opts.notice(), vp.width() - 8 * k, vp.height() - 8 * k, true, new Color(0x8a, 0x2b, 0x1f), k);
        }
        if (opts.attribution() != null) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(10 * k)));
            label(g, opts.attribution(), 8 * k, vp.height() - 8 * k, false, new Color(0x44, 0x44, 0x44), k);
        }
    }

    private static void label(Graphics2D g, String text, double x, double baseline, boolean alignRight, Color c,
                              double k) {
        FontMetrics fm = g.getFontMetrics();
        double w = fm.stringWidth(text);
        double left = alignRight ? x - w : x;
        g.setColor(new Color(255, 255, 255, 200));
        g.fill(new Rectangle2D.Double(left - 4 * k, baseline - fm.getAscent() - 2 * k, w + 8 * k,
                fm.getAscent() + fm.getDescent() + 4 * k));
        g.setColor(c);
        g.drawString(text, (float) left, (float) baseline);
    }
}
