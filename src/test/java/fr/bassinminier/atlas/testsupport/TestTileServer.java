package fr.bassinminier.atlas.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;

/**
 * A local WMTS on 127.0.0.1: GetCapabilities answers with the Géoplateforme's real document
 * (../shared/services), GetTile with generated 256 px PNG tiles (a light plan-like pattern with
 * the tile's address written on it), or with the failure the test asks for.
 */
public final class TestTileServer implements AutoCloseable {
    public enum Mode { OK, NOT_FOUND, SERVER_ERROR, SLOW, NEVER, XML_ERROR }

    private final HttpServer server;
    private final List<String> tileRequests = new CopyOnWriteArrayList<>();
    private final List<String> userAgents = new CopyOnWriteArrayList<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile Mode mode = Mode.OK;
    private volatile String cacheControl = "max-age=86400";

    public TestTileServer() throws IOException {
        this(0);
    }

    public TestTileServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-tile-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/wmts", this::handle);
        server.start();
    }

    /** The real capabilities, or null when ../shared/services is absent. */
    public static Path capabilitiesFile() {
        Path p = GeoData.root().getParent().resolve("services").resolve("geoplateforme-wmts-capabilities.xml");
        return Files.isRegularFile(p) ? p : null;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/wmts";
    }

    public void setMode(Mode m) {
        mode = m;
    }

    public void setCacheControl(String v) {
        cacheControl = v;
    }

    /** GetTile requests received, as "level/col/row" (TILEMATRIX/TILECOL/TILEROW). */
    public List<String> tileRequests() {
        return tileRequests;
    }

    public List<String> userAgents() {
        return userAgents;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            String request = q.getOrDefault("REQUEST", "");
            userAgents.add(ex.getRequestHeaders().getFirst("User-Agent"));
            if (request.equalsIgnoreCase("GetCapabilities")) {
                Path caps = capabilitiesFile();
                if (caps == null) {
                    send(ex, 404, "text/plain", "absent".getBytes(StandardCharsets.UTF_8));
                } else {
                    send(ex, 200, "application/xml", Files.readAllBytes(caps));
                }
                return;
            }
            String key = q.get("TILEMATRIX") + "/" + q.get("TILECOL") + "/" + q.get("TILEROW");
            tileRequests.add(key);
            switch (mode) {
                case NOT_FOUND -> send(ex, 404, "text/plain", "no tile".getBytes(StandardCharsets.UTF_8));
                case SERVER_ERROR -> send(ex, 500, "text/plain", "boom".getBytes(StandardCharsets.UTF_8));
                case XML_ERROR -> send(ex, 200, "application/xml",
                        "<ExceptionReport/>".getBytes(StandardCharsets.UTF_8));
                case SLOW -> {
                    sleep(4000);
                    send(ex, 200, "image/png", tile(q.get("TILEMATRIX"), q.get("TILECOL"), q.get("TILEROW")));
                }
                case NEVER -> {
                    try {
                        stop.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                default -> {
                    ex.getResponseHeaders().add("Cache-Control", cacheControl);
                    send(ex, 200, "image/png", tile(q.get("TILEMATRIX"), q.get("TILECOL"), q.get("TILEROW")));
                }
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) return out;
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            if (eq < 0) continue;
            out.put(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8).toUpperCase(),
                    URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * A generated tile: pale ground, a street-like grid whose spacing follows the level, blocks,
     * and the tile's address, so screenshots read like a plan and tests can tell tiles apart.
     */
    public static byte[] tile(String z, String x, String y) throws IOException {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        long col = Long.parseLong(x);
        long row = Long.parseLong(y);
        int seed = (int) ((col * 31 + row * 17) & 0xff);
        g.setColor(new Color(0xF2, 0xEF, 0xE9));
        g.fillRect(0, 0, 256, 256);
        g.setColor(new Color(0xE4, 0xE9, 0xD6));
        g.fillRect(20 + seed % 60, 30 + seed % 40, 90, 70);
        g.setColor(new Color(0xDA, 0xD5, 0xCD));
        for (int i = 0; i < 6; i++) g.fillRect(140 + (i % 3) * 30, 150 + (i / 3) * 30, 22, 22);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(7));
        g.drawLine(0, 128, 256, 128 + (seed % 40) - 20);
        g.drawLine(128, 0, 128 + (seed % 30) - 15, 256);
        g.setColor(new Color(0xF7, 0xC9, 0x6B));
        g.setStroke(new BasicStroke(4));
        g.drawLine(0, 64, 256, 70);
        g.setColor(new Color(0xB5, 0xB0, 0xA8));
        g.setStroke(new BasicStroke(1));
        g.drawRect(0, 0, 255, 255);
        g.setColor(new Color(0x6E, 0x6A, 0x64));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(z + "/" + x + "/" + y, 6, 248);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** Serves until killed, for screenshots and benchmarks: java … TestTileServer [PORT] [DELAY_MS]. */
    public static void main(String[] args) throws Exception {
        TestTileServer s = new TestTileServer(args.length > 0 ? Integer.parseInt(args[0]) : 8765);
        System.out.println("WMTS de test : " + s.endpoint());
        Thread.currentThread().join();
    }

    @Override
    public void close() {
        stop.countDown();
        server.stop(0);
    }
}
