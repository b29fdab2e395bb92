package fr.bassinminier.atlas.io.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.geopackage.GeoPackageWriter;
import fr.bassinminier.atlas.io.synthetic.FootprintGenerator;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.render.ImageRenderer;
import fr.bassinminier.atlas.render.RenderRequest;
import fr.bassinminier.atlas.render.Viewport;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/**
 * One render path, two sources: a GeoPackage layer read as it is drawn gives the image of the
 * same layer loaded whole, pixel for pixel, at the full view (sub-pixel dots) and zoomed in
 * (outlined polygons, several bands), with a simple style and with an SLD.
 */
class StreamedRenderTest {
    @TempDir
    Path dir;

    private Path project(boolean sld) throws Exception {
        VectorLayer layer = FootprintGenerator.generate(20_000, 11, FootprintGenerator.LENS_X, FootprintGenerator.LENS_Y);
        new GeoPackageWriter().write(dir.resolve("b.gpkg"), List.of(layer));
        Files.writeString(dir.resolve("b.sld"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
                <NamedLayer><Name>b</Name><UserStyle><FeatureTypeStyle>
                <Rule><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>usage</ogc:PropertyName><ogc:Literal>résidentiel</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
                <PolygonSymbolizer><Fill><CssParameter name="fill">#DEBE96</CssParameter></Fill>
                <Stroke><CssParameter name="stroke">#785028</CssParameter><CssParameter name="stroke-width">0.4</CssParameter></Stroke></PolygonSymbolizer></Rule>
                <Rule><ElseFilter/><PolygonSymbolizer><Fill><CssParameter name="fill">#3060C0</CssParameter></Fill></PolygonSymbolizer></Rule>
                </FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>
                """);
        Path p = dir.resolve(sld ? "s.atlas.json" : "p.atlas.json");
        Files.writeString(p, """
                {"atlas_project": 1, "title": "t", "crs": "EPSG:2154", "indicative": false, "bookmarks": [],
                 "layers": [{"id": "b", "title": "Bâtiments", "source": "b.gpkg", "visible": true, "opacity": 1.0,
                 "style": {"fill": "#debe96", "fill_opacity": 1.0, "stroke": "#785028", "stroke_width": 0.5, "point_size": 4}
                 %s}]}
                """.formatted(sld ? ", \"sld\": \"b.sld\"" : ""));
        return p;
    }

    private static int differing(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) if (a.getRGB(x, y) != b.getRGB(x, y)) n++;
        }
        return n;
    }

    @Test
    void streamedAndLoadedLayersDrawTheSameImage() throws Exception {
        for (boolean sld : new boolean[] {false, true}) {
            Path file = project(sld);
            LoadedProject loaded = ProjectLoader.open(file);
            LoadedProject streamed = ProjectLoader.openStreamed(file);
            assertFalse(loaded.layers().get(0).data().isStreamed());
            assertTrue(streamed.layers().get(0).data().isStreamed());
            Envelope full = loaded.layers().get(0).data().bounds();
            Envelope zoom = new Envelope(loaded.layers().get(0).data().features().get(0).geometry().getEnvelopeInternal());
            zoom.expandBy(250);
            for (Envelope view : List.of(full, zoom)) {
                Viewport vp = Viewport.fit(view, 640, 480);
                RenderRequest o = RenderRequest.of(vp, 1).withBackground(Color.WHITE);
                BufferedImage a = new ImageRenderer().render(loaded, o);
                BufferedImage b = new ImageRenderer().render(streamed, o);
                assertEquals(0, differing(a, b), "pixels differing, sld=" + sld + ", view " + view);
            }
            assertTrue(streamed.layers().get(0).data().isStreamed(), "drawing did not load the layer");
            assertEquals(loaded.layers().get(0).data().size(), streamed.layers().get(0).data().features().size(),
                    "asking for the features loads them all");
        }
    }
}
