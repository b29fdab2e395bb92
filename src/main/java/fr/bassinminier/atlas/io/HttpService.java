package fr.bassinminier.atlas.io;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.ServiceException.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * GET requests to the public map services, shared by the WFS and API Carto clients: one
 * descriptive User-Agent (the services ask for it), a connection and a whole-answer timeout so
 * nothing hangs, a size cap so a runaway answer cannot fill the memory, and French errors.
 */
public final class HttpService {
    public static final String USER_AGENT = "AtlasBassinMinier/0.1 (+https://github.com/bassinminier/atlas)";
    /** Large enough for a few thousand zoning polygons, small enough to stay in memory. */
    public static final long DEFAULT_MAX_BYTES = 256L << 20;

    private final HttpClient client;
    private final Duration timeout;
    private final long maxBytes;
    private volatile ResponseCache cache;
    private volatile boolean offline;

    public HttpService(Duration timeout) {
        this(timeout, DEFAULT_MAX_BYTES);
    }

    public HttpService(Duration timeout, long maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * Keeps every good answer in this cache with its date; when the service cannot be reached the
     * cached answer is served instead (flagged, with its date), and offline only the cache is read.
     */
    public HttpService withCache(ResponseCache c) {
        this.cache = c;
        return this;
    }

    /** Offline: no request leaves the machine; answers come from the cache or fail with OFFLINE. */
    public HttpService offline(boolean off) {
        this.offline = off;
        return this;
    }

    public boolean isOffline() {
        return offline;
    }

    /** An answer: status, content type (lower case, may be empty) and body. */
    public record Answer(int status, String contentType, byte[] body, Instant fetchedAt, boolean fromCache) {
        public Answer(int status, String contentType, byte[] body) {
            this(status, contentType, body, Instant.now(), false);
        }

        public boolean isXml() {
            if (contentType.contains("xml")) return true;
            for (byte b : body) {
                if (b == '<') return true;
                if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) return false;
            }
            return false;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** base?k=v&… with the query of the base kept (a WFS URL often carries a map= or a key). */
    public static URI withQuery(URI base, Map<String, String> params) {
        StringJoiner q = new StringJoiner("&");
        if (base.getRawQuery() != null && !base.getRawQuery().isEmpty()) q.add(base.getRawQuery());
        params.forEach((k, v) -> {
            if (v != null) q.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
        });
        String s = base.toString();
        int cut = s.indexOf('?');
        if (cut >= 0) s = s.substring(0, cut);
        int hash = s.indexOf('#');
        if (hash >= 0) s = s.substring(0, hash);
        return URI.create(s + "?" + q);
    }

    /**
     * GET; any status but 2xx (400 and 500 are returned: they often carry an OWS exception report
     * that says more), an unreachable host or a timeout end as a French ServiceException. The
     * headers must come within the timeout and the whole answer within four times it, so a
     * server that trickles its body cannot hang the caller either.
     */
    public Answer get(URI uri, String what) throws ServiceException {
        ResponseCache c = cache;
        if (offline) {
            Answer cached = c == null ? null : c.get(uri);
            if (cached != null) return cached;
            throw new ServiceException(uri, Problem.OFFLINE, Localization.text("io.consultedOfflineModeCached", what));
        }
        try {
            Answer a = fetch(uri, what);
            if (c != null && a.status() / 100 == 2) c.put(uri, a);
            return a;
        } catch (ServiceException e) {
            boolean network = e.problem() == Problem.TIMEOUT || e.problem() == Problem.UNREACHABLE;
            Answer cached = network && c != null ? c.get(uri) : null;
            if (cached != null) return cached;
            throw e;
        }
    }

    private Answer fetch(URI uri, String what) throws ServiceException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT)
                .header("Accept-Encoding", "identity").GET().build();
        AtomicReference<InputStream> stream = new AtomicReference<>();
        CompletableFuture<Answer> future = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> {
                    stream.set(response.body());
                    String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
                    try {
                        return new Answer(response.statusCode(), type, readCapped(uri, what, response.body()));
                    } catch (ServiceException e) {
                        throw new CompletionException(e);
                    }
                });
        Answer answer;
        try {
            answer = future.get(timeout.toMillis() * 4, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            closeQuietly(stream.get());
            throw new ServiceException(uri, Problem.TIMEOUT, Localization.text("io.incompleteAnswerAfter", what, seconds(timeout.multipliedBy(4))), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            closeQuietly(stream.get());
            throw new ServiceException(uri, Problem.UNREACHABLE, Localization.text("io.requestInterrupted", what), e);
        } catch (ExecutionException e) {
            throw failure(uri, what, e.getCause());
        }
        int status = answer.status();
        if (status == 404) throw new ServiceException(uri, Problem.NOT_FOUND, Localization.text("io.addressFoundHttp", what));
        boolean mayExplain = (status == 400 || status == 500) && answer.body().length > 0;
        if (status / 100 != 2 && !mayExplain) {
            throw new ServiceException(uri, Problem.HTTP_ERROR, Localization.text("io.serviceAnsweredHttp", what, status));
        }
        return answer;
    }

    private ServiceException failure(URI uri, String what, Throwable cause) {
        while (cause instanceof CompletionException && cause.getCause() != null) cause = cause.getCause();
        if (cause instanceof ServiceException se) return se;
        if (cause instanceof HttpConnectTimeoutException) {
            return new ServiceException(uri, Problem.TIMEOUT, Localization.text("io.connectionAfterServiceMay", what, seconds(timeout)), cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new ServiceException(uri, Problem.TIMEOUT, Localization.text("io.answerAfter", what, seconds(timeout)), cause);
        }
        if (cause instanceof ConnectException) {
            return new ServiceException(uri, Problem.UNREACHABLE, Localization.text("io.serviceUnreachableConnectionRefused", what), cause);
        }
        String m = cause == null || cause.getMessage() == null ? Localization.get("io.networkError") : cause.getMessage();
        return new ServiceException(uri, Problem.UNREACHABLE, Localization.text("io.exchangeInterrupted", what, m), cause);
    }

    private static void closeQuietly(InputStream in) {
        if (in == null) return;
        try {
            in.close();
        } catch (IOException ignored) {
            // the answer is abandoned anyway
        }
    }

    private byte[] readCapped(URI uri, String what, InputStream in) throws ServiceException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new ServiceException(uri, Problem.TOO_LARGE, Localization.text("io.answerLargerThanMb", what, (maxBytes >> 20)));
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new ServiceException(uri, Problem.UNREACHABLE, Localization.text("io.answerInterrupted", what, (e.getMessage() == null ? Localization.get("io.networkError") : e.getMessage())), e);
        }
    }

    private static String seconds(Duration d) {
        long s = d.toSeconds();
        return s >= 1 ? s + " s" : d.toMillis() + " ms";
    }
}
