package fr.bassinminier.atlas.model;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/** Rewriting every coordinate of a geometry copy: reprojection, rounding. */
public final class Coordinates {
    private Coordinates() {
    }

    /** Changes one coordinate in place: reads seq[i], writes its new ordinates back. */
    @FunctionalInterface
    public interface Rewrite {
        void apply(CoordinateSequence seq, int i);
    }

    /** A copy of {@code g} with {@code rewrite} applied to every coordinate; null stays null. */
    public static Geometry map(Geometry g, Rewrite rewrite) {
        if (g == null) return null;
        Geometry copy = g.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                rewrite.apply(seq, i);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.geometryChanged();
        return copy;
    }

    /**
     * A copy with coordinates rounded to 1/scale (1000 = millimetres in Lambert-93). Rounding the
     * values rather than giving WKTWriter a precision model keeps the digits exact: its formatter
     * prints one decimal more than the model's scale says.
     */
    public static Geometry round(Geometry g, double scale) {
        return map(g, (seq, i) -> {
            for (int d = 0; d < Math.min(seq.getDimension(), 3); d++) {
                double v = seq.getOrdinate(i, d);
                if (!Double.isNaN(v)) seq.setOrdinate(i, d, Math.round(v * scale) / scale);
            }
        });
    }
}
