package fr.bassinminier.atlas.print.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.MapProject;
import fr.bassinminier.atlas.model.project.PrintTemplate;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.print.PageFormat;
import fr.bassinminier.atlas.style.sld.SldParser;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * An A0 poster's map is read from afar: its labels and line widths are larger on paper than an
 * A4's by the page's magnification (×3.25), while the scale and the SLD rule chosen stay the same.
 */
class PrintMagnificationTest {
    private static final double X = 690_000;
    private static final double Y = 7_040_000;
    private static final double SCALE = 25_000;
    private static final GeometryFactory GF = new GeometryFactory();

    /** A zone labelled in red (yellow fill above 1:24 500, green under) and a 4 px blue road. */
    private static final String ZONE = """
            <StyledLayerDescriptor xmlns="http://www.opengis.net/sld" version="1.0.0">
              <NamedLayer><Name>zone</Name><UserStyle><FeatureTypeStyle>
                <Rule><Name>fine</Name><MaxScaleDenominator>24500</MaxScaleDenominator>
                  <PolygonSymbolizer><Fill><CssParameter name="fill">#00ff00</CssParameter></Fill></PolygonSymbolizer>
                </Rule>
                <Rule><Name>large</Name><MinScaleDenominator>24500</MinScaleDenominator>
                  <PolygonSymbolizer><Fill><CssParameter name="fill">#ffff00</CssParameter></Fill></PolygonSymbolizer>
                  <TextSymbolizer><Label>HHHH</Label>
                    <Font><CssParameter name="font-size">16</CssParameter>
                      <CssParameter name="font-weight">bold</CssParameter></Font>
                    <Fill><CssParameter name="fill">#ff0000</CssParameter></Fill></TextSymbolizer>
                </Rule>
              </FeatureTypeStyle></UserStyle></NamedLayer>
            </StyledLayerDescriptor>
            """;
    private static final String ROAD = """
            <StyledLayerDescriptor xmlns="http://www.opengis.net/sld" version="1.0.0">
              <NamedLayer><Name>road</Name><UserStyle><FeatureTypeStyle><Rule>
                <LineSymbolizer><Stroke><CssParameter name="stroke">#0000ff</CssParameter>
                  <CssParameter name="stroke-width">4</CssParameter></Stroke></LineSymbolizer>
              </Rule></FeatureTypeStyle></UserStyle></NamedLayer>
            </StyledLayerDescriptor>
            """;

    private static ProjectLayer layer(String id, String sld, GeometryType type,
                                      org.locationtech.jts.geom.Geometry geom) throws Exception {
        var style = SldParser.parse(new ByteArrayInputStream(sld.getBytes(StandardCharsets.UTF_8)), id + ".sld").style();
        VectorLayer data = new VectorLayer(id, type, CrsId.LAMBERT_93, Schema.empty(),
                List.of(new Feature(0, geom, Schema.empty(), new Object[0])));
        LayerEntry e = new LayerEntry(id, id, null, id + ".gpkg", null, true, 1, null, null, null, false, null);
        return ProjectLayer.loaded(e, data).withStyle(style, null);
    }

    private static LoadedProject project() throws Exception {
        var square = GF.toGeometry(new Envelope(X - 40_000, X + 40_000, Y - 40_000, Y + 40_000));
        // (The first layer is drawn last, on top.) A road across the map, 1.5 km south of the centre (clear of the zone's label).
        var road = GF.createLineString(new Coordinate[] {new Coordinate(X - 40_000, Y - 1_500),
                new Coordinate(X + 40_000, Y - 1_500)});
        ProjectLayer zone = layer("zone", ZONE, GeometryType.POLYGON, square);
        ProjectLayer line = layer("road", ROAD, GeometryType.LINESTRING, road);
        return new LoadedProject(new MapProject("t", CrsId.LAMBERT_93, null,
                List.of(line.entry(), zone.entry()), List.of(), null), null, List.of(line, zone));
    }

    /** What the map of a page shows, measured on paper (points). */
    private record Measure(double scale, int fill, double labelHeight, double roadWidth) {
    }

    private static Measure print(String paper, double unit) throws Exception {
        PrintTemplate t = new PrintTemplate("t", paper, true, 10, "Poster", null, null, null, null, false, false, SCALE);
        var page = new PrintLayout.Page("Poster", null, X, Y, SCALE, null);
        PageFormat f = PrintLayout.format(t);
        BufferedImage img = new BufferedImage((int) Math.ceil(f.width() * unit), (int) Math.ceil(f.height() * unit),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        PageFacts facts;
        try {
            facts = PrintLayout.draw(g, unit, project(), t, page, 1);
        } finally {
            g.dispose();
        }
        // Left for a look when the test fails.
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        javax.imageio.ImageIO.write(img, "png", new java.io.File("target/print-magnification-" + paper + ".png"));
        double[] fr = facts.frame();
        int x0 = (int) Math.ceil(fr[0] * unit) + 2;
        int x1 = (int) Math.floor(fr[2] * unit) - 2;
        int y0 = (int) Math.ceil((facts.height() - fr[3]) * unit) + 2;
        int y1 = (int) Math.floor((facts.height() - fr[1]) * unit) - 2;
        // The label: the rows holding pure red, within the middle of the frame.
        int top = Integer.MAX_VALUE;
        int bottom = -1;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int c = img.getRGB(x, y);
                if (((c >> 16) & 0xFF) > 220 && ((c >> 8) & 0xFF) < 40 && (c & 0xFF) < 40) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        assertTrue(bottom >= 0, paper + ": the label is drawn");
        // The road: blue rows in the column a quarter of the way across.
        int col = x0 + (x1 - x0) / 4;
        int blue = 0;
        for (int y = y0; y < y1; y++) {
            int c = img.getRGB(col, y);
            if ((c & 0xFF) > 128 && ((c >> 16) & 0xFF) < 128 && ((c >> 8) & 0xFF) < 128) blue++;
        }
        int fill = img.getRGB(x0 + (x1 - x0) / 8, y0 + (y1 - y0) / 8) & 0xFFFFFF;
        return new Measure(facts.scale(), fill, (bottom - top + 1) / unit, blue / unit);
    }

    @Test
    void anA0PrintDrawsLabelsAndLinesLargerByItsMagnificationAtTheSameScale() throws Exception {
        double factor = PrintLayout.mapMagnification(PrintLayout.format(
                new PrintTemplate("t", "A0", true, 10, "", null, null, null, null, false, false, SCALE)));
        assertEquals(3.25, factor, 0.01, "A0's magnification");
        Measure a4 = print("A4", 4);
        Measure a0 = print("A0", 1.25);
        System.out.printf("print magnification: label %.2f pt (A4) / %.2f pt (A0), road %.2f / %.2f pt%n",
                a4.labelHeight(), a0.labelHeight(), a4.roadWidth(), a0.roadWidth());
        // The same scale and the same rule (yellow: above 1:24 500) on both.
        assertEquals(SCALE, a4.scale(), 1e-6);
        assertEquals(SCALE, a0.scale(), 1e-6);
        assertEquals(0xFFFF00, a4.fill());
        assertEquals(a4.fill(), a0.fill(), "the A0 chooses the A4's rule");
        // 16 px bold caps: about 8.6 pt high on A4; 4 px: 3 pt wide.
        assertEquals(3.0, a4.roadWidth(), 0.5, "A4 road width (pt)");
        assertTrue(a4.labelHeight() > 7 && a4.labelHeight() < 10, "A4 label height (pt): " + a4.labelHeight());
        assertEquals(factor, a0.labelHeight() / a4.labelHeight(), 0.25,
                "A0 label " + a0.labelHeight() + " pt vs A4 " + a4.labelHeight() + " pt");
        assertEquals(factor, a0.roadWidth() / a4.roadWidth(), 0.25,
                "A0 road " + a0.roadWidth() + " pt vs A4 " + a4.roadWidth() + " pt");
    }

    @Test
    void aMagnifiedRequestKeepsItsScaleAndTheBackgroundMapsDetail() {
        var vp = new fr.bassinminier.atlas.render.Viewport(X, Y, 2, 400, 300);
        var req = fr.bassinminier.atlas.render.RenderRequest.onPaper(vp, SCALE, 2).magnified(3.25);
        assertEquals(6.5, req.pixelRatio(), 1e-9, "symbols and labels 3.25 times larger");
        assertEquals(SCALE, req.scaleDenominator(), 1e-9, "rules chosen at the printed scale");
        assertEquals(2, req.basemapRatio(), 1e-9, "tiles chosen for the device");
        assertEquals(3.25, req.clippedToFrame().withMarks("n", null).asVector().magnification(), 1e-9,
                "kept through the other options");
    }
}
