package fr.bassinminier.atlas.io.tiles;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.model.tiles.Basemap;
import fr.bassinminier.atlas.model.tiles.TileKey;
import fr.bassinminier.atlas.render.TileProvider;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * Tiles for the renderer from a source (server or pack): fetched and decoded on a few worker
 * threads, never on the caller's; kept decoded in a memory cache; requests for tiles the view no
 * longer needs are dropped before they start. Failures are told once ("one message"), until a
 * tile arrives again; a tile that failed is not asked again for half a minute.
 */
public final class TileService implements TileProvider, AutoCloseable {
    /** Requests at once to one server: modest, as the Géoplateforme's terms ask. */
    public static final int DEFAULT_PARALLELISM = 4;
    private static final int MEMORY_TILES = 384;
    private static final long RETRY_AFTER_MS = 30_000;
    private static final long WAIT_LIMIT_MS = 60_000;

    private final TileSource source;
    private final ExecutorService workers;
    private final Map<TileKey, BufferedImage> memory = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TileKey, BufferedImage> e) {
            return size() > MEMORY_TILES;
        }
    };
    private final Map<TileKey, Pending> pending = new ConcurrentHashMap<>();
    private final Map<TileKey, Long> failedAt = new ConcurrentHashMap<>();
    private volatile Set<TileKey> wanted = Set.of();
    private final AtomicBoolean inTrouble = new AtomicBoolean();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger problemsTold = new AtomicInteger();
    private volatile Runnable onArrival = () -> { };
    private volatile Consumer<String> onProblem = m -> { };
    private volatile String lastProblem;
    private volatile Basemap display;

    private record Pending(CompletableFuture<BufferedImage> result, Future<?> task) {
    }

    public TileService(TileSource source, int parallelism) {
        this.source = source;
        this.display = source.basemap();
        this.workers = Executors.newFixedThreadPool(Math.max(1, parallelism), r -> {
            Thread t = new Thread(r, "atlas-tiles");
            t.setDaemon(true);
            return t;
        });
    }

    /** Called (on a worker thread) each time a tile has arrived: the screen redraws. */
    public void setOnArrival(Runnable r) {
        onArrival = r == null ? () -> { } : r;
    }

    /**
     * Called with a French message on the first failure of a series, and with null when tiles
     * arrive again (the message can go).
     */
    public void setOnProblem(Consumer<String> c) {
        onProblem = c == null ? m -> { } : c;
    }

    public TileSource source() {
        return source;
    }

    /** The background as drawn: the source's, with the greyscale and opacity chosen since. */
    @Override
    public Basemap basemap() {
        return display;
    }

    /** Changes how the tiles are drawn (no new request: the tiles are the same). */
    public void setDisplay(boolean greyscale, double opacity) {
        display = source.basemap().withGreyscale(greyscale).withOpacity(opacity);
    }

    /** Reads asked of the source (server requests, or pack lookups) so far. */
    public int sourceReads() {
        return reads.get();
    }

    /** Failure messages told so far. */
    public int problemsTold() {
        return problemsTold.get();
    }

    /** The current problem's message, or null when tiles are arriving. */
    public String problem() {
        return inTrouble.get() ? lastProblem : null;
    }

    @Override
    public BufferedImage tile(TileKey key, boolean wait) {
        synchronized (memory) {
            BufferedImage img = memory.get(key);
            if (img != null) return img;
        }
        if (!wait) return null;
        Long failed = failedAt.get(key);
        if (failed != null && System.currentTimeMillis() - failed < RETRY_AFTER_MS) return null;
        Pending p = request(key, true);
        try {
            return p.result().get(WAIT_LIMIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
            return null;
        }
    }

    @Override
    public void want(List<TileKey> keys) {
        Set<TileKey> now = new HashSet<>(keys);
        wanted = now;
        // The view moved on: requests not yet started for tiles it no longer shows are dropped.
        pending.forEach((k, p) -> {
            if (!now.contains(k) && p.task().cancel(false)) {
                pending.remove(k, p);
                p.result().cancel(false);
            }
        });
        long t = System.currentTimeMillis();
        for (TileKey k : keys) {
            synchronized (memory) {
                if (memory.containsKey(k)) continue;
            }
            Long failed = failedAt.get(k);
            if (failed != null && t - failed < RETRY_AFTER_MS) continue;
            request(k, false);
        }
    }

    private Pending request(TileKey key, boolean forced) {
        Pending existing = pending.get(key);
        if (existing != null) return existing;
        CompletableFuture<BufferedImage> result = new CompletableFuture<>();
        Future<?> task;
        synchronized (pending) {
            existing = pending.get(key);
            if (existing != null) return existing;
            task = workers.submit(() -> fetch(key, forced, result));
            Pending p = new Pending(result, task);
            pending.put(key, p);
            return p;
        }
    }

    private void fetch(TileKey key, boolean forced, CompletableFuture<BufferedImage> result) {
        try {
            if (!forced && !wanted.contains(key)) {
                result.cancel(false);
                return;
            }
            reads.incrementAndGet();
            byte[] data = source.read(key);
            BufferedImage img = data == null ? null : decode(data, key);
            if (img != null) {
                synchronized (memory) {
                    memory.put(key, img);
                }
            }
            failedAt.remove(key);
            if (inTrouble.compareAndSet(true, false)) onProblem.accept(null);
            result.complete(img);
            if (img != null) onArrival.run();
        } catch (ServiceException e) {
            failedAt.put(key, System.currentTimeMillis());
            lastProblem = e.getMessage();
            if (inTrouble.compareAndSet(false, true)) {
                problemsTold.incrementAndGet();
                onProblem.accept(e.getMessage());
            }
            result.complete(null);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        } finally {
            pending.remove(key);
        }
    }

    private BufferedImage decode(byte[] data, TileKey key) throws ServiceException {
        BufferedImage raw;
        try {
            raw = ImageIO.read(new ByteArrayInputStream(data));
        } catch (IOException | RuntimeException e) {
            raw = null;
        }
        if (raw == null) {
            throw new ServiceException(source.label(), ServiceException.Problem.CORRUPT,
                    Localization.text("io.unreadableTileNeitherPng", key));
        }
        if (raw.getType() == BufferedImage.TYPE_INT_ARGB) return raw;
        BufferedImage argb = new BufferedImage(raw.getWidth(), raw.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = argb.createGraphics();
        g.drawImage(raw, 0, 0, null);
        g.dispose();
        return argb;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        source.close();
    }
}
