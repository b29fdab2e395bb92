package fr.bassinminier.atlas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * The hatching clip cut to the render band by hand covers the pixels Java2D's own intersection
 * covers: rings crossing the rectangle, a hole, rings wholly outside, both winding rules.
 */
class CutToRectangleTest {
    private static Path2D.Double polygonWithHole(int rule) {
        Path2D.Double p = new Path2D.Double(rule);
        // An outer ring crossing every side of the rectangle (concave: a notch on the right).
        p.moveTo(-40, -30);
        p.lineTo(260, -20);
        p.lineTo(150, 100);
        p.lineTo(270, 190);
        p.lineTo(-30, 230);
        p.closePath();
        // A hole (wound the other way) across the rectangle's top side.
        p.moveTo(60, 10);
        p.lineTo(60, 80);
        p.lineTo(120, 80);
        p.lineTo(120, 10);
        p.closePath();
        // A ring wholly outside the rectangle.
        p.moveTo(400, 400);
        p.lineTo(420, 400);
        p.lineTo(420, 420);
        p.closePath();
        return p;
    }

    private static int[] fill(Shape clip, Rectangle2D band) {
        BufferedImage img = new BufferedImage(300, 260, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setClip(band);
        g.clip(clip);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 300, 260);
        g.dispose();
        return img.getRGB(0, 0, 300, 260, null, 0, 300);
    }

    @Test
    void coversWhatJava2dsIntersectionCovers() {
        Rectangle2D band = new Rectangle2D.Double(20, 40, 200, 120);
        for (int rule : new int[] {Path2D.WIND_EVEN_ODD, Path2D.WIND_NON_ZERO}) {
            Path2D.Double area = polygonWithHole(rule);
            Shape cut = SymbolPainter.cutToRectangle(area, band);
            assertTrue(band.contains(cut.getBounds2D()), "the cut lies inside the band: taken as it is");
            int[] java2d = fill(area, band);
            int[] ours = fill(cut, band);
            int differ = 0;
            int covered = 0;
            for (int i = 0; i < java2d.length; i++) {
                if (java2d[i] != ours[i]) differ++;
                if (java2d[i] != 0) covered++;
            }
            assertTrue(covered > 10_000, "the test draws something: " + covered);
            // Edge pixels may differ by antialiasing coverage alone, not a region.
            assertTrue(differ < 40, differ + " pixels differ (winding rule " + rule + ")");
        }
    }

    @Test
    void leavesCurvesToJava2d() {
        assertNull(SymbolPainter.cutToRectangle(new Ellipse2D.Double(0, 0, 10, 10), new Rectangle2D.Double(0, 0, 5, 5)));
    }

    @Test
    void aRingOutsideTheRectangleLeavesNothing() {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(100, 100);
        p.lineTo(120, 100);
        p.lineTo(120, 120);
        p.closePath();
        Shape cut = SymbolPainter.cutToRectangle(p, new Rectangle2D.Double(0, 0, 50, 50));
        assertEquals(0, cut.getBounds2D().getWidth() * cut.getBounds2D().getHeight());
    }
}
