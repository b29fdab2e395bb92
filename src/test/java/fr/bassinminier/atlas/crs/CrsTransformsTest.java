package fr.bassinminier.atlas.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.model.CrsId;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class CrsTransformsTest {
    // Lens, reference values from PROJ cs2cs (see the stack note).
    private static final double LENS_LON = 2.8330;
    private static final double LENS_LAT = 50.4320;
    private static final double LENS_E = 688117.392;
    private static final double LENS_N = 7037177.038;

    @Test
    void lensLandsWithinOneMetreOfItsLambert93Position() {
        double[] p = CrsTransforms.between(CrsId.WGS84, CrsId.LAMBERT_93).apply(LENS_LON, LENS_LAT);
        assertEquals(LENS_E, p[0], 1.0);
        assertEquals(LENS_N, p[1], 1.0);
    }

    @Test
    void roundTripIsBelowOneCentimetre() {
        double[] l93 = CrsTransforms.between(CrsId.WGS84, CrsId.LAMBERT_93).apply(LENS_LON, LENS_LAT);
        double[] back = CrsTransforms.between(CrsId.LAMBERT_93, CrsId.WGS84).apply(l93[0], l93[1]);
        assertEquals(LENS_LON, back[0], 1e-7);
        assertEquals(LENS_LAT, back[1], 1e-7);
    }

    @Test
    void webMercatorSourceReprojectsToLambert93() {
        double[] merc = CrsTransforms.between(CrsId.WGS84, CrsId.WEB_MERCATOR).apply(LENS_LON, LENS_LAT);
        // Web Mercator x is R·λ: a check independent of Proj4J.
        assertEquals(6378137.0 * Math.toRadians(LENS_LON), merc[0], 0.01);
        double[] l93 = CrsTransforms.between(CrsId.WEB_MERCATOR, CrsId.LAMBERT_93).apply(merc[0], merc[1]);
        assertEquals(LENS_E, l93[0], 1.0);
        assertEquals(LENS_N, l93[1], 1.0);
    }

    @Test
    void geometryTransformLeavesInputUntouched() throws Exception {
        Geometry g = new WKTReader().read("POINT (2.833 50.432)");
        Geometry t = CrsTransforms.transform(g, CrsId.WGS84, CrsId.LAMBERT_93);
        assertEquals(2.833, g.getCoordinate().x, 0);
        assertEquals(LENS_E, t.getCoordinate().x, 1.0);
    }

    @Test
    void theSystemsSaidDefinedWithoutProj4jAreDefinedByIt() {
        for (String code : CrsTransforms.DEFINED) {
            double[] p = CrsTransforms.between(CrsId.WGS84, new CrsId(code, null)).apply(LENS_LON, LENS_LAT);
            assertTrue(Double.isFinite(p[0]) && Double.isFinite(p[1]), code);
            double[] back = CrsTransforms.between(new CrsId(code, null), CrsId.WGS84).apply(p[0], p[1]);
            assertEquals(LENS_LON, back[0], 1e-6, code);
            assertEquals(LENS_LAT, back[1], 1e-6, code);
        }
    }

    @Test
    void unknownCrsIsReportedUnsupported() {
        assertFalse(CrsTransforms.isSupported(CrsId.unknown("LOCAL_CS[\"x\"]")));
        assertFalse(CrsTransforms.isSupported(CrsId.epsg(999999)));
        assertTrue(CrsTransforms.isSupported(CrsId.epsg(3950)));
    }
}
