package fr.bassinminier.atlas.io.tiles;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.tiles.Basemap;
import fr.bassinminier.atlas.model.tiles.TileKey;
import fr.bassinminier.atlas.model.tiles.TileMatrix;
import fr.bassinminier.atlas.model.tiles.TileMatrixSet;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.locationtech.jts.geom.Envelope;

/** Opening offline packs, building sources for a background, and prefetching packs. */
public final class TilePacks {
    /** A prefetch asking for more tiles than this is refused: the Géoplateforme is not for bulk copies. */
    public static final int MAX_PREFETCH_TILES = 100_000;

    private TilePacks() {
    }

    /** An MBTiles or GeoPackage file as a tile source, by its extension. */
    public static TileSource open(Path file) throws ServiceException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gpkg")) return new GeoPackageTilePack(file, null);
        return new MbtilesPack(file);
    }

    /**
     * The source for a background: its pack, or its server through the shared disk cache.
     *
     * @param cache null for no disk cache
     */
    public static TileSource source(Basemap b, DiskTileCache cache) throws ServiceException {
        if (b.kind() == Basemap.Kind.PACK) {
            Path p = Path.of(b.url());
            return b.layer() != null && p.toString().toLowerCase(Locale.ROOT).endsWith(".gpkg")
                    ? new GeoPackageTilePack(p, b.layer()) : open(p);
        }
        return new HttpTileSource(b, cache, Duration.ofSeconds(15));
    }

    /** The tiles of a matrix set covering a Lambert-93 extent at one level (edges sampled and projected). */
    public static List<TileKey> covering(TileMatrixSet set, int level, Envelope l93) {
        CrsTransforms.PointTransform t = CrsTransforms.between(CrsId.LAMBERT_93, set.crs());
        Envelope e = new Envelope();
        int n = 64;
        for (int i = 0; i <= n; i++) {
            double fx = l93.getMinX() + l93.getWidth() * i / n;
            double fy = l93.getMinY() + l93.getHeight() * i / n;
            for (double[] p : new double[][] {{fx, l93.getMinY()}, {fx, l93.getMaxY()}, {l93.getMinX(), fy},
                    {l93.getMaxX(), fy}}) {
                double[] q = t.apply(p[0], p[1]);
                e.expandToInclude(q[0], q[1]);
            }
        }
        TileMatrix m = set.matrix(level);
        long c0 = Math.max(m.minCol(), m.column(e.getMinX()));
        long c1 = Math.min(m.maxCol(), m.column(e.getMaxX() - m.tileSpanX() * 1e-9));
        long r0 = Math.max(m.minRow(), m.row(e.getMaxY()));
        long r1 = Math.min(m.maxRow(), m.row(e.getMinY() + m.tileSpanY() * 1e-9));
        List<TileKey> out = new ArrayList<>();
        for (long r = r0; r <= r1; r++) for (long c = c0; c <= c1; c++) out.add(new TileKey(level, c, r));
        return out;
    }

    /** What a prefetch did. */
    public record PrefetchResult(int tiles, int written, int failed, long bytes) {
    }

    /** Progress of a prefetch: tiles done out of the total. */
    public interface Progress {
        void done(int done, int total);
    }

    /**
     * Fetches the tiles of a Web Mercator background over an extent and zoom range into an MBTiles
     * pack, a few requests at a time, through the disk cache.
     *
     * @throws ServiceException when the range is too large, or the source fails for every tile
     */
    public static PrefetchResult prefetch(TileSource source, Envelope l93, int minZoom, int maxZoom, Path out,
                                          int parallelism, Progress progress, BooleanSupplier cancelled)
            throws ServiceException, IOException {
        Basemap b = source.basemap();
        TileMatrixSet set = b.matrixSet();
        if (!set.crs().sameAs(CrsId.WEB_MERCATOR)) {
            throw new ServiceException(source.label(), ServiceException.Problem.UNSUPPORTED,
                    Localization.get("io.mbtilesPackHoldsOnly"));
        }
        List<TileKey> keys = new ArrayList<>();
        for (int z = minZoom; z <= maxZoom; z++) {
            int level = set.indexOf(Integer.toString(z));
            if (level < 0) continue;
            List<TileKey> at = covering(set, level, l93);
            for (TileKey k : at) keys.add(new TileKey(z, k.col(), k.row()));
            if (keys.size() > MAX_PREFETCH_TILES) {
                throw new ServiceException(source.label(), ServiceException.Problem.UNSUPPORTED, String.format(
                        Locale.FRANCE, Localization.get("io.moreThanTilesAsked"),
                        MAX_PREFETCH_TILES));
            }
        }
        double[] ll0 = CrsTransforms.between(CrsId.LAMBERT_93, CrsId.WGS84).apply(l93.getMinX(), l93.getMinY());
        double[] ll1 = CrsTransforms.between(CrsId.LAMBERT_93, CrsId.WGS84).apply(l93.getMaxX(), l93.getMaxY());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("name", b.title());
        meta.put("format", "image/jpeg".equals(b.format()) ? "jpg" : "png");
        meta.put("type", "baselayer");
        meta.put("version", "1");
        meta.put("minzoom", Integer.toString(minZoom));
        meta.put("maxzoom", Integer.toString(maxZoom));
        meta.put("bounds", String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", ll0[0], ll0[1], ll1[0], ll1[1]));
        meta.put("attribution", b.attribution() == null ? "" : b.attribution());
        meta.put("description", "Préchargé par Atlas du Bassin Minier");
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, 8)));
        int written = 0;
        int failed = 0;
        long bytes = 0;
        ServiceException last = null;
        try (MbtilesWriter w = new MbtilesWriter(out, meta)) {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (TileKey k : keys) {
                int level = set.indexOf(Integer.toString(k.level()));
                TileKey sk = new TileKey(level, k.col(), k.row());
                futures.add(pool.submit(() -> cancelled.getAsBoolean() ? null : source.read(sk)));
            }
            for (int i = 0; i < keys.size(); i++) {
                if (cancelled.getAsBoolean()) {
                    futures.forEach(f -> f.cancel(true));
                    throw new java.util.concurrent.CancellationException();
                }
                try {
                    byte[] data = futures.get(i).get();
                    if (data != null) {
                        w.put(keys.get(i), data);
                        written++;
                        bytes += data.length;
                    }
                } catch (ExecutionException e) {
                    failed++;
                    if (e.getCause() instanceof ServiceException se) last = se;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CancellationException();
                }
                if (progress != null) progress.done(i + 1, keys.size());
            }
            if (written == 0 && failed > 0 && last != null) throw last;
            w.commit();
        } finally {
            pool.shutdownNow();
        }
        return new PrefetchResult(keys.size(), written, failed, bytes);
    }
}
