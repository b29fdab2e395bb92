package fr.bassinminier.atlas.analysis;

import static fr.bassinminier.atlas.analysis.TestProjects.c;
import static fr.bassinminier.atlas.analysis.TestProjects.wkt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MeasureTest {
    private static final String NNBSP = "\u202f";
    private static final String NBSP = "\u00a0";

    @Test
    void planarLengthAndArea() {
        assertEquals(700, Measure.lengthMetres(List.of(c(0, 0), c(300, 0), c(300, 400))), 1e-9);
        assertEquals(700, Measure.lengthMetres(wkt("LINESTRING (0 0, 300 0, 300 400)")), 1e-9);
        assertEquals(1.0, Measure.areaHectares(List.of(c(0, 0), c(100, 0), c(100, 100), c(0, 100))), 1e-12);
        assertEquals(1.0, Measure.areaHectares(List.of(c(0, 0), c(0, 100), c(100, 100), c(100, 0), c(0, 0))), 1e-12,
                "closed ring, clockwise");
        assertEquals(0.96, Measure.areaHectares(
                wkt("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (40 40, 60 40, 60 60, 40 60, 40 40))")), 1e-12);
        assertEquals(0, Measure.areaHectares(List.of(c(0, 0), c(1, 1))));
        assertEquals(0, Measure.areaHectares(wkt("LINESTRING (0 0, 1 1)")));
    }

    @Test
    void frenchWording() {
        assertEquals(NNBSP, String.valueOf(DecimalFormatSymbols.getInstance(Locale.FRANCE).getGroupingSeparator()),
                "the JDK's French grouping separator");
        assertEquals("850" + NBSP + "m", Measure.formatDistance(850));
        assertEquals("8,5" + NBSP + "m", Measure.formatDistance(8.5));
        assertEquals("0" + NBSP + "m", Measure.formatDistance(0));
        assertEquals("1" + NBSP + "km", Measure.formatDistance(999.6));
        assertEquals("1,25" + NBSP + "km", Measure.formatDistance(1250));
        assertEquals("12,4" + NBSP + "km", Measure.formatDistance(12_400));
        assertEquals("125" + NBSP + "km", Measure.formatDistance(125_000));
        assertEquals("1" + NNBSP + "250" + NBSP + "km", Measure.formatDistance(1_250_000));
        assertEquals("12,4" + NBSP + "ha", Measure.formatArea(12.4));
        assertEquals("3" + NNBSP + "500" + NBSP + "m²", Measure.formatArea(0.35));
        assertEquals("3" + NNBSP + "969" + NBSP + "ha", Measure.formatArea(3969.2));
        assertEquals("1" + NBSP + "ha", Measure.formatArea(0.99996));
        assertEquals("2" + NNBSP + "938", Measure.number(2938, 0));
    }
}
