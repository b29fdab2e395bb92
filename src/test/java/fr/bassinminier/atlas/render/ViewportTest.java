package fr.bassinminier.atlas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.geom.Point2D;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class ViewportTest {
    @Test
    void fitKeepsPixelsSquareAndShowsTheWholeEnvelope() {
        Viewport v = Viewport.fit(new Envelope(680000, 700000, 7030000, 7040000), 1000, 1000);
        assertEquals(20, v.resolution(), 1e-9);
        Envelope g = v.ground();
        assertEquals(680000, g.getMinX(), 1e-6);
        assertEquals(7025000, g.getMinY(), 1e-6);
    }

    @Test
    void worldAndScreenAreInverse() {
        Viewport v = new Viewport(688117.392, 7037177.038, 2.5, 800, 600);
        Point2D s = v.toScreen(688117.392, 7037177.038);
        assertEquals(400, s.getX(), 1e-9);
        assertEquals(300, s.getY(), 1e-9);
        Point2D w = v.toWorld(0, 0);
        assertEquals(688117.392 - 1000, w.getX(), 1e-6);
        assertEquals(7037177.038 + 750, w.getY(), 1e-6);
        // The affine transform used for drawing agrees with toScreen.
        Point2D t = v.worldToScreen().transform(new Point2D.Double(688117.392 + 25, 7037177.038 - 10), null);
        assertEquals(410, t.getX(), 1e-6);
        assertEquals(304, t.getY(), 1e-6);
    }

    @Test
    void zoomKeepsTheGroundPointUnderTheCursor() {
        Viewport v = new Viewport(690000, 7037000, 10, 800, 600);
        Point2D before = v.toWorld(100, 50);
        Viewport z = v.zoomAt(2, 100, 50);
        Point2D after = z.toWorld(100, 50);
        assertEquals(5, z.resolution(), 1e-12);
        assertEquals(before.getX(), after.getX(), 1e-6);
        assertEquals(before.getY(), after.getY(), 1e-6);
    }

    @Test
    void scaleDenominatorIsTheOgcOne() {
        // 1 px = 0.28 mm: a 7 m pixel is 1:25 000.
        assertEquals(25000, new Viewport(0, 0, 7, 10, 10).scaleDenominator(), 1e-6);
    }
}
