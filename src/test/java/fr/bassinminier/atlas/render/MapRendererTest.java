package fr.bassinminier.atlas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
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
        return new ImageRenderer().render(p, v, new RenderOptions(BG, 1, null, null), () -> false);
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
        MapRenderer.Stats s = new MapRenderer().render(g, new Viewport(5000, 0, 100, 100, 100), List.of(pts),
                RenderOptions.SCREEN, () -> false);
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
                () -> new ImageRenderer().render(project(List.of(pts)), v, RenderOptions.SCREEN, () -> true));
    }
}
