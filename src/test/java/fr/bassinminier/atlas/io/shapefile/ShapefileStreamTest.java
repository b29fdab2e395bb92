package fr.bassinminier.atlas.io.shapefile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.Formats;
import fr.bassinminier.atlas.io.project.ProjectLoader;
import fr.bassinminier.atlas.io.synthetic.FootprintGenerator;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.FeatureSource;
import fr.bassinminier.atlas.model.PackedGeometry;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.render.ImageRenderer;
import fr.bassinminier.atlas.render.RenderRequest;
import fr.bassinminier.atlas.render.Viewport;
import java.awt.image.BufferedImage;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

class ShapefileStreamTest {
    @TempDir
    static Path dir;
    static Path shp;

    @BeforeAll
    static void data() throws Exception {
        VectorLayer layer = FootprintGenerator.generate(4000, 7, FootprintGenerator.LENS_X, FootprintGenerator.LENS_Y);
        shp = dir.resolve("batiments.shp");
        new ShapefileWriter().write(shp, layer, w -> { });
        Files.writeString(dir.resolve("simple.sld"), sld("""
                <Rule><PolygonSymbolizer>
                  <Fill><CssParameter name="fill">#DEBE96</CssParameter></Fill>
                  <Stroke><CssParameter name="stroke">#785028</CssParameter><CssParameter name="stroke-width">0.378</CssParameter></Stroke>
                </PolygonSymbolizer></Rule>"""));
        // Reads attributes: a filter on the id, and dashes (their phase shows any change of ring start or direction).
        Files.writeString(dir.resolve("filtered.sld"), sld("""
                <Rule><ogc:Filter><ogc:PropertyIsLessThan><ogc:PropertyName>id</ogc:PropertyName><ogc:Literal>2000</ogc:Literal></ogc:PropertyIsLessThan></ogc:Filter>
                <PolygonSymbolizer><Fill><CssParameter name="fill">#3366CC</CssParameter></Fill>
                  <Stroke><CssParameter name="stroke">#000000</CssParameter><CssParameter name="stroke-width">1.5</CssParameter>
                  <CssParameter name="stroke-dasharray">4 3</CssParameter></Stroke></PolygonSymbolizer></Rule>"""));
    }

    private static String sld(String rules) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
                  <NamedLayer><Name>b</Name><UserStyle><FeatureTypeStyle>%s</FeatureTypeStyle></UserStyle></NamedLayer>
                </StyledLayerDescriptor>""".formatted(rules);
    }

    @Test
    void aScanGivesTheWholeReadsFeaturesInOrderWithTheirBoxesAttributesAndCoordinates() throws Exception {
        VectorLayer loaded = Formats.read(shp).layers().get(0);
        ShapefileStream s = ShapefileStream.open(shp, w -> { });
        assertNotNull(s);
        assertEquals(loaded.bounds(), s.bounds());
        assertEquals(loaded.schema().fields(), s.schema().fields());
        assertEquals(loaded.size(), s.size());
        Envelope area = new Envelope(loaded.features().get(100).geometry().getEnvelopeInternal().centre());
        area.expandBy(150);
        List<Feature> expected = loaded.query(area);
        List<Long> ids = new ArrayList<>();
        s.scan(area, new FeatureSource.Visitor() {
            int i;

            @Override
            public void visit(FeatureSource.Cursor c) {
                Feature want = expected.get(i++);
                Envelope e = want.geometry().getEnvelopeInternal();
                assertEquals(e, new Envelope(c.minX(), c.maxX(), c.minY(), c.maxY()));
                Feature got = c.attributes();
                ids.add(got.id());
                assertEquals(want.id(), got.id());
                assertEquals(want.attributes(), got.attributes());
                assertTrue(want.geometry().equalsExact(c.geometry()));
                PackedGeometry p = c.packed();
                assertEquals(2, p.dimension());
                List<Coordinate> rings = new ArrayList<>();
                for (int k = 0; k < want.geometry().getNumGeometries(); k++) {
                    Polygon poly = (Polygon) want.geometry().getGeometryN(k);
                    rings.addAll(List.of(poly.getExteriorRing().getCoordinates()));
                    for (int h = 0; h < poly.getNumInteriorRing(); h++) rings.addAll(List.of(poly.getInteriorRingN(h).getCoordinates()));
                }
                List<Coordinate> packed = new ArrayList<>();
                for (int k = 0; k < p.points(); k++) packed.add(new Coordinate(p.x(k), p.y(k)));
                assertEquals(rings, packed);
            }
        });
        assertEquals(expected.size(), ids.size());
        assertTrue(ids.size() > 20, "the area holds features: " + ids.size());
    }

    @Test
    void renderingStreamedOrLoadedGivesTheSamePixels() throws Exception {
        for (String style : List.of("simple.sld", "filtered.sld")) {
            Path project = dir.resolve(style + ".atlas.json");
            Files.writeString(project, """
                    {"atlas_project": 1, "title": "B", "crs": "EPSG:2154", "indicative": false, "bookmarks": [],
                     "layers": [{"id": "b", "title": "B", "source": "batiments.shp", "visible": true, "opacity": 1.0, "sld": "%s"}]}
                    """.formatted(style));
            LoadedProject loaded = ProjectLoader.open(project);
            LoadedProject streamed = ProjectLoader.openStreamed(project);
            assertFalse(loaded.layers().get(0).data().isStreamed());
            assertTrue(streamed.layers().get(0).data().isStreamed(), "the shapefile is streamed");
            Envelope whole = loaded.initialExtent();
            Envelope zoom = new Envelope(loaded.layers().get(0).data().features().get(100).geometry().getEnvelopeInternal().centre());
            zoom.expandBy(120);
            for (Envelope extent : List.of(whole, zoom)) {
                Viewport vp = Viewport.fit(extent, 960, 540);
                assertArrayEquals(pixels(loaded, vp), pixels(streamed, vp), style + " " + extent);
            }
        }
    }

    private static int[] pixels(LoadedProject p, Viewport vp) {
        BufferedImage img = new ImageRenderer().render(p, ImageRenderer.marksFor(p, RenderRequest.of(vp, 1)),
                BufferedImage.TYPE_INT_ARGB).image();
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    void aRecordDeletedInTheDbfIsLeftOutAndPartsThatDisagreeAreNotStreamed() throws Exception {
        Path copy = Files.createDirectory(dir.resolve("copy"));
        for (String ext : List.of("shp", "shx", "dbf", "prj")) {
            Files.copy(dir.resolve("batiments." + ext), copy.resolve("b." + ext));
        }
        int header;
        int recordLength;
        try (RandomAccessFile f = new RandomAccessFile(copy.resolve("b.dbf").toFile(), "rw")) {
            f.seek(8);
            header = Short.reverseBytes(f.readShort()) & 0xffff;
            recordLength = Short.reverseBytes(f.readShort()) & 0xffff;
            f.seek(header + 5L * recordLength);
            f.write('*');
        }
        ShapefileStream s = ShapefileStream.open(copy.resolve("b.shp"), w -> { });
        assertNotNull(s);
        List<Long> ids = new ArrayList<>();
        s.scan(s.bounds(), c -> ids.add(c.attributes().id()));
        List<Long> wholeRead = Formats.read(copy.resolve("b.shp")).layers().get(0).features().stream().map(Feature::id).toList();
        assertFalse(ids.contains(5L));
        assertEquals(wholeRead, ids);
        // A .dbf counting one record less than the index: left to the whole read, which says why.
        try (RandomAccessFile f = new RandomAccessFile(copy.resolve("b.dbf").toFile(), "rw")) {
            f.seek(4);
            f.writeInt(Integer.reverseBytes(s.size()));
        }
        assertNull(ShapefileStream.open(copy.resolve("b.shp"), w -> { }));
    }
}
