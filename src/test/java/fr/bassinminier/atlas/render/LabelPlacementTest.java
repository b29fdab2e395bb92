package fr.bassinminier.atlas.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.project.ProjectLoader;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Puntal;

/**
 * Labels of the default map at 1:250 000 (the basin) and 1:25 000 (Lens): none overlaps another
 * label, a point symbol, or a line of another layer; checked against the geometries, not against
 * what the engine kept.
 */
class LabelPlacementTest {
    private static LoadedProject map;

    @BeforeAll
    static void load() throws Exception {
        map = ProjectLoader.open(Path.of(System.getProperty("atlas.projectDir", "."), "maps",
                "bassin-minier.atlas.json"));
    }

    @ParameterizedTest
    @CsvSource({"250000, 697000, 7037500, 8", "25000, 688100, 7037200, 5"})
    void noLabelOverlapsAnotherLabelASymbolOrALineOfAnotherLayer(double scale, double cx, double cy, int atLeast) {
        int w = 1600;
        int h = 1000;
        Viewport vp = new Viewport(cx, cy, scale * Viewport.OGC_PIXEL_METRES, w, h);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        LabelEngine engine = new LabelEngine();
        try {
            MapRenderer.hints(g);
            engine.draw(g, map.layers(), RenderRequest.of(vp, 1));
        } finally {
            g.dispose();
        }
        List<LabelEngine.Placed> labels = engine.placed();
        assertTrue(labels.size() >= atLeast, labels.size() + " labels at 1:" + scale);

        // Obstacles, from the layers themselves.
        List<Rectangle2D> symbols = new ArrayList<>();
        List<Line2D> lines = new ArrayList<>();
        List<Integer> lineRanks = new ArrayList<>();
        double r = LabelEngine.SYMBOL_CLEARANCE;
        for (int rank = 0; rank < map.layers().size(); rank++) {
            ProjectLayer pl = map.layers().get(rank);
            if (!pl.isLoaded() || !pl.entry().visible()) continue;
            GeometryType.Family fam = pl.data().geometryType().family();
            for (Feature f : pl.data().query(vp.ground())) {
                Geometry geom = f.geometry();
                if (geom == null || geom.isEmpty()) continue;
                if (geom instanceof Puntal) {
                    for (Coordinate c : geom.getCoordinates()) {
                        double[] p = screen(vp, c);
                        symbols.add(new Rectangle2D.Double(p[0] - r, p[1] - r, 2 * r, 2 * r));
                    }
                } else if (fam == GeometryType.Family.LINE) {
                    for (int i = 0; i < geom.getNumGeometries(); i++) {
                        Coordinate[] cs = geom.getGeometryN(i).getCoordinates();
                        for (int j = 1; j < cs.length; j++) {
                            double[] a = screen(vp, cs[j - 1]);
                            double[] b = screen(vp, cs[j]);
                            lines.add(new Line2D.Double(a[0], a[1], b[0], b[1]));
                            lineRanks.add(rank);
                        }
                    }
                }
            }
        }
        assertFalse(lines.isEmpty(), "the view has lines to avoid");
        for (int i = 0; i < labels.size(); i++) {
            LabelEngine.Placed a = labels.get(i);
            for (Rectangle2D box : a.boxes()) {
                for (int j = i + 1; j < labels.size(); j++) {
                    for (Rectangle2D other : labels.get(j).boxes()) {
                        assertFalse(box.intersects(other), a.text() + " over " + labels.get(j).text());
                    }
                }
                for (Rectangle2D s : symbols) assertFalse(box.intersects(s), a.text() + " over a point symbol");
                for (int k = 0; k < lines.size(); k++) {
                    if (lineRanks.get(k) == a.layerRank()) continue;
                    assertFalse(lines.get(k).intersects(box), a.text() + " crossed by a line of "
                            + map.layers().get(lineRanks.get(k)).entry().title());
                }
            }
        }
    }

    private static double[] screen(Viewport vp, Coordinate c) {
        java.awt.geom.Point2D p = vp.worldToScreen().transform(new java.awt.geom.Point2D.Double(c.x, c.y), null);
        return new double[] {p.getX(), p.getY()};
    }
}
