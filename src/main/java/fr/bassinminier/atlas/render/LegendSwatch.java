package fr.bassinminier.atlas.render;

import fr.bassinminier.atlas.model.style.LineSymbolizer;
import fr.bassinminier.atlas.model.style.PointSymbolizer;
import fr.bassinminier.atlas.model.style.PolygonSymbolizer;
import fr.bassinminier.atlas.model.style.Symbolizer;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Legend swatches drawn by the map's own painter, so the layer tree, prints and the map agree
 * on every colour, dash and hatch.
 */
public final class LegendSwatch {
    private LegendSwatch() {
    }

    /** Draws the symbolizers of one legend entry inside {@code box} (device units). */
    public static void draw(Graphics2D g, Rectangle2D box, List<Symbolizer> symbolizers, double k) {
        MapRenderer.hints(g);
        for (Symbolizer s : symbolizers) {
            if (s instanceof PolygonSymbolizer p) {
                Rectangle2D r = new Rectangle2D.Double(box.getX() + k, box.getY() + k, box.getWidth() - 2 * k,
                        box.getHeight() - 2 * k);
                SymbolPainter.polygon(g, r, p, null, k);
            } else if (s instanceof LineSymbolizer l) {
                Path2D.Double line = new Path2D.Double();
                line.moveTo(box.getMinX() + k, box.getCenterY() + box.getHeight() / 4);
                line.curveTo(box.getCenterX(), box.getMinY(), box.getCenterX(), box.getMaxY(), box.getMaxX() - k,
                        box.getCenterY() - box.getHeight() / 4);
                SymbolPainter.line(g, line, l, null, k);
            } else if (s instanceof PointSymbolizer p) {
                SymbolPainter.point(g, box.getCenterX(), box.getCenterY(), p, null, k);
            }
        }
    }

    /** A swatch as an image of w × h logical pixels at the given pixel ratio. */
    public static BufferedImage image(List<Symbolizer> symbolizers, int w, int h, double k) {
        BufferedImage img = new BufferedImage((int) Math.ceil(w * k), (int) Math.ceil(h * k), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            draw(g, new Rectangle2D.Double(0, 0, img.getWidth(), img.getHeight()), symbolizers, k);
        } finally {
            g.dispose();
        }
        return img;
    }
}
