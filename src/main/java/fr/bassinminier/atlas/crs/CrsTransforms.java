package fr.bassinminier.atlas.crs;

import fr.bassinminier.atlas.model.Coordinates;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.VectorLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.UnsupportedParameterException;
import org.locationtech.proj4j.UnknownAuthorityCodeException;

/**
 * Reprojection of coordinates, geometries and layers with Proj4J. Proj4J's CRS objects are
 * costly to build (they parse the EPSG file) so they are cached; transforms are not
 * thread-safe so each call makes its own, which is cheap once the CRS are cached.
 */
public final class CrsTransforms {
    /** Built on first use (a holder class): Proj4J's initialisation is the costly part. */
    private static final class Proj {
        static final CRSFactory FACTORY = new CRSFactory();
        static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();
    }

    private static final Map<String, CoordinateReferenceSystem> CACHE = new ConcurrentHashMap<>();
    /**
     * Systems Proj4J defines (CrsTransformsTest checks each): saying so without building its
     * factory spares a command drawing data in their own system the ≈ 60 ms Proj4J takes to
     * initialise (its datum classes read a grid file).
     */
    static final java.util.Set<String> DEFINED = java.util.Set.of("EPSG:2154", "EPSG:4326", "EPSG:3857",
            "EPSG:4171", "EPSG:3942", "EPSG:3943", "EPSG:3944", "EPSG:3945", "EPSG:3946", "EPSG:3947",
            "EPSG:3948", "EPSG:3949", "EPSG:3950", "EPSG:27561", "EPSG:27571", "EPSG:27572");

    private CrsTransforms() {
    }

    /** Whether Proj4J knows this CRS. */
    public static boolean isSupported(CrsId crs) {
        if (crs != null && crs.code() != null && DEFINED.contains(crs.code())) return true;
        try {
            proj(crs);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static CoordinateReferenceSystem proj(CrsId crs) {
        if (crs == null || !crs.isKnown()) {
            throw new IllegalArgumentException("CRS inconnu");
        }
        return CACHE.computeIfAbsent(crs.code(), code -> {
            try {
                return Proj.FACTORY.createFromName(code);
            } catch (UnknownAuthorityCodeException | UnsupportedParameterException e) {
                throw new IllegalArgumentException("CRS non pris en charge : " + code, e);
            } catch (RuntimeException e) {
                // Proj4J fails in its own ways on odd names, e.g. IllegalStateException for an
                // authority it has no file for (found by fuzzing): not a CRS it supports either.
                throw new IllegalArgumentException("CRS non pris en charge : " + code, e);
            }
        });
    }

    /** A point transform from one CRS to another; x is easting or longitude. */
    public static PointTransform between(CrsId from, CrsId to) {
        if (from.sameAs(to)) return PointTransform.IDENTITY;
        CoordinateTransform t = Proj.TRANSFORMS.createTransform(proj(from), proj(to));
        return (x, y) -> {
            ProjCoordinate out = new ProjCoordinate();
            t.transform(new ProjCoordinate(x, y), out);
            return new double[] {out.x, out.y};
        };
    }

    /** A reprojected copy of the geometry (the input is left untouched). */
    public static Geometry transform(Geometry g, CrsId from, CrsId to) {
        if (g == null || from.sameAs(to)) return g;
        CoordinateTransform t = Proj.TRANSFORMS.createTransform(proj(from), proj(to));
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        return Coordinates.map(g, (seq, i) -> {
            in.x = seq.getX(i);
            in.y = seq.getY(i);
            t.transform(in, out);
            seq.setOrdinate(i, 0, out.x);
            seq.setOrdinate(i, 1, out.y);
        });
    }

    /** The layer in the target CRS; the same layer when it is already there. */
    public static VectorLayer transform(VectorLayer layer, CrsId to) {
        if (layer.crs().sameAs(to)) return layer;
        List<Feature> out = new ArrayList<>(layer.size());
        for (Feature f : layer.features()) {
            out.add(f.withGeometry(transform(f.geometry(), layer.crs(), to)));
        }
        return layer.withFeatures(to, out);
    }

    /** Transforms one point. */
    @FunctionalInterface
    public interface PointTransform {
        PointTransform IDENTITY = (x, y) -> new double[] {x, y};

        double[] apply(double x, double y);
    }
}
