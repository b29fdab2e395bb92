package fr.bassinminier.atlas.model;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Features queried by a rectangle, as the renderer asks for them: an in-memory layer
 * ({@link VectorLayer}) and a file read as it is drawn (a GeoPackage through its R-tree, a
 * shapefile through its record index) answer the same way, so there is one render path.
 *
 * <p>A scan visits the features whose envelope meets the area, always in the same order (the
 * order of the layer), through a cursor valid only during the visit. The cursor gives the
 * envelope for free; the attributes, the geometry as JTS, or the coordinates packed in arrays
 * are decoded only when asked for, so that a feature drawn as a dot costs its envelope alone.
 * Scans may run at the same time on several threads (one per band of the image).
 */
public interface FeatureSource {
    GeometryType geometryType();

    Schema schema();

    /** Bounds of the features; a null envelope when there are none. */
    Envelope bounds();

    /** Visits the features whose envelope meets {@code area}, in layer order. */
    void scan(Envelope area, Visitor visitor);

    /** Time spent so far reading the file in scans, all threads together (0 in memory). */
    default long readNanos() {
        return 0;
    }

    /** Receives a scan's features. */
    interface Visitor {
        /** Called once before the first feature: how many to expect (exact in memory, an estimate from files). */
        default void expect(int count) {
        }

        void visit(Cursor feature);
    }

    /** The feature under a scan; do not keep it past the visit. */
    interface Cursor {
        double minX();

        double minY();

        double maxX();

        double maxY();

        /** Attributes and id; the geometry may be null (use {@link #geometry()}) for file-backed sources. */
        Feature attributes();

        /** Attributes and geometry together, for what keeps the feature (labels, identify). */
        default Feature feature() {
            Feature a = attributes();
            return a.geometry() != null ? a : a.withGeometry(geometry());
        }

        /** The geometry as JTS, built on demand; may be null for a feature without geometry. */
        Geometry geometry();

        /** The coordinates straight from the file, or null when the source keeps JTS geometries. */
        default PackedGeometry packed() {
            return null;
        }
    }

    /** A cursor that keeps the current feature's box in four fields (the file-backed sources). */
    abstract class BoxCursor implements Cursor {
        protected double minX;
        protected double minY;
        protected double maxX;
        protected double maxY;

        @Override
        public double minX() {
            return minX;
        }

        @Override
        public double minY() {
            return minY;
        }

        @Override
        public double maxX() {
            return maxX;
        }

        @Override
        public double maxY() {
            return maxY;
        }
    }
}
