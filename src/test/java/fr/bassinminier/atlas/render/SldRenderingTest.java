package fr.bassinminier.atlas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.MapProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.model.style.Style;
import fr.bassinminier.atlas.style.sld.SldParser;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

/** SLD files as QGIS and GeoServer write them, drawn by the renderer. */
class SldRenderingTest {
    private static final Schema SCHEMA = new Schema(List.of(new Field("nom", FieldType.STRING),
            new Field("statut_renovation", FieldType.STRING)));

    private static Style sld(String name) throws Exception {
        try (InputStream in = SldRenderingTest.class.getResourceAsStream("/sld/" + name)) {
            return SldParser.parse(in, name).style();
        }
    }

    /** Four 100 m squares side by side at x = 0, 200, 400, 600, one per status. */
    private static LoadedProject cites(Style style) throws Exception {
        String[] statuses = {"livrée", "travaux en cours", "programmée", null};
        List<Feature> fs = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            int x = i * 200;
            fs.add(new Feature(i, new WKTReader().read("POLYGON ((" + x + " 0, " + (x + 100) + " 0, " + (x + 100)
                    + " 100, " + x + " 100, " + x + " 0))"), SCHEMA, new Object[] {"Cité " + i, statuses[i]}));
        }
        VectorLayer data = new VectorLayer("cites", GeometryType.POLYGON, CrsId.LAMBERT_93, SCHEMA, fs);
        LayerEntry e = new LayerEntry("cites", "Cités", null, "x", null, true, 1, null, null, null, false, null);
        ProjectLayer pl = ProjectLayer.loaded(e, data).withStyle(style, null);
        MapProject p = new MapProject("t", CrsId.LAMBERT_93, null, List.of(e), List.of(), null);
        return new LoadedProject(p, null, List.of(pl));
    }

    private static BufferedImage render(LoadedProject p, double resolution) {
        Viewport vp = new Viewport(350, 50, resolution, (int) Math.ceil(800 / resolution), (int) Math.ceil(200 / resolution));
        return new ImageRenderer().render(p, RenderRequest.of(vp, 1).withBackground(Color.WHITE));
    }

    private static int at(BufferedImage img, Viewport vp, double x, double y) {
        var px = vp.toScreen(x, y);
        return img.getRGB((int) px.getX(), (int) px.getY()) & 0xFFFFFF;
    }

    @Test
    void qgisCategorizedStyleColoursEachStatus() throws Exception {
        LoadedProject p = cites(sld("qgis-cites-statut.sld"));
        double res = 1;
        BufferedImage img = render(p, res);
        Viewport vp = new Viewport(350, 50, res, img.getWidth(), img.getHeight());
        assertEquals(0x2e7d32, at(img, vp, 50, 50), "livrée");
        assertEquals(0xe07b1a, at(img, vp, 250, 50), "travaux en cours");
        assertEquals(0xf2c14e, at(img, vp, 450, 50), "programmée");
        assertEquals(0xbdb5a8, at(img, vp, 650, 50), "no status: the ElseFilter class");
        assertEquals(0xffffff, at(img, vp, 150, 50), "between cités");
    }

    @Test
    void demoStyleOfCitesFollowsTheSameStatuses() throws Exception {
        Style demo;
        try (InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(
                System.getProperty("atlas.projectDir", "."), "styles", "cites.sld"))) {
            demo = SldParser.parse(in, "cites.sld").style();
        }
        LoadedProject p = cites(demo);
        BufferedImage img = render(p, 1);
        Viewport vp = new Viewport(350, 50, 1, img.getWidth(), img.getHeight());
        int delivered = at(img, vp, 50, 50);
        int works = at(img, vp, 250, 50);
        assertNotEquals(delivered, works);
        // Demo cités are drawn slightly transparent: the colour is the class colour over white.
        Color c = new Color(delivered);
        assertTrue(c.getGreen() > c.getRed() && c.getGreen() > c.getBlue(), "livrée is green: " + c);
    }

    @Test
    void geoserverHatchedBufferDrawsLinesNotAFlatFill() throws Exception {
        LoadedProject p = cites(sld("geoserver-zone-tampon-hachures.sld"));
        BufferedImage img = render(p, 0.25);
        Viewport vp = new Viewport(350, 50, 0.25, img.getWidth(), img.getHeight());
        // Inside one square, the hatching leaves both line pixels and background pixels.
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (double x = 10; x < 90; x += 0.5) colours.add(at(img, vp, x, 50));
        assertTrue(colours.size() >= 2, "hatching alternates: " + colours);
    }

    @Test
    void scaleDependentRulesSwitchAtTheOgcScale() throws Exception {
        Style s = sld("qgis-cites-regles.sld");
        // The same rules must not all apply at 1:250 000 and 1:5 000: the file has scale bands.
        boolean differs = false;
        for (var r : s.rules()) differs |= r.appliesAt(250_000) != r.appliesAt(5_000);
        assertTrue(differs, "qgis-cites-regles.sld has scale-dependent rules");
    }

    @Test
    void aLayerFilterHidesTheOtherFeatures() throws Exception {
        LoadedProject p = cites(sld("qgis-cites-statut.sld"));
        var shown = new fr.bassinminier.atlas.model.style.Filter.Comparison(
                fr.bassinminier.atlas.model.style.Filter.Op.EQUAL,
                fr.bassinminier.atlas.model.style.Expression.property("statut_renovation"),
                fr.bassinminier.atlas.model.style.Expression.literal("programmée"), true);
        LoadedProject filtered = p.withLayers(List.of(p.layers().get(0).withShown(shown)));
        BufferedImage img = render(filtered, 1);
        Viewport vp = new Viewport(350, 50, 1, img.getWidth(), img.getHeight());
        assertEquals(0xffffff, at(img, vp, 50, 50), "livrée hidden");
        assertEquals(0xf2c14e, at(img, vp, 450, 50), "programmée still drawn");
    }
}
