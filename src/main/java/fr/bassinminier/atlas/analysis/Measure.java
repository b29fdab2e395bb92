package fr.bassinminier.atlas.analysis;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Planar measures in the project CRS (Lambert-93, metres) and their French wording. Planar is
 * what users compare with their plans; in the basin Lambert-93's scale error is under 0.1 %.
 *
 * <p>Numbers follow {@link Locale#FRANCE}: decimal comma, narrow no-break space (U+202F)
 * between thousands. A no-break space (U+00A0, {@link #UNIT_SPACE}) joins the number to its unit
 * so that a label never breaks between them.
 */
public final class Measure {
    public static final char UNIT_SPACE = '\u00A0';
    private static final double SQUARE_METRES_PER_HECTARE = 10_000;

    private Measure() {
    }

    /** Length in metres of a polyline's vertices. */
    public static double lengthMetres(List<Coordinate> vertices) {
        double sum = 0;
        for (int i = 1; i < vertices.size(); i++) sum += vertices.get(i - 1).distance(vertices.get(i));
        return sum;
    }

    /** Length of lines, or perimeter of polygons, in metres. */
    public static double lengthMetres(Geometry g) {
        return g == null ? 0 : g.getLength();
    }

    /** Area in hectares of the ring through these vertices (closed automatically, either winding). */
    public static double areaHectares(List<Coordinate> ring) {
        if (ring.size() < 3) return 0;
        Coordinate[] c = ring.toArray(new Coordinate[ring.size() + 1]);
        if (c[0].equals2D(c[ring.size() - 1])) {
            c = ring.toArray(new Coordinate[0]);
        } else {
            c[ring.size()] = c[0];
        }
        return Area.ofRing(c) / SQUARE_METRES_PER_HECTARE;
    }

    /** Area in hectares of polygons (holes deducted); 0 for points and lines. */
    public static double areaHectares(Geometry g) {
        return g == null ? 0 : g.getArea() / SQUARE_METRES_PER_HECTARE;
    }

    /**
     * "850 m", "8,5 m" under 10 m, "1,25 km" under 10 km, "12,4 km" under 100 km, then
     * "125 km", "1 250 km".
     */
    public static String formatDistance(double metres) {
        double m = Math.abs(metres);
        if (m < 10) return number(metres, m == Math.rint(m) ? 0 : 1) + UNIT_SPACE + "m";
        if (Math.round(m) < 1000) return number(metres, 0) + UNIT_SPACE + "m";
        double km = metres / 1000;
        double a = Math.abs(km);
        int decimals = a < 9.995 ? 2 : a < 99.95 ? 1 : 0;
        return number(km, decimals) + UNIT_SPACE + "km";
    }

    /**
     * "3 500 m²" under one hectare (the unit of a building plot), "12,4 ha" under 1,000 ha
     * with one decimal, "3 969 ha" above, "179 000 ha" for the whole basin.
     */
    public static String formatArea(double hectares) {
        double h = Math.abs(hectares);
        if (h < 1) {
            long m2 = Math.round(hectares * SQUARE_METRES_PER_HECTARE);
            if (Math.abs(m2) < SQUARE_METRES_PER_HECTARE) return number(m2, 0) + UNIT_SPACE + "m²";
        }
        return number(hectares, h < 999.95 ? 1 : 0) + UNIT_SPACE + "ha";
    }

    /** A number in French with at most {@code decimals} decimals (trailing zeros kept out). */
    public static String number(double value, int decimals) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.FRANCE);
        f.setMaximumFractionDigits(decimals);
        f.setMinimumFractionDigits(0);
        f.setGroupingUsed(true);
        String s = f.format(value);
        // "-0" after rounding a tiny negative value reads as an error.
        return s.equals("-0") ? "0" : s;
    }
}
