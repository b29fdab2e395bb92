package fr.bassinminier.atlas.io.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.VectorLayer;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

class FootprintGeneratorTest {
    @Test
    void exactCountOfBuildingLikePolygonsInLambert93AroundTheCentre() {
        VectorLayer l = FootprintGenerator.generate(20_000, 7, FootprintGenerator.LENS_X, FootprintGenerator.LENS_Y);
        assertEquals(20_000, l.size());
        assertEquals(GeometryType.POLYGON, l.geometryType());
        assertEquals(CrsId.LAMBERT_93, l.crs());
        Set<String> usages = Set.of("résidentiel", "commerce", "industriel", "agricole", "public", "annexe");
        long id = 0;
        for (Feature f : l.features()) {
            assertEquals(++id, f.id());
            assertEquals(id, f.get("id"));
            assertTrue(usages.contains((String) f.get("usage")), f.toString());
            double h = (Double) f.get("hauteur");
            assertTrue(h >= 2 && h <= 15, f.toString());
            Polygon p = (Polygon) f.geometry();
            assertTrue(p.isValid(), f + " " + p);
            assertTrue(p.getNumPoints() == 5 || p.getNumPoints() == 7, "rectangle or L: " + p);
            double longest = 0;
            Coordinate[] cs = p.getCoordinates();
            for (int i = 1; i < cs.length; i++) longest = Math.max(longest, cs[i].distance(cs[i - 1]));
            assertTrue(longest >= 5.99 && longest <= 25.01, "size 6–25 m: " + p);
        }
        // Most buildings are in the towns within 25 km of Lens.
        var b = l.bounds();
        assertTrue(b.getMinX() > FootprintGenerator.LENS_X - 30_000 && b.getMaxX() < FootprintGenerator.LENS_X + 30_000, b.toString());
        assertTrue(b.getMinY() > FootprintGenerator.LENS_Y - 20_000 && b.getMaxY() < FootprintGenerator.LENS_Y + 20_000, b.toString());
    }

    @Test
    void sameSeedSameLayerOtherSeedOtherLayer() {
        VectorLayer a = FootprintGenerator.generate(3_000, 42, 700_000, 7_000_000);
        VectorLayer b = FootprintGenerator.generate(3_000, 42, 700_000, 7_000_000);
        VectorLayer c = FootprintGenerator.generate(3_000, 43, 700_000, 7_000_000);
        for (int i = 0; i < a.size(); i += 97) {
            assertEquals(a.features().get(i).geometry(), b.features().get(i).geometry());
            assertEquals(a.features().get(i).attributes(), b.features().get(i).attributes());
        }
        assertNotEquals(a.features().get(100).geometry(), c.features().get(100).geometry());
        assertTrue(a.bounds().contains(700_000, 7_000_000) || a.bounds().distance(
                new org.locationtech.jts.geom.Envelope(700_000, 700_000, 7_000_000, 7_000_000)) < 2_000);
    }

    @Test
    void aSingleFootprint() {
        assertEquals(1, FootprintGenerator.generate(1, 1, 0, 0).size());
    }
}
