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
import fr.bassinminier.atlas.render.ImageRenderer;
import fr.bassinminier.atlas.render.RenderRequest;
import fr.bassinminier.atlas.render.Viewport;
import fr.bassinminier.atlas.style.sld.SldParser;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A print at 1:25 000 chooses its SLD rules and labels at 1:25 000, as the screen does at
 * 1:25 000 (not at the scale of its device unit, nor at 0.945 × the printed scale).
 */
class PrintScaleRulesTest {
    private static final double X = 690_000;
    private static final double Y = 7_040_000;
    private static final double SCALE = 25_000;
    private static final int YELLOW = 0xFFFF00;
    private static final int GREEN = 0x00FF00;

    /** Large scales (under 1:24 500): green, blue label; smaller ones: yellow, red label. */
    private static final String SLD = """
            <StyledLayerDescriptor xmlns="http://www.opengis.net/sld" version="1.0.0">
              <NamedLayer><Name>zone</Name><UserStyle><FeatureTypeStyle>
                <Rule><Name>fine</Name><MaxScaleDenominator>24500</MaxScaleDenominator>
                  <PolygonSymbolizer><Fill><CssParameter name="fill">#00ff00</CssParameter></Fill></PolygonSymbolizer>
                  <TextSymbolizer><Label>FFFFFF</Label>
                    <Font><CssParameter name="font-size">24</CssParameter>
                      <CssParameter name="font-weight">bold</CssParameter></Font>
                    <Fill><CssParameter name="fill">#0000ff</CssParameter></Fill></TextSymbolizer>
                </Rule>
                <Rule><Name>large</Name><MinScaleDenominator>24500</MinScaleDenominator>
                  <PolygonSymbolizer><Fill><CssParameter name="fill">#ffff00</CssParameter></Fill></PolygonSymbolizer>
                  <TextSymbolizer><Label>WWWWWW</Label>
                    <Font><CssParameter name="font-size">24</CssParameter>
                      <CssParameter name="font-weight">bold</CssParameter></Font>
                    <Fill><CssParameter name="fill">#ff0000</CssParameter></Fill></TextSymbolizer>
                </Rule>
              </FeatureTypeStyle></UserStyle></NamedLayer>
            </StyledLayerDescriptor>
            """;

    private static LoadedProject project() throws Exception {
        var style = SldParser.parse(new ByteArrayInputStream(SLD.getBytes(StandardCharsets.UTF_8)), "zone.sld").style();
        var square = new GeometryFactory().toGeometry(new Envelope(X - 20_000, X + 20_000, Y - 20_000, Y + 20_000));
        VectorLayer data = new VectorLayer("zone", GeometryType.POLYGON, CrsId.LAMBERT_93, Schema.empty(),
                List.of(new Feature(0, square, Schema.empty(), new Object[0])));
        LayerEntry e = new LayerEntry("zone", "Zone", null, "zone.gpkg", null, true, 1, null, null, null, false, null);
        ProjectLayer pl = ProjectLayer.loaded(e, data).withStyle(style, null);
        return new LoadedProject(new MapProject("t", CrsId.LAMBERT_93, null, List.of(e), List.of(), null), null,
                List.of(pl));
    }

    /** What a map shows: the fill at its centre's left and how many pixels of each label colour. */
    private record Seen(int fill, int red, int blue) {
    }

    private static Seen seen(BufferedImage img, Rectangle frame) {
        int red = 0;
        int blue = 0;
        for (int y = frame.y; y < frame.y + frame.height; y++) {
            for (int x = frame.x; x < frame.x + frame.width; x++) {
                Color c = new Color(img.getRGB(x, y));
                if (c.getRed() > 200 && c.getGreen() < 60 && c.getBlue() < 60) red++;
                if (c.getBlue() > 200 && c.getRed() < 60 && c.getGreen() < 60) blue++;
            }
        }
        // A quarter of the way across, half way down: the fill, clear of the centred label.
        int fill = img.getRGB(frame.x + frame.width / 4, frame.y + frame.height / 2) & 0xFFFFFF;
        return new Seen(fill, red, blue);
    }

    @Test
    void aPrintAt25000ChoosesTheRulesAndLabelsOfTheScreenAt25000() throws Exception {
        LoadedProject p = project();
        // The screen at 1:25 000: 7 m per (0.28 mm) pixel.
        Viewport screenView = new Viewport(X, Y, SCALE * Viewport.OGC_PIXEL_METRES, 900, 600);
        RenderRequest screenReq = RenderRequest.of(screenView, 1);
        assertEquals(SCALE, screenReq.scaleDenominator(), 1e-6);
        Seen screen = seen(new ImageRenderer().render(p, screenReq), new Rectangle(0, 0, 900, 600));

        // The printed page at 1:25 000, drawn at 2 device pixels per point (144 dpi).
        double unit = 2;
        PrintTemplate t = new PrintTemplate("t", "A4", true, 10, "Échelle", null, null, null, null, false, false, SCALE);
        var page = new PrintLayout.Page("Échelle", null, X, Y, SCALE, null);
        BufferedImage img = new BufferedImage((int) Math.ceil(842 * unit), (int) Math.ceil(595 * unit),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        PageFacts facts;
        try {
            facts = PrintLayout.draw(g, unit, p, t, page, 1);
        } finally {
            g.dispose();
        }
        assertEquals(SCALE, facts.scale(), 1e-6);
        double[] f = facts.frame();
        // Inside the frame's border; the page's y axis runs up, the image's down.
        Rectangle frame = new Rectangle((int) Math.ceil(f[0] * unit) + 4, (int) Math.ceil((facts.height() - f[3]) * unit) + 4,
                (int) ((f[2] - f[0]) * unit) - 8, (int) ((f[3] - f[1]) * unit) - 8);
        Seen print = seen(img, frame);

        assertEquals(YELLOW, screen.fill(), "screen at 1:25 000: the small-scale rule");
        assertEquals(screen.fill(), print.fill(), "the print draws the rule the screen draws");
        assertTrue(screen.red() > 50 && screen.blue() == 0, "screen label: " + screen);
        assertTrue(print.red() > 50 && print.blue() == 0, "print label: the screen's, " + print);
        // And the boundary is where the SLD puts it: just under it, both switch to the other rule.
        Viewport finer = new Viewport(X, Y, 24_000 * Viewport.OGC_PIXEL_METRES, 900, 600);
        Seen screenFine = seen(new ImageRenderer().render(p, RenderRequest.of(finer, 1)), new Rectangle(0, 0, 900, 600));
        assertEquals(GREEN, screenFine.fill());
        assertTrue(screenFine.blue() > 50 && screenFine.red() == 0, "screen at 1:24 000: " + screenFine);
    }
}
