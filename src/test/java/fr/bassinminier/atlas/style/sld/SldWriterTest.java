package fr.bassinminier.atlas.style.sld;

import fr.bassinminier.atlas.model.style.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.project.LabelRule;
import fr.bassinminier.atlas.model.project.LayerStyle;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Written SLD 1.0 reads back to the same style, and the project's simple styles convert. */
class SldWriterTest {
    private static Style roundTrip(Style s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SldWriter.write(s, out);
        SldDocument back = SldParser.parse(new java.io.ByteArrayInputStream(out.toByteArray()), "écrit.sld");
        assertEquals(List.of(), back.warnings());
        return back.style();
    }

    @ParameterizedTest
    @ValueSource(strings = {"qgis-cites-statut.sld", "qgis-bulles-tirets.sld", "geoserver-reperes-points.sld",
            "geoserver-zone-tampon-hachures.sld", "qgis-cites-regles.sld"})
    void fixturesSurviveWriteThenParse(String fixture) throws Exception {
        Style s = Features.parse(fixture).style();
        assertEquals(s, roundTrip(s));
    }

    @Test
    void writesGeoServerFlavouredSld10() throws Exception {
        String xml = SldWriter.toXml(Features.parse("qgis-cites-statut.sld").style());
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<StyledLayerDescriptor version=\"1.0.0\""
                + " xmlns=\"http://www.opengis.net/sld\""), xml);
        assertTrue(xml.contains("""
                        <Rule>
                          <Name>livrée</Name>
                          <Title>Livrée</Title>
                          <ogc:Filter>
                            <ogc:PropertyIsEqualTo>
                              <ogc:PropertyName>statut_renovation</ogc:PropertyName>
                              <ogc:Literal>livrée</ogc:Literal>
                            </ogc:PropertyIsEqualTo>
                          </ogc:Filter>
                          <PolygonSymbolizer>
                            <Fill>
                              <CssParameter name="fill">#2e7d32</CssParameter>
                            </Fill>
                """), xml);
        assertTrue(xml.contains("<ElseFilter/>"));
        assertFalse(xml.contains("se:"), "no SE 1.1 element in a 1.0 document");
        assertFalse(xml.contains("SvgParameter"));
    }

    @Test
    void specialCharactersAndMixedLabelsAreEscaped() throws Exception {
        TextSymbolizer t = new TextSymbolizer(Expression.concat(List.of(Expression.literal("Cité <"),
                Expression.property("nom"), Expression.literal("> & « fils »"))), null, null, null, null, null,
                Map.of("group", "yes"));
        Rule r = new Rule("a&b", "Titre \"1\" <2>", "x\ny", new Filter.Like(Expression.property("nom"), "L\"*"), false,
                10_000, 60_000, List.of(t));
        Style s = new Style("s", "Style « test »", List.of(new FeatureTypeStyle("p", List.of(r))));
        Style back = roundTrip(s);
        assertEquals(s, back);
        assertEquals("Cité <Lens> & « fils »", ((TextSymbolizer) back.rules().get(0).symbolizers().get(0))
                .textFor(Features.of("nom", "Lens")));
    }

    @Test
    void unnamedStyleRoundTrips() throws Exception {
        Style s = new Style(null, null, List.of(new FeatureTypeStyle(null,
                List.of(Rule.of(null, List.of(new PointSymbolizer(null)))))));
        assertEquals(s, roundTrip(s));
    }

    @Test
    void simplePolygonWithHatchAndLabel() throws Exception {
        LayerStyle zone = new LayerStyle("#f2e3b3", 0.35, "#b38a2e", 1.2, null, 6, "diagonal");
        LabelRule label = new LabelRule("nom", 60_000, 10, "#5a2d03", 4, true);
        Style s = Styles.fromSimple(zone, label, GeometryType.MULTIPOLYGON);
        List<Rule> rules = s.rules();
        assertEquals(2, rules.size());
        List<Symbolizer> geom = rules.get(0).symbolizers();
        assertEquals(2, geom.size());
        PolygonSymbolizer base = (PolygonSymbolizer) geom.get(0);
        assertEquals("#f2e3b3", base.fill().colorFor(null));
        assertEquals(0.35, base.fill().opacityFor(null));
        assertNull(base.stroke());
        PolygonSymbolizer hatch = (PolygonSymbolizer) geom.get(1);
        assertEquals("shape://slash", hatch.fill().graphicFillMark().wellKnownName());
        assertEquals("#b38a2e", hatch.fill().graphicFillMark().stroke().colorFor(null));
        assertEquals(8.0, hatch.fill().graphicFill().sizeFor(null));
        assertEquals(1.2, hatch.stroke().widthFor(null));

        Rule labels = rules.get(1);
        assertEquals(60_000.0, labels.maxScale());
        TextSymbolizer t = (TextSymbolizer) labels.symbolizers().get(0);
        Feature cite = Features.of("nom", "Cité des Électriciens");
        assertEquals("Cité des Électriciens", t.textFor(cite));
        assertTrue(t.fontOrDefault().isBoldFor(null));
        assertEquals(10.0, t.fontOrDefault().sizeFor(null));
        assertEquals("#5a2d03", t.colorFor(null));
        assertEquals(4.0, t.priorityFor(null));
        assertEquals(1.5, t.halo().radiusFor(null));
        assertEquals(List.of(), Styles.rulesFor(s, cite, 100_000).stream()
                .filter(r -> r.symbolizers().get(0) instanceof TextSymbolizer).toList(), "no label at 1:100 000");
        assertEquals(2, Styles.rulesFor(s, cite, 25_000).size());
        assertEquals(s, roundTrip(s));
    }

    @Test
    void simpleLineAndPointAndDefault() throws Exception {
        LayerStyle parcs = new LayerStyle(null, 1, "#3f7a24", 1.2, new double[] {5, 3}, 6, null);
        LineSymbolizer line = (LineSymbolizer) Styles.fromSimple(parcs, null, GeometryType.LINESTRING).rules().get(0)
                .symbolizers().get(0);
        assertEquals(List.of(5.0, 3.0), line.stroke().dashArray());
        assertEquals("butt", line.stroke().lineCap());
        assertEquals(1.2, line.stroke().widthFor(null));

        LayerStyle reperes = new LayerStyle("#ffffff", 1, "#1e1e1e", 1.2, null, 6, null);
        Style pts = Styles.fromSimple(reperes, new LabelRule("nom", 0, 12, "#1e1e1e", 10, true), GeometryType.POINT);
        Graphic g = ((PointSymbolizer) pts.rules().get(0).symbolizers().get(0)).graphic();
        assertEquals("circle", g.mark().shape());
        assertEquals(6.0, g.sizeFor(null));
        assertEquals("#ffffff", g.mark().fill().colorFor(null));
        assertFalse(pts.rules().get(1).isScaleDependent(), "max_scale 0: labels at every scale");
        assertEquals(pts, roundTrip(pts));

        Style byDefault = Styles.fromSimple(null, null, GeometryType.POLYGON);
        assertEquals(1, byDefault.rules().size());
        assertInstanceOf(PolygonSymbolizer.class, byDefault.rules().get(0).symbolizers().get(0));
        assertEquals(2, Styles.fromSimple(null, null, GeometryType.GEOMETRY).rules().get(0).symbolizers().size());
    }
}
