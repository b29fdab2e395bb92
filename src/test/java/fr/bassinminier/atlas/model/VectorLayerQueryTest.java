package fr.bassinminier.atlas.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/** Every way of answering a query (whole layer, envelope scan, STR-tree) gives the same hits, in layer order. */
class VectorLayerQueryTest {
    private static VectorLayer layer() {
        GeometryFactory gf = new GeometryFactory();
        SplittableRandom r = new SplittableRandom(5);
        List<Feature> fs = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            double x = r.nextDouble(0, 10_000);
            double y = r.nextDouble(0, 5_000);
            double w = r.nextDouble(1, 40);
            var g = i % 50 == 7 ? null : i % 3 == 0 ? gf.createPoint(new Coordinate(x, y))
                    : gf.toGeometry(new Envelope(x, x + w, y, y + w));
            fs.add(new Feature(i, g, Schema.empty(), new Object[0]));
        }
        return new VectorLayer("t", GeometryType.GEOMETRY, CrsId.LAMBERT_93, Schema.empty(), fs);
    }

    private static int[] bruteForce(VectorLayer l, Envelope area) {
        return IntStream.range(0, l.size()).filter(i -> {
            var g = l.features().get(i).geometry();
            return g != null && !g.isEmpty() && g.getEnvelopeInternal().intersects(area);
        }).toArray();
    }

    @Test
    void scanTreeAndWholeLayerAgreeWithBruteForce() {
        VectorLayer l = layer();
        SplittableRandom r = new SplittableRandom(9);
        for (int k = 0; k < 200; k++) {
            double x = r.nextDouble(-2_000, 11_000);
            double y = r.nextDouble(-1_000, 6_000);
            double s = k % 4 == 0 ? r.nextDouble(1, 100) : r.nextDouble(100, 8_000);
            Envelope area = new Envelope(x, x + s, y, y + s / 2);
            int[] expected = bruteForce(l, area);
            assertArrayEquals(expected, l.queryIndices(area), area.toString());
            assertArrayEquals(expected, l.treeQuery(area), area.toString());
            assertEquals(expected.length, l.query(area).size());
        }
        Envelope all = new Envelope(-1, 20_000, -1, 20_000);
        assertArrayEquals(bruteForce(l, all), l.queryIndices(all));
        assertEquals(0, l.queryIndices(new Envelope(50_000, 50_001, 0, 1)).length);
        assertEquals(0, l.queryIndices(new Envelope()).length);
    }

    @Test
    void packedEnvelopesMatchTheGeometries() {
        VectorLayer l = layer();
        PackedEnvelopes p = l.envelopes();
        assertEquals(l.size(), p.size());
        for (int i = 0; i < l.size(); i++) {
            var g = l.features().get(i).geometry();
            if (g == null) {
                assertEquals(Double.NaN, p.minX(i));
                continue;
            }
            Envelope e = g.getEnvelopeInternal();
            assertEquals(e.getMinX(), p.minX(i));
            assertEquals(e.getMinY(), p.minY(i));
            assertEquals(e.getMaxX(), p.maxX(i));
            assertEquals(e.getMaxY(), p.maxY(i));
        }
    }
}
