package fr.bassinminier.atlas.print;

import fr.bassinminier.atlas.analysis.Measure;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * A graphic scale: a bar of alternate black and white segments whose length is a round ground
 * distance. Exact in the map's CRS: in Lambert-93 a paper length stands for the same planar
 * length everywhere on the map (the projection's own scale error, under 0.1 % in the basin, is
 * that of every Lambert-93 measure).
 */
public final class ScaleBar {
    private static final double[] STEPS = {1, 2, 2.5, 5};

    private ScaleBar() {
    }

    /** The largest round ground length (1, 2, 2.5 or 5 × 10ⁿ m) whose bar is at most {@code maxUnits} long. */
    public static double niceLength(double metresPerUnit, double maxUnits) {
        double max = metresPerUnit * maxUnits;
        double best = 0;
        for (int exp = -1; exp <= 7; exp++) {
            for (double s : STEPS) {
                double len = s * Math.pow(10, exp);
                if (len <= max) best = len;
            }
        }
        return best;
    }

    /**
     * Draws the bar with its bottom-left corner at (x, y) in g's units, on a white box.
     *
     * @param metresPerUnit ground metres per unit of g
     * @param maxUnits      longest bar allowed
     * @param unit          one typographic point in g's units (sizes of text and strokes)
     */
    public static void draw(Graphics2D g, double x, double y, double metresPerUnit, double maxUnits, double unit) {
        double metres = niceLength(metresPerUnit, maxUnits);
        if (metres <= 0) return;
        double len = metres / metresPerUnit;
        int segments = isFourSegments(metres) ? 4 : 2;
        double h = 3.5 * unit;
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont((float) (7 * unit));
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        String end = Measure.formatDistance(metres);
        double textH = fm.getAscent();
        double pad = 3 * unit;
        Rectangle2D box = new Rectangle2D.Double(x - pad, y - h - textH - 2 * unit - pad,
                len + fm.stringWidth(end) / 2.0 + 2 * pad, h + textH + 2 * unit + 2 * pad);
        g.setColor(new Color(255, 255, 255, 225));
        g.fill(box);
        g.setStroke(new BasicStroke((float) (0.6 * unit)));
        for (int i = 0; i < segments; i++) {
            Rectangle2D seg = new Rectangle2D.Double(x + len * i / segments, y - h, len / segments, h);
            g.setColor(i % 2 == 0 ? Color.BLACK : Color.WHITE);
            g.fill(seg);
            g.setColor(Color.BLACK);
            g.draw(seg);
        }
        g.setColor(Color.BLACK);
        double ty = y - h - 2 * unit;
        g.drawString("0", (float) (x - fm.stringWidth("0") / 2.0), (float) ty);
        if (segments == 4) {
            String mid = Measure.formatDistance(metres / 2);
            g.drawString(mid, (float) (x + len / 2 - fm.stringWidth(mid) / 2.0), (float) ty);
        }
        g.drawString(end, (float) (x + len - fm.stringWidth(end) / 2.0), (float) ty);
    }

    /** 200 m splits into 4 × 50 m; 250 m or 25 m would give 62.5 m quarters, so 2 halves. */
    private static boolean isFourSegments(double metres) {
        double q = metres / 4;
        return Math.abs(q - Math.rint(q)) < 1e-9;
    }
}
