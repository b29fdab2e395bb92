package fr.bassinminier.atlas.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local HTTP server (JDK com.sun.net.httpserver, bound to 127.0.0.1 only) that answers the
 * clients under test with recorded real responses or synthetic ones, and logs every request's
 * parameters so tests can check what was asked.
 */
public final class ReplayServer implements AutoCloseable {
    /** What to send back; delayMillis before the headers simulates a slow service. */
    public record Reply(int status, String contentType, byte[] body, long delayMillis) {
        public static Reply ok(String contentType, byte[] body) {
            return new Reply(200, contentType, body, 0);
        }

        public static Reply ok(String contentType, String body) {
            return ok(contentType, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HttpServer server;
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

    /** handler: the request's parameters (keys upper-cased, plus "PATH") → the reply. */
    public ReplayServer(Function<Map<String, String>, Reply> handler) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "replay-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", ex -> handle(ex, handler));
        server.start();
    }

    private void handle(HttpExchange ex, Function<Map<String, String>, Reply> handler) throws IOException {
        try (ex) {
            Map<String, String> params = params(ex.getRequestURI());
            requests.add(params);
            Reply r = handler.apply(params);
            if (r.delayMillis() > 0) {
                try {
                    Thread.sleep(r.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            ex.getResponseHeaders().set("Content-Type", r.contentType());
            ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
            if (r.body().length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(r.body());
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client gave up (timeout test): nothing to answer
        }
    }

    static Map<String, String> params(URI uri) {
        Map<String, String> m = new TreeMap<>();
        m.put("PATH", uri.getPath());
        String q = uri.getRawQuery();
        if (q == null) return m;
        for (String kv : q.split("&")) {
            int eq = kv.indexOf('=');
            String k = eq < 0 ? kv : kv.substring(0, eq);
            String v = eq < 0 ? "" : kv.substring(eq + 1);
            m.put(URLDecoder.decode(k, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return m;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<Map<String, String>> requests() {
        return requests;
    }

    /** A recorded real answer from src/test/resources/services. */
    public static byte[] resource(String name) {
        try (InputStream in = ReplayServer.class.getResourceAsStream("/services/" + name)) {
            if (in == null) throw new IllegalStateException("ressource de test absente : " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
