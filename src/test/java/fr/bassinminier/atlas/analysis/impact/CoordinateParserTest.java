package fr.bassinminier.atlas.analysis.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.model.CrsId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expected Lambert-93 values from PROJ 9 (Debian 12), e.g.
 * {@code echo "50.431944444444 2.833055555556" | cs2cs EPSG:4326 EPSG:2154 -f %.3f}.
 */
class CoordinateParserTest {
    /** 50°25'55"N 2°49'59"E, by cs2cs. */
    private static final double DMS_X = 688121.332;
    private static final double DMS_Y = 7037170.841;
    /** 50.4320 N 2.8330 E (Lens), by cs2cs. */
    private static final double LENS_X = 688117.392;
    private static final double LENS_Y = 7037177.038;

    private static CoordinateParser.ParsedPoint parse(String s) throws FootprintException {
        return CoordinateParser.parse(s, null);
    }

    private static void at(CoordinateParser.ParsedPoint p, double x, double y, double tol) {
        assertEquals(x, p.x(), tol, "X");
        assertEquals(y, p.y(), tol, "Y");
    }

    @ParameterizedTest
    @ValueSource(strings = {"688117.392 7037177.038", "688117,392 7037177,038", "688117.392,7037177.038",
            "688117,392;7037177,038", "688 117,392 7 037 177,038", "E 688117.392 N 7037177.038",
            "X=688117.392 Y=7037177.038", "7037177.038 688117.392", "N 7037177,038 E 688117,392",
            "(688117.392, 7037177.038)", "688\u202F117,392\u00A07\u202F037\u202F177,038"})
    void lambert93(String text) throws Exception {
        CoordinateParser.ParsedPoint p = parse(text);
        at(p, 688117.392, 7037177.038, 1e-6);
        assertEquals(CrsId.LAMBERT_93, p.crs());
    }

    @Test
    void integerPairWithOneComma() throws Exception {
        at(parse("688117,7037177"), 688117, 7037177, 1e-9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"50.4320 2.8330", "50,4320 2,8330", "50.4320, 2.8330", "50,4320, 2,8330",
            "50,4320;2,8330", "2.8330 50.4320", "N 50.4320 E 2.8330", "50.4320 N 2.8330 E", "50.4320N, 2.8330E",
            "lat 50.432 lon 2.833", "lon=2.833 lat=50.432", "50.4320° N 2.8330° E", "50,432 nord 2,833 est"})
    void wgs84Decimal(String text) throws Exception {
        CoordinateParser.ParsedPoint p = parse(text);
        at(p, LENS_X, LENS_Y, 0.02);
        assertEquals(CrsId.WGS84, p.crs());
    }

    @ParameterizedTest
    @ValueSource(strings = {"50°25'55\"N 2°49'59\"E", "50°25'55\" N, 2°49'59\" E", "N 50°25'55\" E 2°49'59\"",
            "50° 25′ 55″ N 2° 49′ 59″ E", "50°25'55''N 2°49'59''E", "N50 25 55 E2 49 59", "50 25 55 N 2 49 59 E",
            "50º25'55\"N 2º49'59\"E", "50°25'55\" 2°49'59\"", "50°25,9166667'N 2°49,9833333'E",
            "50°25'55,0\"N 2°49'59,0\"E"})
    void wgs84Dms(String text) throws Exception {
        CoordinateParser.ParsedPoint p = parse(text);
        at(p, DMS_X, DMS_Y, 0.02);
        assertEquals(CrsId.WGS84, p.crs());
    }

    @Test
    void westAndSouthAreNegative() throws Exception {
        // Brest, 48°23'N 4°29'O: west of Greenwich, so a negative longitude.
        CoordinateParser.ParsedPoint o = parse("48°23'N 4°29'O");
        CoordinateParser.ParsedPoint w = parse("48.38333 -4.48333");
        at(o, w.x(), w.y(), 1);
        assertTrue(o.x() < 200_000, "Brest is in the far west of Lambert-93: " + o.x());
    }

    @Test
    void declaredCrs() throws Exception {
        at(CoordinateParser.parse("50.432 2.833", CrsId.WGS84), LENS_X, LENS_Y, 0.02);
        at(CoordinateParser.parse("688117.392 7037177.038", CrsId.LAMBERT_93), 688117.392, 7037177.038, 1e-6);
        // Web Mercator metres (cs2cs EPSG:4326 EPSG:3857 of Lens) are neither: the declared CRS says how to read them.
        CoordinateParser.ParsedPoint m = CoordinateParser.parse("315368.12 6521429.50", CrsId.WEB_MERCATOR);
        assertEquals(CrsId.WEB_MERCATOR, m.crs());
        at(m, LENS_X, LENS_Y, 0.05);
    }

    @Test
    void frenchErrors() {
        assertMessage("", "Coordonnées vides");
        assertMessage("abc", "Mot inconnu « abc »");
        assertMessage("688117", "Deux coordonnées attendues");
        assertMessage("1 2 3 4 5 6 7", "Deux coordonnées attendues");
        assertMessage("688117 # 7037177", "Caractère inattendu « # »");
        assertMessage("50°75'N 2°49'E", "Minutes et secondes vont de 0 à 59");
        assertMessage("500 600", "ne ressemble ni à des coordonnées Lambert-93");
        assertMessage("50.4 N 2.8 N", "deux latitudes");
        assertMessage("50°25.5'12\"N 2°E", "Seule la dernière partie");
        assertMessage("95 2", "Latitude hors limites");
        FootprintException e = assertThrows(FootprintException.class,
                () -> CoordinateParser.parse("50.43 2.83", CrsId.LAMBERT_93));
        assertTrue(e.getMessage().contains("ressemble à des degrés"), e.getMessage());
        e = assertThrows(FootprintException.class, () -> CoordinateParser.parse("688117 7037177", CrsId.WGS84));
        assertTrue(e.getMessage().contains("ne ressemble pas à des degrés"), e.getMessage());
    }

    private static void assertMessage(String input, String expected) {
        FootprintException e = assertThrows(FootprintException.class, () -> parse(input), input);
        assertTrue(e.getMessage().contains(expected), input + " → " + e.getMessage());
    }
}
