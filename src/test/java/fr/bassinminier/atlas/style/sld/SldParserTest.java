package fr.bassinminier.atlas.style.sld;

import fr.bassinminier.atlas.model.style.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.model.style.LabelPlacement.LinePlacement;
import fr.bassinminier.atlas.model.style.LabelPlacement.PointPlacement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fixtures are written as QGIS 3 and GeoServer write them; each must come out whole. */
class SldParserTest {
    @Test
    void qgisCategorizedPolygonStyle() throws Exception {
        SldDocument doc = Features.parse("qgis-cites-statut.sld");
        assertEquals(List.of(), doc.warnings());
        Style s = doc.style();
        assertEquals("cites", s.name());
        assertEquals(1, s.featureTypeStyles().size());
        List<Rule> rules = s.rules();
        assertEquals(List.of("Livrée", "Travaux en cours", "Programmée", "À l'étude", "Non renseigné"),
                rules.stream().map(Rule::legendLabel).toList());
        Rule livree = rules.get(0);
        assertEquals("livrée", livree.name());
        assertEquals(new Filter.Comparison(Filter.Op.EQUAL, Expression.property("statut_renovation"),
                Expression.literal("livrée"), true), livree.filter());
        PolygonSymbolizer p = (PolygonSymbolizer) livree.symbolizers().get(0);
        assertEquals("#2e7d32", p.fill().colorFor(null));
        assertEquals(1.0, p.fill().opacityFor(null));
        assertEquals("#232323", p.stroke().colorFor(null));
        assertEquals(1.0, p.stroke().widthFor(null));
        assertEquals("bevel", p.stroke().lineJoin());
        assertInstanceOf(Filter.Or.class, rules.get(2).filter(), "QGIS writes a merged category as Or of EqualTo");
        assertEquals(0.8, ((PolygonSymbolizer) rules.get(3).symbolizers().get(0)).fill().opacityFor(null));
        Rule autre = rules.get(4);
        assertTrue(autre.elseFilter());
        assertNull(autre.filter());
        assertEquals("", autre.name());
    }

    @Test
    void qgisLineStyleWithDashArray() throws Exception {
        SldDocument doc = Features.parse("qgis-bulles-tirets.sld");
        assertEquals(List.of(), doc.warnings());
        List<Rule> rules = doc.style().rules();
        LineSymbolizer solid = (LineSymbolizer) rules.get(0).symbolizers().get(0);
        assertEquals(List.of(), solid.stroke().dashArray());
        assertEquals("round", solid.stroke().lineCap());
        assertEquals(0.0, solid.perpendicularOffsetFor(null));
        LineSymbolizer dashed = (LineSymbolizer) rules.get(1).symbolizers().get(0);
        assertEquals(List.of(15.0, 7.5), dashed.stroke().dashArray());
        assertEquals("square", dashed.stroke().lineCap());
        assertEquals(0.7, dashed.stroke().opacityFor(null));
        assertEquals(4.0, dashed.stroke().widthFor(null));
        assertEquals(2.0, dashed.perpendicularOffsetFor(null));
        assertEquals("En projet", rules.get(1).legendLabel());
    }

    @Test
    void geoServerPointStyleInLatin1WithMarksAndScaleDependentLabels() throws Exception {
        SldDocument doc = Features.parse("geoserver-reperes-points.sld");
        assertEquals(List.of(), doc.warnings());
        Style s = doc.style();
        assertEquals("reperes", s.name());
        assertEquals("Villes repères", s.title(), "ISO-8859-1 declared by the file must be honoured");
        assertEquals(2, s.featureTypeStyles().size());

        Rule prefectures = s.rules().get(0);
        assertEquals("Sous-préfecture", prefectures.legendLabel());
        Graphic star = ((PointSymbolizer) prefectures.symbolizers().get(0)).graphic();
        assertEquals("star", star.mark().wellKnownName());
        assertEquals("#a3203a", star.mark().fill().colorFor(null));
        assertEquals(0.8, star.mark().stroke().widthFor(null));
        assertEquals(12.0, star.sizeFor(null));
        assertEquals(0.0, star.rotationFor(null));
        assertTrue(prefectures.filter().test(Features.of("nom", "Béthune")));

        Graphic musee = ((PointSymbolizer) s.rules().get(1).symbolizers().get(0)).graphic();
        assertEquals(new ExternalGraphic("http://example.org/icones/chevalement.svg", "image/svg+xml"),
                musee.externalGraphic());
        assertInstanceOf(ExternalGraphic.class, musee.symbols().get(0), "order of preference kept");
        assertEquals("triangle", musee.mark().shape());
        assertEquals(0.9, musee.opacityFor(null));

        assertTrue(s.rules().get(2).elseFilter());
        assertEquals("#FFFFFF", ((PointSymbolizer) s.rules().get(2).symbolizers().get(0)).graphic().mark().fill()
                .colorFor(null));

        Rule noms = s.featureTypeStyles().get(1).rules().get(0);
        assertEquals(150000.0, noms.maxScale());
        assertEquals(0.0, noms.minScale());
        TextSymbolizer t = (TextSymbolizer) noms.symbolizers().get(0);
        assertEquals(Expression.property("nom"), t.label());
        assertEquals("Lens", t.textFor(Features.of("nom", "Lens")));
        assertEquals("DejaVu Sans", t.font().familyFor(null));
        assertEquals(12.0, t.font().sizeFor(null));
        assertTrue(t.font().isBoldFor(null));
        assertFalse(t.font().isItalicFor(null));
        PointPlacement pp = (PointPlacement) t.placement();
        assertEquals(new AnchorPoint(0.5, 0), pp.anchor());
        assertEquals(new Displacement(0, 6), pp.displacement());
        assertEquals(2.0, t.halo().radiusFor(null));
        assertEquals("#FFFFFF", t.halo().colorFor(null));
        assertEquals(0.85, t.halo().opacityFor(null));
        assertEquals("#1e1e1e", t.colorFor(null));
        assertEquals(10.0, t.priorityFor(null));
        assertEquals(Map.of("conflictResolution", "true", "spaceAround", "4"), t.vendorOptions());
    }

    @Test
    void hatchedPolygonInAUserLayerWithSldPrefixes() throws Exception {
        SldDocument doc = Features.parse("geoserver-zone-tampon-hachures.sld");
        assertEquals(List.of(), doc.warnings());
        Style s = doc.style();
        assertEquals("zone_tampon_hachures", s.name());
        assertEquals("Zone tampon UNESCO", s.title());
        assertEquals("name", s.featureTypeStyles().get(0).name());
        Rule r = s.rules().get(0);
        assertEquals("Zone tampon du Bien", r.legendLabel());
        assertEquals(2, r.symbolizers().size());
        PolygonSymbolizer base = (PolygonSymbolizer) r.symbolizers().get(0);
        assertEquals("#f2e3b3", base.fill().colorFor(null));
        assertEquals(0.35, base.fill().opacityFor(null));
        assertNull(base.stroke(), "no Stroke element: no outline");
        PolygonSymbolizer hatch = (PolygonSymbolizer) r.symbolizers().get(1);
        Mark m = hatch.fill().graphicFillMark();
        assertEquals("shape://slash", m.wellKnownName());
        assertEquals("slash", m.shape());
        assertTrue(m.isHatch());
        assertNull(m.fill());
        assertEquals("#b38a2e", m.stroke().colorFor(null));
        assertEquals(0.7, m.stroke().widthFor(null));
        assertEquals(8.0, hatch.fill().graphicFill().sizeFor(null));
        assertEquals(Expression.literal("0"), hatch.fill().graphicFill().rotation(), "ogc:Literal inside Rotation");
        assertEquals(1.2, hatch.stroke().widthFor(null));
    }

    @Test
    void qgisRuleBasedStyle() throws Exception {
        SldDocument doc = Features.parse("qgis-cites-regles.sld");
        assertEquals(List.of(), doc.warnings());
        List<Rule> rules = doc.style().rules();
        assertEquals(7, rules.size());
        assertEquals("\"statut_renovation\" = 'livrée' AND \"logements\" > 500", rules.get(0).description());
        assertInstanceOf(Filter.And.class, rules.get(0).filter());
        assertInstanceOf(Filter.Between.class, rules.get(1).filter());
        assertEquals(100000.0, rules.get(1).maxScale());
        Filter.Like like = (Filter.Like) rules.get(2).filter();
        assertEquals('%', like.wildCard());
        assertEquals('_', like.singleChar());
        assertEquals('\\', like.escape());
        assertFalse(like.matchCase());
        assertEquals(25000.0, rules.get(2).minScale());
        assertEquals(3, ((Filter.Or) rules.get(3).filter()).filters().size());
        assertEquals(List.of(2.0, 2.0), ((PolygonSymbolizer) rules.get(3).symbolizers().get(0)).stroke().dashArray());
        Mark horline = ((PolygonSymbolizer) rules.get(4).symbolizers().get(0)).fill().graphicFillMark();
        assertEquals("horline", horline.shape());
        assertEquals(45.0, ((PolygonSymbolizer) rules.get(4).symbolizers().get(0)).fill().graphicFill().rotationFor(null));
        assertEquals("cross", ((PointSymbolizer) rules.get(5).symbolizers().get(0)).graphic().mark().shape());

        TextSymbolizer t = (TextSymbolizer) rules.get(6).symbolizers().get(0);
        assertEquals(new Expression.Concat(List.of(Expression.property("nom"), Expression.literal(" ("),
                Expression.property("logements"), Expression.literal(" logements)"))), t.label(),
                "mixed content: indentation dropped, inner spaces kept");
        assertEquals("Cité Bruno (823 logements)", t.textFor(Features.cite("Cité Bruno", "livrée", 823)));
        assertTrue(t.font().isItalicFor(null));
        assertEquals(3.0, ((LinePlacement) t.placement()).perpendicularOffsetFor(null));
        assertEquals(Map.of("maxDisplacement", "1"), t.vendorOptions());
        assertEquals(1000.0, t.priorityFor(null), "GeoServer's default priority");
    }

    @Test
    void seFeatureTypeStyleAsRootAndLiteralsInParameters() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <se:FeatureTypeStyle xmlns:se="http://www.opengis.net/se" xmlns:ogc="http://www.opengis.net/ogc" version="1.1.0">
                  <se:Rule>
                    <se:LineSymbolizer>
                      <se:Stroke>
                        <se:SvgParameter name="stroke"><ogc:Literal>#123456</ogc:Literal></se:SvgParameter>
                        <se:SvgParameter name="stroke-width"><ogc:PropertyName>largeur</ogc:PropertyName></se:SvgParameter>
                      </se:Stroke>
                    </se:LineSymbolizer>
                  </se:Rule>
                </se:FeatureTypeStyle>
                """;
        Style s = Features.parseText(xml).style();
        Stroke st = ((LineSymbolizer) s.rules().get(0).symbolizers().get(0)).stroke();
        assertEquals("#123456", st.colorFor(null));
        assertEquals(Expression.property("largeur"), st.width());
        assertEquals(3.0, st.widthFor(Features.of("largeur", 3)));
        assertEquals(1.0, st.widthFor(Features.of("largeur", "large")), "not a number: the default");
    }

    @Test
    void colourFromAnAttributeIsDataDriven() throws Exception {
        String xml = """
                <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
                  <NamedLayer><Name>bulles</Name><UserStyle><FeatureTypeStyle><Rule>
                    <LineSymbolizer><Stroke>
                      <CssParameter name="stroke"><ogc:PropertyName>couleur</ogc:PropertyName></CssParameter>
                    </Stroke></LineSymbolizer>
                  </Rule></FeatureTypeStyle></UserStyle></NamedLayer>
                </StyledLayerDescriptor>
                """;
        Style s = Features.parseText(xml).style();
        assertEquals("bulles", s.name(), "the layer's name when the UserStyle has none");
        Stroke st = ((LineSymbolizer) s.rules().get(0).symbolizers().get(0)).stroke();
        assertEquals("#E4002B", st.colorFor(Features.of("couleur", "#E4002B")));
        assertEquals("#000000", st.colorFor(Features.of("couleur", "rouge")), "not a colour: the SLD default");
    }

    @Test
    void defaultStyleComesFirst() throws Exception {
        String xml = """
                <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld">
                  <NamedLayer><Name>l</Name>
                    <UserStyle><Name>a</Name><FeatureTypeStyle><Rule/></FeatureTypeStyle></UserStyle>
                    <UserStyle><Name>b</Name><IsDefault>1</IsDefault><FeatureTypeStyle><Rule/></FeatureTypeStyle></UserStyle>
                  </NamedLayer>
                </StyledLayerDescriptor>
                """;
        SldDocument doc = Features.parseText(xml);
        assertEquals(List.of("b", "a"), doc.styles().stream().map(Style::name).toList());
    }

    @Test
    void unknownElementsAreSkippedWithAFrenchWarningNamingTheLine() throws Exception {
        String xml = """
                <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
                  <NamedLayer><Name>l</Name><UserStyle><FeatureTypeStyle>
                    <Rule>
                      <Gribouillis><Fill/></Gribouillis>
                      <PolygonSymbolizer>
                        <Fill><CssParameter name="fill">#ff0000</CssParameter><CssParameter name="fill-rule">evenodd</CssParameter></Fill>
                        <Stroke><GraphicStroke><Graphic/></GraphicStroke></Stroke>
                      </PolygonSymbolizer>
                      <RasterSymbolizer/>
                    </Rule>
                  </FeatureTypeStyle></UserStyle></NamedLayer>
                </StyledLayerDescriptor>
                """;
        SldDocument doc = Features.parseText(xml);
        assertEquals(List.of(
                "test.sld, ligne 4 : élément <Gribouillis> inconnu ignoré",
                "test.sld, ligne 6 : paramètre <CssParameter name=\"fill-rule\"> inconnu ignoré",
                "test.sld, ligne 7 : élément <GraphicStroke> ignoré (trait fait de pictogrammes non pris en charge,"
                        + " trait simple dessiné)",
                "test.sld, ligne 9 : élément <RasterSymbolizer> ignoré (symbologie raster non prise en charge)"),
                doc.warnings());
        PolygonSymbolizer p = (PolygonSymbolizer) doc.style().rules().get(0).symbolizers().get(0);
        assertEquals("#ff0000", p.fill().colorFor(null));
        assertEquals(Stroke.DEFAULT, p.stroke());
    }
}
