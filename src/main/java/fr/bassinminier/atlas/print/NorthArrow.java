package fr.bassinminier.atlas.print;

import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.model.CrsId;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;

/**
 * A north arrow pointing to true (geographic) north. In Lambert-93 grid north and true north
 * differ by the meridian convergence, about −0.1° in the basin (3° E is the central meridian):
 * invisible, but the arrow is exact anywhere in France.
 */
public final class NorthArrow {
    private NorthArrow() {
    }

    /**
     * The angle from grid north (map up) to true north at a point, radians, clockwise positive.
     * Computed by projecting a small step north along the meridian.
     */
    public static double trueNorthAngle(CrsId crs, double x, double y) {
        if (crs == null || !CrsTransforms.isSupported(crs) || crs.sameAs(CrsId.WGS84)) return 0;
        double[] ll = CrsTransforms.between(crs, CrsId.WGS84).apply(x, y);
        double[] north = CrsTransforms.between(CrsId.WGS84, crs).apply(ll[0], ll[1] + 0.001);
        return Math.atan2(north[0] - x, north[1] - y);
    }

    /**
     * Draws the arrow centred on (cx, cy), {@code size} tall, rotated by {@code angle}.
     *
     * @param unit one typographic point in g's units
     */
    public static void draw(Graphics2D g, double cx, double cy, double size, double angle, double unit) {
        AffineTransform saved = g.getTransform();
        double r = size * 0.62;
        g.setColor(new Color(255, 255, 255, 225));
        g.fill(new Ellipse2D.Double(cx - r, cy - r + size * 0.08, 2 * r, 2 * r));
        g.rotate(angle, cx, cy);
        double half = size / 2;
        double w = size * 0.22;
        Path2D left = new Path2D.Double();
        left.moveTo(cx, cy - half + size * 0.18);
        left.lineTo(cx - w, cy + half * 0.75);
        left.lineTo(cx, cy + half * 0.45);
        left.closePath();
        Path2D right = new Path2D.Double();
        right.moveTo(cx, cy - half + size * 0.18);
        right.lineTo(cx + w, cy + half * 0.75);
        right.lineTo(cx, cy + half * 0.45);
        right.closePath();
        g.setStroke(new BasicStroke((float) (0.6 * unit), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(Color.BLACK);
        g.fill(left);
        g.setColor(Color.WHITE);
        g.fill(right);
        g.setColor(Color.BLACK);
        g.draw(left);
        g.draw(right);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 1).deriveFont((float) (size * 0.3)));
        FontMetrics fm = g.getFontMetrics();
        g.drawString("N", (float) (cx - fm.stringWidth("N") / 2.0), (float) (cy - half + size * 0.14));
        g.setTransform(saved);
    }
}
