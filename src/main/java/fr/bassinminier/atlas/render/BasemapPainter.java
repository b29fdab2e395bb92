package fr.bassinminier.atlas.render;

import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.tiles.TileKey;
import fr.bassinminier.atlas.model.tiles.TileMatrix;
import fr.bassinminier.atlas.model.tiles.TileMatrixSet;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Draws a tiled background under the layers. Tiles in another CRS than the view (Web Mercator
 * under Lambert-93) are warped: the tile-CRS position of every node of a 16-pixel grid over the
 * view is computed exactly with Proj4J, positions in between are interpolated (the error is far
 * below a pixel at this spacing), and each view pixel is sampled bilinearly from its tile.
 */
public final class BasemapPainter {
    /** Grid spacing in device pixels between exactly transformed points. */
    static final int GRID = 16;
    /** A view needing more tiles than this at the chosen level takes a coarser one. */
    static final int MAX_TILES = 600;
    /** Levels looked up for a coarser tile from the cache to stand in for a missing one. */
    private static final int FALLBACK_LEVELS = 4;

    /** The level and tiles a view needs. */
    public record Plan(int level, List<TileKey> tiles) {
    }

    /** What a paint did: tiles needed and tiles that were missing (not arrived, absent or failed). */
    public record Result(int needed, int missing) {
    }

    private BasemapPainter() {
    }

    /**
     * The tiles covering the view at the level whose resolution best matches the view's logical
     * pixel (device pixel × pixelRatio): the level follows the scale and the screen density.
     */
    public static Plan plan(TileMatrixSet set, Viewport vp, CrsId viewCrs, double pixelRatio) {
        double[][] nodes = nodes(vp, CrsTransforms.between(viewCrs, set.crs()));
        int gx = gridCols(vp);
        int cx = gx / 2;
        int cy = gridRows(vp) / 2;
        // Tile-CRS units per device pixel at the view centre, along x.
        int i0 = cy * gx + Math.max(0, cx - 1);
        int i1 = cy * gx + Math.min(gx - 1, Math.max(1, cx));
        double dpx = Math.max(1e-9, (i1 - i0) * (double) GRID);
        double res = Math.hypot(nodes[0][i1] - nodes[0][i0], nodes[1][i1] - nodes[1][i0]) / dpx;
        if (!(res > 0)) res = vp.resolution();
        int level = set.levelFor(res * pixelRatio);
        for (; level >= 0; level--) {
            List<TileKey> tiles = tiles(set, level, nodes);
            if (tiles.size() <= MAX_TILES || level == 0) return new Plan(level, tiles);
        }
        return new Plan(0, List.of());
    }

    private static List<TileKey> tiles(TileMatrixSet set, int level, double[][] nodes) {
        TileMatrix m = set.matrix(level);
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < nodes[0].length; i++) {
            minX = Math.min(minX, nodes[0][i]);
            maxX = Math.max(maxX, nodes[0][i]);
            minY = Math.min(minY, nodes[1][i]);
            maxY = Math.max(maxY, nodes[1][i]);
        }
        long c0 = Math.max(m.minCol(), m.column(minX));
        // An edge exactly on a tile boundary does not take the next tile.
        long c1 = Math.min(m.maxCol(), m.column(maxX - m.tileSpanX() * 1e-9));
        long r0 = Math.max(m.minRow(), m.row(maxY));
        long r1 = Math.min(m.maxRow(), m.row(minY + m.tileSpanY() * 1e-9));
        List<TileKey> out = new ArrayList<>();
        if (c1 < c0 || r1 < r0 || (c1 - c0 + 1) * (r1 - r0 + 1) > 4L * MAX_TILES) {
            if (c1 >= c0 && r1 >= r0) {
                // Too many: report a list just over the limit so the caller goes coarser.
                for (int i = 0; i <= MAX_TILES; i++) out.add(new TileKey(level, c0, r0));
            }
            return out;
        }
        for (long r = r0; r <= r1; r++) for (long c = c0; c <= c1; c++) out.add(new TileKey(level, c, r));
        double mx = (minX + maxX) / 2;
        double my = (minY + maxY) / 2;
        out.sort(Comparator.comparingDouble(k -> Math.hypot(m.topLeftX() + (k.col() + 0.5) * m.tileSpanX() - mx,
                m.topLeftY() - (k.row() + 0.5) * m.tileSpanY() - my)));
        return out;
    }

    private static int gridCols(Viewport vp) {
        return (vp.width() + GRID - 1) / GRID + 1;
    }

    private static int gridRows(Viewport vp) {
        return (vp.height() + GRID - 1) / GRID + 1;
    }

    /** Tile-CRS coordinates of the grid nodes, row by row: {xs, ys}. */
    private static double[][] nodes(Viewport vp, CrsTransforms.PointTransform t) {
        int gx = gridCols(vp);
        int gy = gridRows(vp);
        double[] xs = new double[gx * gy];
        double[] ys = new double[gx * gy];
        for (int j = 0; j < gy; j++) {
            for (int i = 0; i < gx; i++) {
                Point2D w = vp.toWorld(Math.min(i * GRID, vp.width()), Math.min(j * GRID, vp.height()));
                double[] p = t.apply(w.getX(), w.getY());
                xs[j * gx + i] = p[0];
                ys[j * gx + i] = p[1];
            }
        }
        return new double[][] {xs, ys};
    }

    /**
     * Paints the background on g over the view's pixels (0,0)–(width,height).
     *
     * @param wait block for tiles not yet there (prints, PNG files) rather than paint what is ready
     */
    public static Result paint(Graphics2D g, Viewport vp, CrsId viewCrs, TileProvider provider, double pixelRatio,
                               boolean wait, BooleanSupplier cancelled) {
        TileMatrixSet set = provider.basemap().matrixSet();
        double[][] nodes = nodes(vp, CrsTransforms.between(viewCrs, set.crs()));
        Plan plan = plan(set, vp, viewCrs, pixelRatio);
        provider.want(plan.tiles());
        Map<TileKey, BufferedImage> images = new HashMap<>();
        int missing = 0;
        for (TileKey k : plan.tiles()) {
            if (cancelled.getAsBoolean()) throw new CancellationException();
            BufferedImage img = provider.tile(k, wait);
            if (img == null) {
                missing++;
                // A coarser tile already in memory stands in, blurred, until this one arrives.
                TileKey p = k;
                for (int i = 0; i < FALLBACK_LEVELS && p.level() > 0 && img == null; i++) {
                    p = p.parent();
                    img = images.containsKey(p) ? images.get(p) : provider.tile(p, false);
                    if (img != null) images.put(p, img);
                }
            } else {
                images.put(k, img);
            }
        }
        if (images.isEmpty()) return new Result(plan.tiles().size(), missing);
        BufferedImage out = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        warp(dst, vp, nodes, set, plan.level(), images, cancelled);
        var b = provider.basemap();
        if (b.greyscale() || b.opacity() < 1) tone(dst, b.greyscale(), b.opacity());
        g.drawImage(out, 0, 0, null);
        return new Result(plan.tiles().size(), missing);
    }

    private static void warp(int[] dst, Viewport vp, double[][] nodes, TileMatrixSet set, int level,
                             Map<TileKey, BufferedImage> images, BooleanSupplier cancelled) {
        int w = vp.width();
        int h = vp.height();
        int gx = gridCols(vp);
        double[] xs = nodes[0];
        double[] ys = nodes[1];
        // One-entry cache of the last tile looked up: neighbouring pixels mostly share a tile.
        TileLookup look = new TileLookup(set, level, images);
        for (int py = 0; py < h; py++) {
            if ((py & 31) == 0 && cancelled.getAsBoolean()) throw new CancellationException();
            int j = Math.min(py / GRID, gridRows(vp) - 2);
            double fy = (py + 0.5 - j * GRID) / GRID;
            int row = py * w;
            for (int px = 0; px < w; px++) {
                int i = Math.min(px / GRID, gx - 2);
                double fx = (px + 0.5 - i * GRID) / GRID;
                int a = j * gx + i;
                double x = lerp2(xs[a], xs[a + 1], xs[a + gx], xs[a + gx + 1], fx, fy);
                double y = lerp2(ys[a], ys[a + 1], ys[a + gx], ys[a + gx + 1], fx, fy);
                dst[row + px] = look.sample(x, y);
            }
        }
    }

    private static double lerp2(double a, double b, double c, double d, double fx, double fy) {
        double top = a + (b - a) * fx;
        double bottom = c + (d - c) * fx;
        return top + (bottom - top) * fy;
    }

    /** Greyscale (Rec. 601 luma) and opacity, in place on non-premultiplied ARGB. */
    static void tone(int[] px, boolean grey, double opacity) {
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int a = p >>> 24;
            if (a == 0) continue;
            int r = (p >> 16) & 0xff;
            int gr = (p >> 8) & 0xff;
            int bl = p & 0xff;
            if (grey) {
                int l = (r * 299 + gr * 587 + bl * 114) / 1000;
                r = l;
                gr = l;
                bl = l;
            }
            if (opacity < 1) a = (int) Math.round(a * opacity);
            px[i] = a << 24 | r << 16 | gr << 8 | bl;
        }
    }

    /** Finds the tile and pixel under a tile-CRS point, at the plan's level or a stand-in's. */
    private static final class TileLookup {
        private final TileMatrixSet set;
        private final int level;
        private final Map<TileKey, BufferedImage> images;
        private long lastCol = Long.MIN_VALUE;
        private long lastRow;
        private int lastLevel;
        private int[] lastPx;
        private int lastW;
        private int lastH;

        TileLookup(TileMatrixSet set, int level, Map<TileKey, BufferedImage> images) {
            this.set = set;
            this.level = level;
            this.images = images;
        }

        int sample(double x, double y) {
            for (int l = level; l >= 0 && l > level - 1 - FALLBACK_LEVELS; l--) {
                TileMatrix m = set.matrix(l);
                double res = m.resolution();
                double fx = (x - m.topLeftX()) / res;
                double fy = (m.topLeftY() - y) / res;
                long col = (long) Math.floor(fx / m.tileWidth());
                long row = (long) Math.floor(fy / m.tileHeight());
                if (!(col == lastCol && row == lastRow && l == lastLevel)) {
                    BufferedImage img = images.get(new TileKey(l, col, row));
                    if (img == null) continue;
                    lastCol = col;
                    lastRow = row;
                    lastLevel = l;
                    lastW = img.getWidth();
                    lastH = img.getHeight();
                    lastPx = pixels(img);
                }
                double u = fx - col * m.tileWidth() - 0.5;
                double v = fy - row * m.tileHeight() - 0.5;
                return bilinear(lastPx, lastW, lastH, u * lastW / m.tileWidth(), v * lastH / m.tileHeight());
            }
            return 0;
        }

        private static int[] pixels(BufferedImage img) {
            if (img.getType() == BufferedImage.TYPE_INT_ARGB) {
                return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
            }
            return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        }

        /** Bilinear sample in fixed point (8-bit weights): a quarter of the cost of doubles per channel. */
        private static int bilinear(int[] px, int w, int h, double u, double v) {
            int x0 = (int) Math.floor(u);
            int y0 = (int) Math.floor(v);
            int ax = (int) ((u - x0) * 256);
            int ay = (int) ((v - y0) * 256);
            int xa = x0 < 0 ? 0 : x0 >= w ? w - 1 : x0;
            int xb = x0 + 1 < 0 ? 0 : x0 + 1 >= w ? w - 1 : x0 + 1;
            int ya = (y0 < 0 ? 0 : y0 >= h ? h - 1 : y0) * w;
            int yb = (y0 + 1 < 0 ? 0 : y0 + 1 >= h ? h - 1 : y0 + 1) * w;
            int p00 = px[ya + xa];
            int p10 = px[ya + xb];
            int p01 = px[yb + xa];
            int p11 = px[yb + xb];
            if (p00 == p10 && p00 == p01 && p00 == p11) return p00;
            int w00 = (256 - ax) * (256 - ay);
            int w10 = ax * (256 - ay);
            int w01 = (256 - ax) * ay;
            int w11 = ax * ay;
            // Alpha and green, then red and blue, two channels at a time in one long each.
            long ag = ((long) (p00 >>> 8 & 0xff00ff) * w00 + (long) (p10 >>> 8 & 0xff00ff) * w10
                    + (long) (p01 >>> 8 & 0xff00ff) * w01 + (long) (p11 >>> 8 & 0xff00ff) * w11);
            long rb = ((long) (p00 & 0xff00ff) * w00 + (long) (p10 & 0xff00ff) * w10
                    + (long) (p01 & 0xff00ff) * w01 + (long) (p11 & 0xff00ff) * w11);
            int a = (int) (ag >>> 32) & 0xff;
            int g = (int) (ag >>> 16) & 0xff;
            int r = (int) (rb >>> 32) & 0xff;
            int b = (int) (rb >>> 16) & 0xff;
            return a << 24 | r << 16 | g << 8 | b;
        }
    }
}
