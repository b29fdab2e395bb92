package fr.bassinminier.atlas.model.tiles;

import fr.bassinminier.atlas.model.CrsId;
import java.util.ArrayList;
import java.util.List;

/** A tile matrix set: its CRS and its zoom levels, coarsest first. */
public record TileMatrixSet(String id, CrsId crs, List<TileMatrix> matrices) {
    /** Half the side of the EPSG:3857 square: the equator's half length on the sphere. */
    public static final double WEB_MERCATOR_HALF = 20037508.342789244;

    public TileMatrixSet {
        matrices = List.copyOf(matrices);
    }

    /**
     * The Google / OSM / Géoplateforme "PM" grid in EPSG:3857, levels minLevel..maxLevel, as the
     * capabilities describe it (256 px tiles, level z has 2^z columns): usable without them, offline.
     */
    public static TileMatrixSet webMercator(String id, int minLevel, int maxLevel) {
        List<TileMatrix> ms = new ArrayList<>();
        for (int z = minLevel; z <= maxLevel; z++) {
            long n = 1L << z;
            double res = 2 * WEB_MERCATOR_HALF / 256 / n;
            ms.add(new TileMatrix(Integer.toString(z), res / TileMatrix.OGC_PIXEL_METRES, -WEB_MERCATOR_HALF,
                    WEB_MERCATOR_HALF, 256, 256, n, n));
        }
        return new TileMatrixSet(id, CrsId.WEB_MERCATOR, ms);
    }

    /**
     * The level to draw at a given resolution (CRS units per pixel): the one nearest to it on a
     * logarithmic scale, so that tiles are never stretched or shrunk by more than √2.
     */
    public int levelFor(double resolution) {
        int best = 0;
        double bestGap = Double.MAX_VALUE;
        for (int i = 0; i < matrices.size(); i++) {
            double gap = Math.abs(Math.log(matrices.get(i).resolution() / resolution));
            if (gap < bestGap) {
                bestGap = gap;
                best = i;
            }
        }
        return best;
    }

    /** The index of the matrix with this identifier, or -1. */
    public int indexOf(String matrixId) {
        for (int i = 0; i < matrices.size(); i++) if (matrices.get(i).id().equals(matrixId)) return i;
        return -1;
    }

    public TileMatrix matrix(int level) {
        return matrices.get(level);
    }
}
