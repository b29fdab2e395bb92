package fr.bassinminier.atlas.model;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The envelopes of a layer's features side by side in one array (minX, minY, maxX, maxY each),
 * for the loops that visit every feature of a big layer: a scan of this array takes about a
 * millisecond for 500,000 features, where following each feature to its geometry and then to
 * its envelope costs several cache misses per feature. A feature without geometry has NaN
 * bounds, which meet nothing.
 */
public final class PackedEnvelopes {
    private final double[] b;

    PackedEnvelopes(List<Feature> features) {
        b = new double[4 * features.size()];
        for (int i = 0; i < features.size(); i++) {
            Geometry g = features.get(i).geometry();
            int o = 4 * i;
            if (g == null || g.isEmpty()) {
                b[o] = b[o + 1] = b[o + 2] = b[o + 3] = Double.NaN;
            } else {
                Envelope e = g.getEnvelopeInternal();
                b[o] = e.getMinX();
                b[o + 1] = e.getMinY();
                b[o + 2] = e.getMaxX();
                b[o + 3] = e.getMaxY();
            }
        }
    }

    public int size() {
        return b.length / 4;
    }

    public double minX(int i) {
        return b[4 * i];
    }

    public double minY(int i) {
        return b[4 * i + 1];
    }

    public double maxX(int i) {
        return b[4 * i + 2];
    }

    public double maxY(int i) {
        return b[4 * i + 3];
    }

    /** Positions of the envelopes meeting the area (closed intervals, as JTS), ascending. */
    int[] intersecting(Envelope area) {
        double x0 = area.getMinX();
        double y0 = area.getMinY();
        double x1 = area.getMaxX();
        double y1 = area.getMaxY();
        int n = size();
        // Grown as needed rather than sized for the whole layer: a view of a few thousand
        // features then allocates a few kilobytes, not megabytes.
        int[] out = new int[Math.min(n, 1024)];
        int k = 0;
        for (int i = 0, o = 0; i < n; i++, o += 4) {
            if (b[o] <= x1 && b[o + 2] >= x0 && b[o + 1] <= y1 && b[o + 3] >= y0) {
                if (k == out.length) out = java.util.Arrays.copyOf(out, Math.min(n, 2 * k));
                out[k++] = i;
            }
        }
        return k == out.length ? out : java.util.Arrays.copyOf(out, k);
    }
}
