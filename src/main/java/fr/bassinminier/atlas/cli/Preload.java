package fr.bassinminier.atlas.cli;

import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.io.JsonTree;
import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.geopackage.GeoPackageStream;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.style.sld.SldParser;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A head start for the commands that read a project (and draw it). While picocli builds the
 * command line on one core (≈ 0.1 s of reflection on annotations), another loads and first runs
 * what the command needs next: the messages, the JSON reader of the project file, SQLite's native
 * library, the SLD reader, Java2D's drawing loops and the label font, French number formats, and
 * for a printed page Proj4J (its north arrow). Nothing is kept: the command does the same work
 * itself and finds it done (a class is initialised once, by whichever thread comes first; the
 * other waits for it). A failure here only loses the head start.
 */
final class Preload {
    private static final Set<String> READING = Set.of("render", "print", "impact", "info", "warm-up");
    private static final String SLD = """
            <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld"
                xmlns:ogc="http://www.opengis.net/ogc"><NamedLayer><Name>l</Name><UserStyle><FeatureTypeStyle>
              <Rule><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>a</ogc:PropertyName>
                <ogc:Literal>1</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
                <PolygonSymbolizer><Fill><CssParameter name="fill">#DEBE96</CssParameter></Fill>
                  <Stroke><CssParameter name="stroke">#785028</CssParameter></Stroke></PolygonSymbolizer>
                <TextSymbolizer><Label><ogc:PropertyName>a</ogc:PropertyName></Label></TextSymbolizer></Rule>
            </FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>""";

    private Preload() {
    }

    /** Starts the head start when the arguments name a command that reads a project. */
    static void start(String[] args) {
        for (String a : args) {
            if (a.startsWith("-")) continue;
            if (READING.contains(a)) {
                boolean page = a.equals("print") || a.equals("impact");
                Thread t = new Thread(() -> run(page), "atlas-preload");
                t.setDaemon(true);
                t.start();
            }
            return;
        }
    }

    /** @param page a printed page follows: its north arrow needs Proj4J (≈ 60 ms to initialise) */
    private static void run(boolean page) {
        try {
            Localization.bundle();
            JsonTree.parse("{\"layers\":[{\"id\":\"a\",\"opacity\":1.0,\"visible\":true}]}");
            GeoPackageStream.prepareDriver();
            SldParser.parse(new ByteArrayInputStream(SLD.getBytes(StandardCharsets.UTF_8)), "preload");
            BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            Path2D.Double p = new Path2D.Double();
            p.moveTo(1.5, 1.5);
            p.lineTo(20.25, 3.5);
            p.lineTo(9.75, 18.5);
            p.closePath();
            g.setColor(new Color(222, 190, 150, 200));
            g.fill(p);
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(0.75f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(p);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(11f));
            g.drawString("Lens", 2, 28);
            g.dispose();
            // The closing line's French number formats (≈ 5 ms of locale data).
            String.format(java.util.Locale.FRANCE, "%,.0f %d", 131_784.2, 26);
            if (page) CrsTransforms.between(CrsId.LAMBERT_93, CrsId.WGS84).apply(700000, 7000000);
        } catch (Exception | LinkageError e) {
            // only the head start is lost: the command meets the same problem and reports it
        }
    }
}
