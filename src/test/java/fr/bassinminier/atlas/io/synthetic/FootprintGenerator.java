package fr.bassinminier.atlas.io.synthetic;

import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.VectorLayer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Synthetic building footprints for load tests: small rotated rectangles and L-shapes (6 to
 * 25 m), in blocks along the streets of a street grid per town, for towns placed around a centre
 * as the towns of the basin lie around Lens (positions approximate, densest in the middle of
 * each town), plus a few farms scattered in between. Lambert-93 (EPSG:2154).
 *
 * <p>Deterministic: the same count, seed and centre give the same layer, on any JVM
 * ({@link SplittableRandom}). Nothing here is real data.
 */
public final class FootprintGenerator {
    /** Lens (the town hall area), Lambert-93. */
    public static final double LENS_X = 688_100;
    public static final double LENS_Y = 7_037_200;

    public static final Schema SCHEMA = new Schema(List.of(new Field("id", FieldType.LONG),
            new Field("usage", FieldType.STRING, 16, 0), new Field("hauteur", FieldType.DOUBLE)));

    /** Towns around Lens: offset east and north in km from Lens, and relative size. */
    private static final double[][] TOWNS = {
            {0, 0, 1.0},        // Lens
            {-3.9, -1.1, 0.9},  // Liévin
            {0, -2.4, 0.5},     // Avion
            {-2.9, 2.8, 0.35},  // Loos-en-Gohelle
            {2.1, -1.6, 0.35},  // Sallaumines
            {2.3, -3.3, 0.3},   // Méricourt
            {5.1, 1.6, 0.4},    // Harnes
            {5.1, -1.7, 0.3},   // Billy-Montigny
            {5.1, -4.3, 0.3},   // Rouvroy
            {8.4, -1.2, 0.7},   // Hénin-Beaumont
            {8.2, 3.0, 0.35},   // Courrières
            {8.9, 6.7, 0.45},   // Carvin
            {11.4, 4.1, 0.35},  // Oignies
            {2.3, 4.7, 0.3},    // Vendin-le-Vieil
            {1.4, 6.9, 0.3},    // Wingles
            {-7.5, 1.2, 0.4},   // Bully-les-Mines
            {-6.2, 1.9, 0.25},  // Grenay
            {-8.1, 4.3, 0.3},   // Mazingarbe
            {-12.1, 5.3, 0.4},  // Nœux-les-Mines
            {-13.7, 10.9, 0.8}, // Béthune
            {-20.1, 5.7, 0.7},  // Bruay-la-Buissière
            {17.5, -6.9, 1.0},  // Douai
    };
    /** Spread (standard deviation, m) of a town of size 1 for 500,000 buildings in all. */
    private static final double BASE_SIGMA = 1_700;
    private static final double FARM_SHARE = 0.02;

    private final SplittableRandom rnd;
    private final GeometryFactory gf = new GeometryFactory();
    private final List<Feature> out = new ArrayList<>();
    private final int count;

    private FootprintGenerator(int count, long seed) {
        this.count = count;
        this.rnd = new SplittableRandom(seed);
    }

    /** A layer "batiments" of exactly {@code count} polygons around (centerX, centerY). */
    public static VectorLayer generate(int count, long seed, double centerX, double centerY) {
        if (count < 0) throw new IllegalArgumentException("count " + count);
        FootprintGenerator g = new FootprintGenerator(count, seed);
        g.run(centerX, centerY);
        return new VectorLayer("batiments", GeometryType.POLYGON, CrsId.LAMBERT_93, SCHEMA, g.out);
    }

    private record Town(double x, double y, double weight, double sigma, double angle, double blockW,
                        double blockH, Set<Long> usedBlocks) {
        double influence(double px, double py) {
            double dx = px - x;
            double dy = py - y;
            return weight * Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
        }
    }

    private void run(double cx, double cy) {
        double spread = Math.sqrt(Math.max(count, 1) / 500_000.0);
        List<Town> towns = new ArrayList<>();
        double totalWeight = 0;
        for (double[] t : TOWNS) {
            double sigma = BASE_SIGMA * Math.sqrt(t[2]) * spread;
            towns.add(new Town(cx + t[0] * 1000, cy + t[1] * 1000, t[2], Math.max(sigma, 60),
                    rnd.nextDouble(-Math.PI / 4, Math.PI / 4), rnd.nextDouble(90, 160), rnd.nextDouble(80, 140),
                    new HashSet<>()));
            totalWeight += t[2];
        }
        int farms = (int) Math.round(count * FARM_SHARE);
        int urban = count - farms;
        int rejects = 0;
        while (out.size() < urban) {
            // A town by size, then a block of its street grid near its centre.
            double pick = rnd.nextDouble(totalWeight);
            Town town = towns.get(towns.size() - 1);
            for (Town t : towns) {
                pick -= t.weight();
                if (pick < 0) {
                    town = t;
                    break;
                }
            }
            double widen = 1 + rejects / 200.0;
            long i = Math.round(gaussian() * town.sigma() * widen / town.blockW());
            long j = Math.round(gaussian() * town.sigma() * widen / town.blockH());
            double cos = Math.cos(town.angle());
            double sin = Math.sin(town.angle());
            double bx = town.x() + i * town.blockW() * cos - j * town.blockH() * sin;
            double by = town.y() + i * town.blockW() * sin + j * town.blockH() * cos;
            if (!town.usedBlocks().add(i * 1_000_003L + j) || dominated(town, towns, bx, by)) {
                rejects++;
                continue;
            }
            rejects = 0;
            double distance = Math.hypot(bx - town.x(), by - town.y()) / town.sigma();
            block(town, bx, by, distance, urban);
        }
        farms(cx, cy, spread, count);
    }

    private static boolean dominated(Town town, List<Town> towns, double x, double y) {
        double mine = town.influence(x, y);
        for (Town t : towns) if (t != town && t.influence(x, y) > mine) return true;
        return false;
    }

    /** One block of the street grid: buildings along its edges, facing the streets. */
    private void block(Town town, double bx, double by, double distance, int limit) {
        double street = 6; // half the width of a street between two blocks
        double halfW = town.blockW() / 2 - street;
        double halfH = town.blockH() / 2 - street;
        double r = rnd.nextDouble();
        boolean centre = distance < 0.6 && r < 0.45;
        Kind kind = centre ? Kind.CENTRE
                : r < 0.35 ? Kind.CORON
                : r < 0.88 || distance < 1 ? Kind.PAVILLON : Kind.ACTIVITE;
        Frame f = new Frame(bx, by, town.angle());
        switch (kind) {
            case CORON -> {
                // Mining terraces: identical houses side by side on the two long sides.
                double w = rnd.nextDouble(5.5, 7);
                double d = rnd.nextDouble(8, 10.5);
                double h = round1(rnd.nextDouble(5, 7));
                double setback = rnd.nextDouble(2, 5);
                for (int side = -1; side <= 1; side += 2) {
                    double v0 = side * (halfH - setback);
                    for (double u = -halfW + 2; u + w <= halfW - 2 && out.size() < limit; u += w) {
                        rect(f, u, side > 0 ? v0 - d : v0, w, d, 0, "résidentiel", h);
                    }
                }
            }
            case PAVILLON -> {
                double setback = rnd.nextDouble(3, 8);
                edges(f, halfW, halfH, setback, limit, 12, 22, () -> {
                    double w = rnd.nextDouble(8, 14);
                    double d = rnd.nextDouble(7, 12);
                    boolean annexe = rnd.nextDouble() < 0.08;
                    return new double[] {annexe ? 6 : w, annexe ? 6 : d, annexe ? 1 : 0};
                });
            }
            case CENTRE -> edges(f, halfW, halfH, 0, limit, 6, 12, () ->
                    new double[] {rnd.nextDouble(6, 12), rnd.nextDouble(10, 18), 2});
            case ACTIVITE -> {
                int n = 2 + rnd.nextInt(5);
                for (int k = 0; k < n && out.size() < limit; k++) {
                    double w = rnd.nextDouble(15, 25);
                    double d = rnd.nextDouble(12, 25);
                    double u = rnd.nextDouble(-halfW, halfW - w);
                    double v = rnd.nextDouble(-halfH, halfH - d);
                    rect(f, u, v, w, d, 0, rnd.nextDouble() < 0.6 ? "industriel" : "commerce",
                            round1(rnd.nextDouble(6, 14)));
                }
            }
        }
    }

    private enum Kind { CORON, PAVILLON, CENTRE, ACTIVITE }

    /** A block's local frame: u along the street grid, v across, rotated by the grid's angle. */
    private record Frame(double x, double y, double angle) {
    }

    private interface Size {
        /** {width along the street, depth, style: 0 house, 1 annexe, 2 town-centre row}. */
        double[] next();
    }

    /** Buildings along the four edges of a block, set back from the street. */
    private void edges(Frame f, double halfW, double halfH, double setback, int limit, double gapMin,
                       double gapMax, Size size) {
        double maxDepth = 18;
        // The long sides run the whole block; the short ones stop short of the corner lots.
        for (int side = 0; side < 4 && out.size() < limit; side++) {
            boolean horizontal = side < 2;
            double len = horizontal ? halfW : halfH - setback - maxDepth;
            double across = horizontal ? halfH : halfW;
            double sign = side % 2 == 0 ? 1 : -1;
            double t = -len + rnd.nextDouble(0, 4);
            while (out.size() < limit) {
                double[] s = size.next();
                double w = s[0];
                double d = s[1];
                if (t + w > len) break;
                double near = across - setback; // the façade line
                double v = sign > 0 ? near - d : -near;
                String usage = s[2] == 1 ? "annexe" : s[2] == 2 ? (rnd.nextDouble() < 0.4 ? "commerce" : "résidentiel")
                        : rnd.nextDouble() < 0.03 ? "public" : "résidentiel";
                double h = round1(s[2] == 1 ? rnd.nextDouble(2.5, 4) : s[2] == 2 ? rnd.nextDouble(7, 15)
                        : rnd.nextDouble(4, 9));
                double jitter = s[2] == 2 ? 0 : rnd.nextDouble(-0.07, 0.07);
                boolean ell = s[2] == 0 && rnd.nextDouble() < 0.25;
                if (horizontal) {
                    place(f, t, v, w, d, jitter, ell, usage, h);
                } else {
                    // Along a short side u and v swap: the façade faces ±u.
                    double u = sign > 0 ? near - d : -near;
                    place(f, u, t, d, w, jitter, ell, usage, h);
                }
                t += w + (s[2] == 2 ? 0 : rnd.nextDouble(gapMin, gapMax) / 2);
            }
        }
    }

    private void place(Frame f, double u, double v, double w, double d, double jitter, boolean ell, String usage,
                       double h) {
        if (ell) lShape(f, u, v, w, d, jitter, usage, h);
        else rect(f, u, v, w, d, jitter, usage, h);
    }

    private void rect(Frame f, double u, double v, double w, double d, double jitter, String usage, double h) {
        add(f, u + w / 2, v + d / 2, jitter, usage, h,
                new double[] {-w / 2, -d / 2, w / 2, -d / 2, w / 2, d / 2, -w / 2, d / 2});
    }

    /** A rectangle with one corner cut away: the commonest extended house. */
    private void lShape(Frame f, double u, double v, double w, double d, double jitter, String usage, double h) {
        double w2 = w * rnd.nextDouble(0.4, 0.7);
        double d1 = d * rnd.nextDouble(0.4, 0.7);
        double hw = w / 2;
        double hd = d / 2;
        add(f, u + hw, v + hd, jitter, usage, h,
                new double[] {-hw, -hd, hw, -hd, hw, -hd + d1, -hw + w2, -hd + d1, -hw + w2, hd, -hw, hd});
    }

    /** Adds a polygon given counter-clockwise offsets around its centre (cu, cv) in the frame. */
    private void add(Frame f, double cu, double cv, double jitter, String usage, double h, double[] ring) {
        double a = f.angle();
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        double x0 = f.x() + cu * cos - cv * sin;
        double y0 = f.y() + cu * sin + cv * cos;
        double cj = Math.cos(a + jitter);
        double sj = Math.sin(a + jitter);
        int n = ring.length / 2;
        Coordinate[] cs = new Coordinate[n + 1];
        for (int k = 0; k < n; k++) {
            double du = ring[2 * k];
            double dv = ring[2 * k + 1];
            cs[k] = new Coordinate(cm(x0 + du * cj - dv * sj), cm(y0 + du * sj + dv * cj));
        }
        cs[n] = cs[0].copy();
        Polygon p = gf.createPolygon(cs);
        long id = out.size() + 1L;
        out.add(new Feature(id, p, SCHEMA, new Object[] {id, usage, h}));
    }

    /** Farms: a house and a few barns, scattered between the towns. */
    private void farms(double cx, double cy, double spread, int limit) {
        double halfW = 22_000 * Math.max(spread, 0.05);
        double halfH = 13_000 * Math.max(spread, 0.05);
        while (out.size() < limit) {
            Frame f = new Frame(cx + rnd.nextDouble(-halfW, halfW), cy + rnd.nextDouble(-halfH, halfH),
                    rnd.nextDouble(0, Math.PI));
            int n = 1 + rnd.nextInt(4);
            double u = 0;
            for (int k = 0; k < n && out.size() < limit; k++) {
                double w = rnd.nextDouble(8, 25);
                double d = rnd.nextDouble(6, 14);
                rect(f, u, rnd.nextDouble(-8, 8), w, d, rnd.nextDouble(-0.1, 0.1), k == 0 ? "résidentiel" : "agricole",
                        round1(rnd.nextDouble(4, 10)));
                u += w + rnd.nextDouble(4, 12);
            }
        }
    }

    private double gaussian() {
        // Box–Muller: SplittableRandom has no nextGaussian on Java 17.
        double u1 = 1 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static double cm(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
