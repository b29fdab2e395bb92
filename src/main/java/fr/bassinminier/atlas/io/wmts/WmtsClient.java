package fr.bassinminier.atlas.io.wmts;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.ServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Fetches a WMTS capabilities document by its URL (a user's "Ajouter un WMTS…"). */
public final class WmtsClient {
    private static final String USER_AGENT = "AtlasBassinMinier/0.1.0 (SIG de bureau du bassin minier)";
    /** Capabilities larger than this are refused: the Géoplateforme's, the largest known, is 2 MB. */
    static final long MAX_BYTES = 32L * 1024 * 1024;

    private WmtsClient() {
    }

    /** The capabilities at a URL; "SERVICE=WMTS&REQUEST=GetCapabilities" is added when absent. */
    public static WmtsCapabilities capabilities(String url, Duration timeout) throws ServiceException {
        String u = url.trim();
        if (!u.toUpperCase().contains("REQUEST=GETCAPABILITIES") && !u.toLowerCase().endsWith(".xml")) {
            u += (u.contains("?") ? "&" : "?") + "SERVICE=WMTS&REQUEST=GetCapabilities";
        }
        String label = Localization.text("io.wmtsService", url.trim());
        HttpRequest req;
        try {
            req = HttpRequest.newBuilder(URI.create(u)).timeout(timeout).header("User-Agent", USER_AGENT).GET().build();
        } catch (IllegalArgumentException e) {
            throw new ServiceException(label, ServiceException.Problem.UNSUPPORTED, Localization.get("io.invalidAddress"), e);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = resp.body()) {
                if (resp.statusCode() != 200) {
                    throw new ServiceException(label, ServiceException.Problem.HTTP_ERROR,
                            Localization.text("io.serverRefusesRequestHttp", resp.statusCode()));
                }
                long len = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (len > MAX_BYTES) {
                    throw new ServiceException(label, ServiceException.Problem.UNSUPPORTED, Localization.get("io.documentTooLarge"));
                }
                return WmtsCapabilities.read(new BoundedStream(in, MAX_BYTES), label);
            }
        } catch (HttpTimeoutException e) {
            throw new ServiceException(label, ServiceException.Problem.TIMEOUT, Localization.get("io.serverDoesAnswer"), e);
        } catch (IOException e) {
            throw new ServiceException(label, ServiceException.Problem.UNREACHABLE,
                    Localization.get("io.serverUnreachableOffline"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(label, ServiceException.Problem.IO, Localization.get("io.requestInterrupted2"), e);
        }
    }

    /** Stops reading past a limit (a server streaming without end). */
    private static final class BoundedStream extends java.io.FilterInputStream {
        private long left;

        BoundedStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) throw new IOException(Localization.get("io.documentTooLarge"));
            int b = super.read();
            if (b >= 0) left--;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (left <= 0) throw new IOException(Localization.get("io.documentTooLarge"));
            int n = super.read(buf, off, (int) Math.min(len, left));
            if (n > 0) left -= n;
            return n;
        }
    }
}
