package fr.bassinminier.atlas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.FeatureSource;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.LayerStyle;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.MapProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class MapRendererTest {
    private static final Color BG = Color.WHITE;

    static LoadedProject project(List<ProjectLayer> layers) {
        MapProject p = new MapProject("t", CrsId.LAMBERT_93, null, layers.stream().map(ProjectLayer::entry).toList(),
                List.of(), null);
        return new LoadedProject(p, null, layers);
    }

    static ProjectLayer layer(String id, LayerStyle style, String... wkts) throws Exception {
        List<Feature> fs = new ArrayList<>();
        long i = 1;
        for (String w : wkts) {
            Geometry g = new WKTReader().read(w);
            fs.add(new Feature(i++, g, Schema.empty(), new Object[0]));
        }
        VectorLayer data = new VectorLayer(id, GeometryType.of(fs.get(0).geometry()), CrsId.LAMBERT_93, Schema.empty(), fs);
        return ProjectLayer.loaded(new LayerEntry(id, id, null, id, null, true, 1, style, null, null, false, null), data);
    }

    private static BufferedImage render(LoadedProject p, Viewport v) {
        return new ImageRenderer().render(p, RenderRequest.of(v, 1).withBackground(BG));
    }

    @Test
    void aSquareAtKnownLambert93CoordinatesLandsOnTheExpectedPixels() throws Exception {
        // 10 m per pixel; the square covers ground x 688000–688100, y 7037000–7037100.
        ProjectLayer sq = layer("sq", new LayerStyle("#ff0000", 1, null, 0, null, 6, null),
                "POLYGON ((688000 7037000, 688100 7037000, 688100 7037100, 688000 7037100, 688000 7037000))");
        Viewport v = new Viewport(688000, 7037000, 10, 200, 200);
        BufferedImage img = render(project(List.of(sq)), v);
        // Ground (688050, 7037050) is 5 px right of and 5 px above the centre (100, 100).
        assertEquals(0xFFFF0000, img.getRGB(105, 95));
        assertEquals(0xFFFF0000, img.getRGB(109, 91));
        assertEquals(BG.getRGB(), img.getRGB(95, 95), "left of the square");
        assertEquals(BG.getRGB(), img.getRGB(105, 105), "below the square");
        assertEquals(BG.getRGB(), img.getRGB(112, 95), "right of the square");
    }

    @Test
    void topLayerOfTheTreeIsDrawnLast() throws Exception {
        String wkt = "POLYGON ((-50 -50, 50 -50, 50 50, -50 50, -50 -50))";
        ProjectLayer top = layer("top", new LayerStyle("#0000ff", 1, null, 0, null, 6, null), wkt);
        ProjectLayer bottom = layer("bottom", new LayerStyle("#00ff00", 1, null, 0, null, 6, null), wkt);
        BufferedImage img = render(project(List.of(top, bottom)), new Viewport(0, 0, 1, 20, 20));
        assertEquals(0xFF0000FF, img.getRGB(10, 10));
    }

    @Test
    void hiddenLayersAreNotDrawn() throws Exception {
        ProjectLayer sq = layer("sq", new LayerStyle("#ff0000", 1, null, 0, null, 6, null),
                "POLYGON ((-50 -50, 50 -50, 50 50, -50 50, -50 -50))");
        ProjectLayer hidden = sq.withEntry(sq.entry().withVisible(false));
        BufferedImage img = render(project(List.of(hidden)), new Viewport(0, 0, 1, 20, 20));
        assertEquals(BG.getRGB(), img.getRGB(10, 10));
    }

    @Test
    void holesStayEmpty() throws Exception {
        ProjectLayer ring = layer("r", new LayerStyle("#ff0000", 1, null, 0, null, 6, null),
                "POLYGON ((-50 -50, 50 -50, 50 50, -50 50, -50 -50), (-20 -20, 20 -20, 20 20, -20 20, -20 -20))");
        BufferedImage img = render(project(List.of(ring)), new Viewport(0, 0, 1, 100, 100));
        assertEquals(BG.getRGB(), img.getRGB(50, 50));
        assertEquals(0xFFFF0000, img.getRGB(15, 50));
    }

    @Test
    void onlyFeaturesInViewAreVisited() throws Exception {
        List<String> wkts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) wkts.add("POINT (" + (i * 1000) + " 0)");
        ProjectLayer pts = layer("p", new LayerStyle("#000000", 1, null, 0, null, 4, null), wkts.toArray(String[]::new));
        BufferedImage img = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);
        var g = img.createGraphics();
        MapRenderer.Stats s = new MapRenderer().render(g, List.of(pts),
                RenderRequest.of(new Viewport(5000, 0, 100, 100, 100), 1));
        g.dispose();
        // The view spans x -0 to 10 000: points 0..10 000, i.e. 11 of 1 000.
        assertTrue(s.featuresDrawn() <= 11 && s.featuresDrawn() >= 9, "drawn " + s.featuresDrawn());
    }

    @Test
    void cancellationStopsARender() throws Exception {
        List<String> wkts = new ArrayList<>();
        for (int i = 0; i < 5000; i++) wkts.add("POINT (" + i + " 0)");
        ProjectLayer pts = layer("p", null, wkts.toArray(String[]::new));
        Viewport v = Viewport.fit(new Envelope(0, 5000, -10, 10), 200, 200);
        assertThrows(CancellationException.class,
                () -> new ImageRenderer().render(project(List.of(pts)), RenderRequest.of(v, 1).withCancel(() -> true)));
    }

    @Test
    void linesAndPolygonsAreCutToTheFrameBeforeDrawing() throws Exception {
        LoadedProject demo = fr.bassinminier.atlas.analysis.TestProjects.demo();
        var c = demo.layer("cites").orElseThrow().data().features().get(0).geometry().getEnvelopeInternal().centre();
        Envelope frame = new Envelope(c.x - 1000, c.x + 1000, c.y - 700, c.y + 700);
        Envelope margin = new Envelope(frame);
        margin.expandBy(2000 * 0.02 + 1e-6);
        int features = 0;
        for (ProjectLayer pl : MapRenderer.clipped(demo.layers(), frame)) {
            if (!pl.isLoaded() || pl.data().geometryType().family() == fr.bassinminier.atlas.model.GeometryType.Family.POINT) {
                continue;
            }
            for (Feature f : pl.data().features()) {
                features++;
                assertTrue(margin.contains(f.geometry().getEnvelopeInternal()), pl.entry().id() + " " + f.id());
            }
        }
        assertTrue(features > 0);
    }

    /** A layer drawn from its file that fails once its first feature is read (a truncated file). */
    private static ProjectLayer failingLayer(String id, String title) throws Exception {
        Geometry square = new WKTReader().read("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))");
        FeatureSource source = new FeatureSource() {
            public GeometryType geometryType() {
                return GeometryType.POLYGON;
            }

            public Schema schema() {
                return Schema.empty();
            }

            public Envelope bounds() {
                return square.getEnvelopeInternal();
            }

            public void scan(Envelope area, Visitor visitor) {
                throw new IllegalStateException("casse.gpkg : fichier tronqué à l'octet 4096");
            }
        };
        VectorLayer data = VectorLayer.streamed(id, CrsId.LAMBERT_93, source, 1, () -> {
            throw new IllegalStateException("casse.gpkg : fichier tronqué à l'octet 4096");
        });
        return ProjectLayer.loaded(new LayerEntry(id, title, null, id, null, true, 1,
                new LayerStyle("#00ff00", 1, null, 0, null, 6, null), null, null, false, null), data);
    }

    @Test
    void aBrokenLayerIsReportedAndTheOthersAreStillDrawn() throws Exception {
        // Layer tree order: top first. Red left half under, the broken layer between, blue right half on top.
        ProjectLayer red = layer("rouge", new LayerStyle("#ff0000", 1, null, 0, null, 6, null),
                "POLYGON ((0 0, 50 0, 50 100, 0 100, 0 0))");
        ProjectLayer blue = layer("bleu", new LayerStyle("#0000ff", 1, null, 0, null, 6, null),
                "POLYGON ((50 0, 100 0, 100 100, 50 100, 50 0))");
        LoadedProject p = project(List.of(blue, failingLayer("casse", "Bâti (fichier abîmé)"), red));
        Viewport v = new Viewport(50, 50, 0.5, 200, 200);
        // The image path (several bands) and the Graphics2D path (PDF) alike.
        RenderRequest imageReq = RenderRequest.of(v, 1).withBackground(BG);
        BufferedImage img = new ImageRenderer().render(p, imageReq);
        BufferedImage direct = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
        RenderRequest directReq = RenderRequest.of(v, 1).withBackground(BG);
        var g = direct.createGraphics();
        new MapRenderer().render(g, p.layers(), directReq);
        g.dispose();
        for (BufferedImage i : List.of(img, direct)) {
            assertEquals(0xFFFF0000, i.getRGB(50, 100), "the layer under the broken one");
            assertEquals(0xFF0000FF, i.getRGB(150, 100), "the layer over it");
        }
        for (RenderRequest r : List.of(imageReq, directReq)) {
            assertEquals(1, r.notices().size(), "one notice however many bands met it: " + r.notices());
            assertEquals("Bâti (fichier abîmé)", r.notices().get(0).layerTitle());
            assertTrue(r.notices().get(0).problem().contains("casse.gpkg"), r.notices().get(0).problem());
        }
    }

    @Test
    void aPointSymbolIsDisplacedAsItsSldSays() throws Exception {
        var mark = new fr.bassinminier.atlas.model.style.Mark("square",
                fr.bassinminier.atlas.model.style.Fill.of("#ff0000", 1), null);
        var symbol = new fr.bassinminier.atlas.model.style.PointSymbolizer(new fr.bassinminier.atlas.model.style.Graphic(
                List.of(mark), null, fr.bassinminier.atlas.model.style.Expression.literal("6"), null,
                new fr.bassinminier.atlas.model.style.Displacement(20, 10)));
        var style = new fr.bassinminier.atlas.model.style.Style(null, null, List.of(
                new fr.bassinminier.atlas.model.style.FeatureTypeStyle(null, List.of(
                        fr.bassinminier.atlas.model.style.Rule.of(null, List.of(symbol))))));
        ProjectLayer pt = layer("pt", null, "POINT (0 0)").withStyle(style, null);
        // The point at pixel (50, 50); 20 px right and 10 px up are 40 and 20 device pixels at ratio 2.
        RenderRequest req = RenderRequest.of(new Viewport(0, 0, 0.5, 100, 100), 2).withBackground(BG);
        BufferedImage img = new ImageRenderer().render(project(List.of(pt)), req);
        assertEquals(List.of(), req.notices());
        assertEquals(0xFFFFFFFF, img.getRGB(50, 50), "nothing left on the point itself");
        // Whole, though it reaches into the band above its point's when the image is drawn in bands.
        assertEquals(0xFFFF0000, img.getRGB(90, 30), "the symbol, moved");
        assertEquals(0xFFFF0000, img.getRGB(90, 25), "its top");
    }

    @Test
    void theSourcesLineGoesUpRatherThanUnderTheIndicativeMark() {
        Viewport vp = new Viewport(690_000, 7_040_000, 10, 420, 200);
        String notice = "Données indicatives : Lignes BHNS « Bulles », Chaîne des Parcs";
        String sources = "Sources : Mission Bassin Minier / data.gouv.fr — Licence Ouverte 2.0 ; tracé indicatif";
        BufferedImage img = new BufferedImage(420, 200, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = img.createGraphics();
        new MapRenderer().render(g, List.of(), RenderRequest.of(vp, 1).withMarks(notice, sources));
        g.dispose();
        // Grey text of the sources line: none on the notice's line (bottom 20 px), some just above it.
        assertEquals(0, greyPixels(img, 180, 200));
        assertTrue(greyPixels(img, 150, 180) > 20);
    }

    private static int greyPixels(BufferedImage img, int fromY, int toY) {
        int n = 0;
        for (int y = fromY; y < toY; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                Color c = new Color(img.getRGB(x, y), true);
                if (c.getAlpha() == 255 && c.getRed() < 0x90 && Math.abs(c.getRed() - c.getBlue()) < 12
                        && Math.abs(c.getRed() - c.getGreen()) < 12) n++;
            }
        }
        return n;
    }
}
