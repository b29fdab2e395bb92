package fr.bassinminier.atlas.style.sld;

import fr.bassinminier.atlas.model.style.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Malformed or unsupported styles: a French message naming the file, the line and the element. */
class SldErrorsTest {
    private static String wrap(String rule) {
        return "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\""
                + " xmlns:ogc=\"http://www.opengis.net/ogc\">\n<NamedLayer><Name>l</Name><UserStyle><FeatureTypeStyle>\n"
                + rule + "\n</FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>";
    }

    private static String fails(String xml) {
        return assertThrows(SldException.class, () -> Features.parseText(xml)).getMessage();
    }

    @Test
    void unclosedTag() {
        SldException e = assertThrows(SldException.class, () -> Features.parse("mal-ferme.sld"));
        assertEquals("mal-ferme.sld, ligne 9 : XML mal formé : balise <PolygonSymbolizer> jamais fermée"
                + " (erreur constatée ligne 13)", e.getMessage());
        assertEquals(9, e.line(), "where the element opened, which is where to fix it");
    }

    @Test
    void sameDetailWhenTheJdkSpeaksFrench() {
        // The desktop sets the default locale, and the JDK's XML messages follow it.
        java.util.Locale before = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.FRANCE);
        try {
            SldException e = assertThrows(SldException.class, () -> Features.parse("mal-ferme.sld"));
            assertEquals("mal-ferme.sld, ligne 9 : XML mal formé : balise <PolygonSymbolizer> jamais fermée"
                    + " (erreur constatée ligne 13)", e.getMessage());
            String cut = fails("<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\"><NamedLayer>");
            assertTrue(cut.contains("fichier tronqué"), cut);
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void comparisonWithoutPropertyName() {
        SldException e = assertThrows(SldException.class, () -> Features.parse("sans-propertyname.sld"));
        assertEquals("sans-propertyname.sld, ligne 10 : élément <ogc:PropertyIsEqualTo> incomplet"
                + " (PropertyName manquant)", e.getMessage());
    }

    @Test
    void frenchDecimalCommaIsNotANumber() {
        SldException e = assertThrows(SldException.class, () -> Features.parse("nombre-invalide.sld"));
        assertEquals("nombre-invalide.sld, ligne 11 : valeur « 1,5 » invalide pour"
                + " <CssParameter name=\"stroke-width\"> (nombre attendu, avec un point décimal)", e.getMessage());
    }

    @Test
    void truncatedFile() {
        String msg = fails("<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\">\n<NamedLayer>");
        assertTrue(msg.startsWith("test.sld, ligne 2 : XML mal formé"), msg);
    }

    @Test
    void comparisonWithoutLiteral() {
        assertEquals("test.sld, ligne 3 : élément <ogc:PropertyIsGreaterThan> incomplet (Literal manquant)",
                fails(wrap("<Rule><ogc:Filter><ogc:PropertyIsGreaterThan><ogc:PropertyName>logements</ogc:PropertyName>"
                        + "</ogc:PropertyIsGreaterThan></ogc:Filter></Rule>")));
    }

    @Test
    void functionsAndSpatialOperatorsAreRefusedRatherThanIgnored() {
        String fn = fails(wrap("<Rule><ogc:Filter><ogc:PropertyIsEqualTo><ogc:Function name=\"strToLowerCase\">"
                + "<ogc:PropertyName>nom</ogc:PropertyName></ogc:Function><ogc:Literal>lens</ogc:Literal>"
                + "</ogc:PropertyIsEqualTo></ogc:Filter></Rule>"));
        assertEquals("test.sld, ligne 3 : fonction <ogc:Function name=\"strToLowerCase\"> non prise en charge"
                + " (seuls les attributs et les valeurs fixes le sont)", fn);
        String bbox = fails(wrap("<Rule><ogc:Filter><ogc:BBOX><ogc:PropertyName>geom</ogc:PropertyName>"
                + "</ogc:BBOX></ogc:Filter></Rule>"));
        assertEquals("test.sld, ligne 3 : opérateur spatial <ogc:BBOX> non pris en charge", bbox);
        String arith = fails(wrap("<Rule><PointSymbolizer><Graphic><Size><ogc:Mul><ogc:Literal>2</ogc:Literal>"
                + "<ogc:PropertyName>n</ogc:PropertyName></ogc:Mul></Size></Graphic></PointSymbolizer></Rule>"));
        assertTrue(arith.contains("calcul <ogc:Mul> non pris en charge"), arith);
    }

    @Test
    void badColourAndBadScale() {
        assertEquals("test.sld, ligne 3 : couleur « red » invalide pour <CssParameter name=\"fill\"> (attendu #rrggbb)",
                fails(wrap("<Rule><PolygonSymbolizer><Fill><CssParameter name=\"fill\">red</CssParameter></Fill>"
                        + "</PolygonSymbolizer></Rule>")));
        assertEquals("test.sld, ligne 3 : valeur « 1:25000 » invalide pour <MaxScaleDenominator> (nombre positif attendu)",
                fails(wrap("<Rule><MaxScaleDenominator>1:25000</MaxScaleDenominator></Rule>")));
        assertTrue(fails(wrap("<Rule><LineSymbolizer><Stroke><CssParameter name=\"stroke-dasharray\">5 trois"
                + "</CssParameter></Stroke></LineSymbolizer></Rule>")).contains("stroke-dasharray"));
    }

    @Test
    void structuralMistakes() {
        assertEquals("test.sld, ligne 1 : ce document n'est pas un style SLD (élément racine <html>, attendu"
                + " <StyledLayerDescriptor>)", fails("<html><body/></html>"));
        assertEquals("test.sld, ligne 3 : élément <Rule> contradictoire (Filter et ElseFilter à la fois)",
                fails(wrap("<Rule><ElseFilter/><ogc:Filter><ogc:PropertyIsNull><ogc:PropertyName>a</ogc:PropertyName>"
                        + "</ogc:PropertyIsNull></ogc:Filter></Rule>")));
        assertEquals("test.sld, ligne 3 : élément <ogc:Filter> vide", fails(wrap("<Rule><ogc:Filter/></Rule>")));
        assertEquals("test.sld, ligne 3 : élément <TextSymbolizer> incomplet (Label manquant)",
                fails(wrap("<Rule><TextSymbolizer><Font/></TextSymbolizer></Rule>")));
        assertEquals("test.sld, ligne 2 : élément <UserStyle> incomplet (FeatureTypeStyle manquant)",
                fails("<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\">\n"
                        + "<NamedLayer><UserStyle><Name>x</Name></UserStyle></NamedLayer></StyledLayerDescriptor>"));
        assertEquals("test.sld : document vide", fails(""));
        assertTrue(fails(wrap("<Rule><ogc:Filter><ogc:PropertyIsLike wildCard=\"**\"><ogc:PropertyName>a"
                + "</ogc:PropertyName><ogc:Literal>x</ogc:Literal></ogc:PropertyIsLike></ogc:Filter></Rule>"))
                .contains("un seul caractère attendu"));
    }
}
