package fr.bassinminier.atlas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.synthetic.FootprintGenerator;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.LayerStyle;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/** Dense layers: dots written into the pixels, and renders split into bands between threads. */
class DenseRenderingTest {
    private static final Color BG = Color.WHITE;

    private static ProjectLayer layer(VectorLayer data, LayerStyle style) {
        return ProjectLayer.loaded(new LayerEntry(data.name(), data.name(), null, data.name(), null, true, 1, style,
                null, null, false, null), data);
    }

    /** n tiny squares (0.2 m) on a 1 m grid, the first one at ground (0, 0)–(0.2, 0.2). */
    private static VectorLayer tinySquares(int n) {
        GeometryFactory gf = new GeometryFactory();
        List<Feature> fs = new ArrayList<>();
        int side = (int) Math.ceil(Math.sqrt(n));
        for (int i = 0; i < n; i++) {
            double x = i % side;
            double y = -(i / side);
            fs.add(new Feature(i, gf.toGeometry(new Envelope(x, x + 0.2, y, y + 0.2)), Schema.empty(), new Object[0]));
        }
        return new VectorLayer("dots", GeometryType.POLYGON, CrsId.LAMBERT_93, Schema.empty(), fs);
    }

    private static RenderRequest opts(Viewport v, double ratio) {
        return RenderRequest.of(v, ratio).withBackground(BG);
    }

    @Test
    void aSubPixelFeatureOfADenseLayerIsADotOnItsPixel() {
        VectorLayer dots = tinySquares(MapRenderer.DENSE_FEATURES + 500);
        LoadedProject p = MapRendererTest.project(List.of(layer(dots, new LayerStyle("#ff0000", 1, "#0000ff", 1, null, 6, null))));
        // 1 m per pixel, ground x = 0 on the left edge, y = 0.2 on the top edge: the first square's
        // top-left corner falls exactly on pixel (0, 0), its neighbours on (1, 0) and (0, 1).
        Viewport v = new Viewport(50, 0.2 - 50, 1, 100, 100);
        BufferedImage img = new ImageRenderer().render(p, opts(v, 1));
        assertEquals(0xFF0000FF, img.getRGB(0, 0), "dot in the outline colour");
        assertEquals(0xFF0000FF, img.getRGB(1, 0));
        assertEquals(0xFF0000FF, img.getRGB(0, 1));
        assertEquals(BG.getRGB(), img.getRGB(60, 0), "the grid is 50 dots wide");
        // Half a pixel to the right: the dot covers half of two pixels.
        Viewport shifted = new Viewport(50 - 0.5, 0.2 - 50, 1, 100, 100);
        BufferedImage half = new ImageRenderer().render(p, opts(shifted, 1));
        Color c = new Color(half.getRGB(0, 0));
        assertEquals(128, c.getRed(), 2, "half blue on white");
        assertEquals(255, c.getBlue());
        // Two half dots blend one over the other, as two antialiased fills would.
        assertEquals(64, new Color(half.getRGB(1, 0)).getRed(), 2);
    }

    @Test
    void rasterDotsLookLikeJava2dDots() {
        BufferedImage mine = new BufferedImage(20, 20, BufferedImage.TYPE_INT_ARGB);
        BufferedImage java2d = new BufferedImage(20, 20, BufferedImage.TYPE_INT_ARGB);
        Color c = new Color(40, 120, 200, 180);
        for (BufferedImage img : List.of(mine, java2d)) {
            Graphics2D g = img.createGraphics();
            g.setColor(new Color(250, 240, 230));
            g.fillRect(0, 0, 20, 20);
            g.dispose();
        }
        DotRaster r = DotRaster.of(mine, 0, 20);
        Graphics2D g = java2d.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(c);
        double[][] at = {{2, 2, 1}, {5.5, 2, 1}, {8.25, 2.75, 1}, {3.5, 9.5, 2}, {12.3, 12.8, 2}, {-0.5, 15.5, 1}};
        for (double[] d : at) {
            r.square(d[0], d[1], d[2], c, 1);
            g.fill(new Rectangle2D.Double(d[0], d[1], d[2], d[2]));
        }
        g.dispose();
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                Color a = new Color(mine.getRGB(x, y), true);
                Color b = new Color(java2d.getRGB(x, y), true);
                String where = x + "," + y + " " + a + " " + b;
                assertEquals(b.getRed(), a.getRed(), 3, where);
                assertEquals(b.getGreen(), a.getGreen(), 3, where);
                assertEquals(b.getBlue(), a.getBlue(), 3, where);
                assertEquals(b.getAlpha(), a.getAlpha(), 3, where);
            }
        }
    }

    @Test
    void premultipliedAndTranslucentTargetsBlendTheSame() {
        Color c = new Color(200, 60, 20, 128);
        BufferedImage argb = new BufferedImage(4, 1, BufferedImage.TYPE_INT_ARGB);
        BufferedImage pre = new BufferedImage(4, 1, BufferedImage.TYPE_INT_ARGB_PRE);
        DotRaster.of(argb, 0, 1).square(0, 0, 1, c, 1);
        DotRaster.of(pre, 0, 1).square(0, 0, 1, c, 1);
        DotRaster.of(argb, 0, 1).square(1, 0, 1, c, 0.5);
        DotRaster.of(pre, 0, 1).square(1, 0, 1, c, 0.5);
        for (int x = 0; x < 2; x++) {
            Color a = new Color(argb.getRGB(x, 0), true);
            Color b = new Color(pre.getRGB(x, 0), true);
            assertEquals(a.getAlpha(), b.getAlpha(), 1);
            assertEquals(a.getRed(), b.getRed(), 3);
            assertEquals(a.getGreen(), b.getGreen(), 3);
        }
        assertEquals(128, new Color(argb.getRGB(0, 0), true).getAlpha(), 1);
        assertEquals(200, new Color(argb.getRGB(0, 0), true).getRed(), 1);
        assertEquals(64, new Color(argb.getRGB(1, 0), true).getAlpha(), 1);
        // A band stops at its rows.
        BufferedImage tall = new BufferedImage(2, 4, BufferedImage.TYPE_INT_ARGB);
        DotRaster.of(tall, 1, 3).square(0, 0, 2, Color.BLACK, 1);
        assertEquals(0, tall.getRGB(0, 0));
        assertEquals(0xFF000000, tall.getRGB(0, 1));
        assertEquals(0, tall.getRGB(0, 3));
    }

    /**
     * A GeoPackage in view as a whole: the bands read its rows in chunks between them and each
     * draws its strip from them; the image is the one drawn in one go from memory.
     */
    @Test
    void bandsSharingTheChunksOfAGeoPackageMakeTheImageOfOneBand(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        VectorLayer fp = FootprintGenerator.generate(20_000, 5, 700_000, 7_000_000);
        java.nio.file.Path f = dir.resolve("b.gpkg");
        new fr.bassinminier.atlas.io.geopackage.GeoPackageWriter().write(f, List.of(fp));
        var stream = fr.bassinminier.atlas.io.geopackage.GeoPackageStream.open(f, null);
        VectorLayer streamed = VectorLayer.streamed(fp.name(), fp.crs(), stream, stream.size(), () -> {
            throw new AssertionError("drawn from the file");
        });
        LayerStyle style = new LayerStyle("#d9c4a6", 0.8, "#8a6d4b", 1.2, null, 6, null);
        LoadedProject fromFile = MapRendererTest.project(List.of(layer(streamed, style)));
        LoadedProject inMemory = MapRendererTest.project(List.of(layer(fp, style)));
        ImageRenderer r = new ImageRenderer();
        Envelope b = fp.bounds();
        for (Envelope view : List.of(b, new Envelope(b.getMinX(), b.centre().x + b.getWidth() / 8, b.getMinY(), b.getMaxY()))) {
            Viewport v = Viewport.fit(view, 500, 400);
            assertTrue(stream.chunks(v.ground()) > 1, "read in chunks");
            ImageRenderer.Rendered one = r.render(inMemory, opts(v, 1), BufferedImage.TYPE_INT_ARGB, 1);
            ImageRenderer.Rendered three = r.render(fromFile, opts(v, 1), BufferedImage.TYPE_INT_ARGB, 3);
            assertEquals(one.stats().featuresDrawn(), three.stats().featuresDrawn(), "counted once each");
            assertSameWithinRounding(one.image(), three.image(), "view " + view);
        }
        assertTrue(streamed.isStreamed(), "never loaded whole");
        stream.close();
    }

    /** Clipping to a band may move an antialiased edge by a rounding step, no more, on a pixel in a thousand at most. */
    private static void assertSameWithinRounding(BufferedImage one, BufferedImage other, String what) {
        int differ = 0;
        int worst = 0;
        for (int y = 0; y < one.getHeight(); y++) {
            for (int x = 0; x < one.getWidth(); x++) {
                int a = one.getRGB(x, y);
                int b = other.getRGB(x, y);
                if (a != b) {
                    differ++;
                    for (int sh = 0; sh < 32; sh += 8) worst = Math.max(worst, Math.abs((a >> sh & 0xff) - (b >> sh & 0xff)));
                }
            }
        }
        assertTrue(worst <= 2, what + ": worst channel difference " + worst);
        assertTrue(differ < one.getWidth() * one.getHeight() / 1000, what + ": " + differ + " pixels differ");
    }

    /** Footprints around a centre, at scales where they are dots, small shapes and large ones. */
    @Test
    void bandsDrawnOnSeveralThreadsMakeTheSameImageAsOneBand() {
        VectorLayer fp = FootprintGenerator.generate(30_000, 11, 700_000, 7_000_000);
        ProjectLayer fill = layer(fp, new LayerStyle("#d9c4a6", 0.8, "#8a6d4b", 1.2, null, 6, null));
        LoadedProject p = MapRendererTest.project(List.of(fill));
        ImageRenderer r = new ImageRenderer();
        for (double res : new double[] {12, 3, 0.7}) {
            for (double ratio : new double[] {1, 2}) {
                Viewport v = new Viewport(700_000 + 37.3, 7_000_000 - 12.9, res / ratio, (int) (400 * ratio), (int) (300 * ratio));
                RenderRequest o = opts(v, ratio);
                ImageRenderer.Rendered one = r.render(p, o, BufferedImage.TYPE_INT_ARGB, 1);
                ImageRenderer.Rendered five = r.render(p, o, BufferedImage.TYPE_INT_ARGB, 5);
                assertEquals(one.stats().featuresDrawn(), five.stats().featuresDrawn(), "counted once each");
                assertEquals(fp.queryIndices(v.ground()).length, one.stats().featuresDrawn());
                assertTrue(one.stats().featuresDrawn() > 100, "res " + res);
                assertSameWithinRounding(one.image(), five.image(), "res " + res + " ratio " + ratio);
            }
        }
    }

    @Test
    void aCancelledBandedRenderStops() {
        VectorLayer fp = FootprintGenerator.generate(20_000, 2, 700_000, 7_000_000);
        LoadedProject p = MapRendererTest.project(List.of(layer(fp, null)));
        Viewport v = Viewport.fit(fp.bounds(), 800, 600);
        int[] calls = {0};
        assertThrows(CancellationException.class, () -> new ImageRenderer().render(p, opts(v, 1).withCancel(() -> ++calls[0] > 3),
                BufferedImage.TYPE_INT_ARGB, 4));
    }
}
