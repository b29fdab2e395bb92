package fr.bassinminier.atlas.io.tiles;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.model.tiles.Basemap;
import fr.bassinminier.atlas.model.tiles.TileKey;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tiles from a WMTS (KVP GetTile) or XYZ server, through the disk cache: a fresh cached tile
 * makes no request; a stale one is revalidated (If-None-Match / If-Modified-Since); when the
 * server cannot be reached, a stale tile is still shown (offline use) and only a tile never
 * fetched fails. Expiry follows Cache-Control max-age or Expires, else a week.
 */
public final class HttpTileSource implements TileSource {
    public static final String USER_AGENT = "AtlasBassinMinier/0.1.0 (SIG de bureau du bassin minier; Java "
            + Runtime.version().feature() + ")";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final long DEFAULT_MAX_AGE_MS = TimeUnit.DAYS.toMillis(7);
    private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*(\\d+)");
    private final Basemap basemap;
    private final DiskTileCache cache;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final String cacheKey;
    private final String label;

    /**
     * @param cache          the disk cache, or null for none
     * @param requestTimeout how long one tile may take before it is given up
     */
    public HttpTileSource(Basemap basemap, DiskTileCache cache, Duration requestTimeout) {
        this.basemap = basemap;
        this.cache = cache;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        // Greyscale and opacity are drawing choices: Plan IGN and Plan IGN gris share their tiles.
        this.cacheKey = basemap.kind() + "|" + basemap.url() + "|" + basemap.layer() + "|" + basemap.style() + "|"
                + basemap.format() + "|" + basemap.matrixSet().id();
        this.label = Localization.text("io.background2", basemap.title(), host(basemap.url()));
    }

    private static String host(String url) {
        try {
            String h = URI.create(url.replace("{", "%7B").replace("}", "%7D")).getHost();
            return h == null ? url : h;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    @Override
    public Basemap basemap() {
        return basemap;
    }

    @Override
    public String label() {
        return label;
    }

    /** The cached tile if fresh, without any request (null otherwise). */
    public byte[] cachedFresh(TileKey k) {
        if (cache == null) return null;
        DiskTileCache.Entry e = cache.get(cacheKey, k);
        return e != null && e.fresh(System.currentTimeMillis()) ? e.data() : null;
    }

    @Override
    public byte[] read(TileKey k) throws ServiceException {
        long now = System.currentTimeMillis();
        DiskTileCache.Entry cached = cache == null ? null : cache.get(cacheKey, k);
        if (cached != null && cached.fresh(now)) return cached.data();
        HttpRequest.Builder rb;
        try {
            rb = HttpRequest.newBuilder(URI.create(basemap.tileUrl(k))).timeout(requestTimeout)
                    .header("User-Agent", USER_AGENT).header("Accept", "image/png,image/jpeg,image/*;q=0.8").GET();
        } catch (IllegalArgumentException e) {
            throw new ServiceException(label, ServiceException.Problem.UNSUPPORTED, Localization.text("io.invalidTileAddress", e.getMessage()), e);
        }
        if (cached != null && cached.etag() != null) rb.header("If-None-Match", cached.etag());
        if (cached != null && cached.lastModified() != null) rb.header("If-Modified-Since", cached.lastModified());
        HttpResponse<byte[]> resp;
        try {
            resp = http.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException | UnresolvedAddressException e) {
            if (cached != null) return cached.data();
            throw new ServiceException(label, ServiceException.Problem.UNREACHABLE,
                    Localization.get("io.serverUnreachableOfflineTiles"), e);
        } catch (HttpTimeoutException e) {
            if (cached != null) return cached.data();
            throw new ServiceException(label, ServiceException.Problem.TIMEOUT, Localization.text("io.serverDoesAnswerMore", requestTimeout.toSeconds()), e);
        } catch (IOException e) {
            if (cached != null) return cached.data();
            throw new ServiceException(label, ServiceException.Problem.UNREACHABLE, Localization.text("io.exchangeServerInterrupted", (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(label, ServiceException.Problem.IO, Localization.get("io.downloadInterrupted"), e);
        }
        int status = resp.statusCode();
        if (status == 304 && cached != null) {
            DiskTileCache.Entry renewed = new DiskTileCache.Entry(cached.data(), expiry(resp.headers(), now),
                    cached.etag(), cached.lastModified());
            if (cache != null) cache.put(cacheKey, k, renewed);
            return cached.data();
        }
        if (status == 204) return null;
        if (status != 200) {
            if (cached != null && status >= 500) return cached.data();
            throw new ServiceException(label, status == 404 ? ServiceException.Problem.NOT_FOUND
                    : ServiceException.Problem.HTTP_ERROR, Localization.text("io.serverRefusesTilesHttp", status));
        }
        byte[] body = resp.body();
        String type = resp.headers().firstValue("Content-Type").orElse("");
        if (type.contains("xml") || type.contains("html") || type.contains("json")) {
            // WMTS exceptions come back as XML with a 200 from some servers.
            throw new ServiceException(label, ServiceException.Problem.HTTP_ERROR,
                    Localization.text("io.serverSendsErrorInstead", type));
        }
        if (cache != null && !noStore(resp.headers())) {
            cache.put(cacheKey, k, new DiskTileCache.Entry(body, expiry(resp.headers(), now),
                    resp.headers().firstValue("ETag").orElse(null),
                    resp.headers().firstValue("Last-Modified").orElse(null)));
        }
        return body;
    }

    private static boolean noStore(HttpHeaders h) {
        return h.allValues("Cache-Control").stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("no-store"));
    }

    /** When a response goes stale: max-age, else Expires, else a week (IGN tiles change yearly at most). */
    static long expiry(HttpHeaders h, long now) {
        for (String v : h.allValues("Cache-Control")) {
            String lv = v.toLowerCase(Locale.ROOT);
            if (lv.contains("no-cache")) return now;
            Matcher m = MAX_AGE.matcher(lv);
            if (m.find()) return now + Math.min(Long.parseLong(m.group(1)), 365L * 86400) * 1000;
        }
        Optional<String> expires = h.firstValue("Expires");
        if (expires.isPresent()) {
            try {
                return ZonedDateTime.parse(expires.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                return now;
            }
        }
        return now + DEFAULT_MAX_AGE_MS;
    }
}
