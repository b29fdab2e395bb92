package fr.bassinminier.atlas.io.shapefile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Groups the rings of one Polygon record into polygons. A shapefile stores a flat list of rings:
 * outer rings (shells) clockwise, holes counter-clockwise, with nothing saying which shell a hole
 * belongs to, nor any order guarantee. So each hole goes to the smallest shell that contains
 * it (envelope first, then point-in-ring), which also handles islands inside holes.
 *
 * <p>Files with wrong orientation exist (some old exporters write every ring counter-clockwise).
 * When no ring is clockwise, orientation says nothing, so rings are classified by nesting
 * instead: a ring inside an even number of others is a shell, inside an odd number a hole. For
 * disjoint rings this makes every ring a shell. A hole that no shell contains becomes a shell
 * of its own rather than being dropped: a visible oddity beats silently lost area.
 */
final class PolygonAssembler {
    private final GeometryFactory factory;

    PolygonAssembler(GeometryFactory factory) {
        this.factory = factory;
    }

    private static final class Ring {
        final int order;
        final Coordinate[] coords;
        final Envelope envelope;
        final double signedArea;
        boolean shell;
        final List<Ring> holes = new ArrayList<>();

        Ring(int order, Coordinate[] coords) {
            this.order = order;
            this.coords = coords;
            this.envelope = new Envelope();
            for (Coordinate c : coords) envelope.expandToInclude(c);
            this.signedArea = Area.ofRingSigned(coords);
        }

        double area() {
            return Math.abs(signedArea);
        }
    }

    /**
     * Point-in-ring steps allowed for one record (about a tenth of a second). Past it, rings
     * not yet placed stay polygons of their own: a record of 30,000 nested rings must not take
     * hours, and a visible oddity beats a hang.
     */
    static final long WORK_LIMIT = 50_000_000;

    /** Exact duplicate rings dropped, and rings left unplaced when the work ran out, so far. */
    private int duplicates;
    private int unresolved;
    private long work;

    int duplicates() {
        return duplicates;
    }

    int unresolved() {
        return unresolved;
    }

    /**
     * The polygon or multipolygon made of these closed rings (each of at least 4 points), or null
     * when there are none.
     */
    Geometry assemble(List<Coordinate[]> closedRings) {
        if (closedRings.isEmpty()) return null;
        if (closedRings.size() == 1) {
            return factory.createPolygon(factory.createLinearRing(closedRings.get(0)));
        }
        work = 0;
        List<Ring> rings = new ArrayList<>(closedRings.size());
        Set<RingKey> seen = new HashSet<>();
        for (Coordinate[] c : closedRings) {
            // The same ring twice says nothing more, and 30,000 copies made nesting quadratic.
            if (!seen.add(new RingKey(c))) {
                duplicates++;
                continue;
            }
            rings.add(new Ring(rings.size(), c));
        }

        // Area.ofRingSigned is positive for clockwise rings: shapefile shells.
        boolean anyClockwise = rings.stream().anyMatch(r -> r.signedArea > 0);
        if (anyClockwise) {
            // A ring of zero area has no orientation; keeping it as a shell loses nothing.
            for (Ring r : rings) r.shell = r.signedArea >= 0;
        } else {
            classifyByNesting(rings);
        }

        List<Ring> shells = new ArrayList<>();
        List<Ring> holes = new ArrayList<>();
        for (Ring r : rings) (r.shell ? shells : holes).add(r);
        STRtree shellIndex = shells.size() > 1 && !holes.isEmpty() ? index(shells) : null;
        for (Ring hole : holes) {
            Ring owner = shells.size() == 1 ? shells.get(0) : smallestContaining(shellIndex, hole);
            if (owner != null) {
                owner.holes.add(hole);
            } else {
                hole.shell = true;
            }
        }

        List<Polygon> polygons = new ArrayList<>();
        for (Ring r : rings) {
            if (!r.shell) continue;
            LinearRing[] inner = new LinearRing[r.holes.size()];
            for (int i = 0; i < inner.length; i++) inner[i] = factory.createLinearRing(r.holes.get(i).coords);
            polygons.add(factory.createPolygon(factory.createLinearRing(r.coords), inner));
        }
        if (polygons.size() == 1) return polygons.get(0);
        return factory.createMultiPolygon(polygons.toArray(new Polygon[0]));
    }

    /** A ring's coordinates compared in 2D, for finding exact duplicates. */
    private record RingKey(Coordinate[] coords) {
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof RingKey k) || k.coords.length != coords.length) return false;
            for (int i = 0; i < coords.length; i++) if (!coords[i].equals2D(k.coords[i])) return false;
            return true;
        }

        @Override
        public int hashCode() {
            int h = coords.length;
            for (Coordinate c : coords) h = 31 * h + Double.hashCode(c.x) * 17 + Double.hashCode(c.y);
            return h;
        }
    }

    private static STRtree index(List<Ring> rings) {
        STRtree t = new STRtree();
        for (Ring r : rings) t.insert(r.envelope, r);
        return t;
    }

    /** Envelope candidates of a ring, or null once the work budget is spent. */
    @SuppressWarnings("unchecked")
    private List<Ring> candidates(STRtree index, Ring inner) {
        if (work > WORK_LIMIT) return null;
        List<Ring> found = index.query(inner.envelope);
        work += found.size();
        return found;
    }

    private void classifyByNesting(List<Ring> rings) {
        STRtree index = index(rings);
        for (Ring r : rings) {
            List<Ring> around = candidates(index, r);
            if (around == null) {
                unresolved++;
                r.shell = true;
                continue;
            }
            int depth = 0;
            for (Ring other : around) {
                if (other != r && contains(other, r)) depth++;
            }
            r.shell = depth % 2 == 0;
        }
    }

    /** The smallest shell containing the ring; when only one envelope fits, it is trusted. */
    private Ring smallestContaining(STRtree index, Ring inner) {
        List<Ring> found = candidates(index, inner);
        if (found == null) {
            unresolved++;
            return null;
        }
        List<Ring> byEnvelope = new ArrayList<>();
        for (Ring c : found) {
            if (c.envelope.covers(inner.envelope)) byEnvelope.add(c);
        }
        if (byEnvelope.size() == 1) return byEnvelope.get(0);
        Ring best = null;
        for (Ring c : byEnvelope) {
            if (contains(c, inner) && (best == null || c.area() < best.area())) best = c;
        }
        return best;
    }

    /**
     * Whether the inner ring lies inside the outer one, judged on its first vertex that is not on
     * the outer boundary (holes often touch their shell at a vertex).
     */
    private boolean contains(Ring outer, Ring inner) {
        if (!outer.envelope.covers(inner.envelope)) return false;
        if (work > WORK_LIMIT) return false;
        for (int i = 0; i < inner.coords.length - 1; i++) {
            work += outer.coords.length;
            int loc = RayCrossingCounter.locatePointInRing(inner.coords[i], outer.coords);
            if (loc == Location.INTERIOR) return true;
            if (loc == Location.EXTERIOR) return false;
            if (work > WORK_LIMIT) return false;
        }
        // Every vertex on the boundary: a duplicate ring. Count it as inside, by envelope.
        return true;
    }
}
