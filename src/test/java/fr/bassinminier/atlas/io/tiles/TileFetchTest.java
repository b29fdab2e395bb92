package fr.bassinminier.atlas.io.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.MapProject;
import fr.bassinminier.atlas.model.tiles.Basemap;
import fr.bassinminier.atlas.model.tiles.Basemaps;
import fr.bassinminier.atlas.model.tiles.TileMatrixSet;
import fr.bassinminier.atlas.render.BasemapPainter;
import fr.bassinminier.atlas.render.ImageRenderer;
import fr.bassinminier.atlas.render.RenderRequest;
import fr.bassinminier.atlas.render.Viewport;
import fr.bassinminier.atlas.testsupport.TestTileServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/** The background fetched from a local WMTS: the right tiles, cached, and failures told once. */
class TileFetchTest {
    /** Lens, Lambert-93 (PROJ: 50.4320 N 2.8330 E). */
    private static final double LENS_X = 688117.392;
    private static final double LENS_Y = 7037177.038;
    @TempDir
    Path cacheDir;

    private static Basemap planIgn(TestTileServer server) {
        return Basemaps.preset("plan-ign-gris", server.endpoint()).orElseThrow();
    }

    /**
     * The tiles a Lambert-93 view needs, computed independently: the view's outline sampled every
     * pixel and projected to EPSG:3857 with Proj4J directly, the level whose resolution is nearest
     * (logarithmically) to the view's at its centre, and the tiles under the outline's envelope.
     */
    private static Set<String> expectedTiles(Viewport vp, double pixelRatio) {
        CRSFactory f = new CRSFactory();
        CoordinateTransform t = new BasicCoordinateTransform(f.createFromName("EPSG:2154"),
                f.createFromName("EPSG:3857"));
        Envelope merc = new Envelope();
        Envelope g = vp.ground();
        int n = Math.max(vp.width(), vp.height());
        for (int i = 0; i <= n; i++) {
            double fx = g.getMinX() + g.getWidth() * i / n;
            double fy = g.getMinY() + g.getHeight() * i / n;
            for (double[] p : new double[][] {{fx, g.getMinY()}, {fx, g.getMaxY()}, {g.getMinX(), fy}, {g.getMaxX(), fy}}) {
                ProjCoordinate out = new ProjCoordinate();
                t.transform(new ProjCoordinate(p[0], p[1]), out);
                merc.expandToInclude(out.x, out.y);
            }
        }
        ProjCoordinate a = new ProjCoordinate();
        ProjCoordinate b = new ProjCoordinate();
        t.transform(new ProjCoordinate(vp.centerX() - vp.resolution() * 8, vp.centerY()), a);
        t.transform(new ProjCoordinate(vp.centerX() + vp.resolution() * 8, vp.centerY()), b);
        double mercRes = Math.hypot(b.x - a.x, b.y - a.y) / 16 * pixelRatio;
        double half = 20037508.342789244;
        int z = (int) Math.round(Math.log(2 * half / 256 / mercRes) / Math.log(2));
        double span = 2 * half / (1L << z);
        Set<String> out = new TreeSet<>();
        for (long c = (long) Math.floor((merc.getMinX() + half) / span); c <= (long) Math.floor((merc.getMaxX() + half) / span); c++) {
            for (long r = (long) Math.floor((half - merc.getMaxY()) / span); r <= (long) Math.floor((half - merc.getMinY()) / span); r++) {
                out.add(z + "/" + c + "/" + r);
            }
        }
        return out;
    }

    private static BasemapPainter.Result paint(TileService tiles, Viewport vp, double ratio, boolean wait) {
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            return BasemapPainter.paint(g, vp, CrsId.LAMBERT_93, tiles, ratio, wait, () -> false);
        } finally {
            g.dispose();
        }
    }

    @Test
    void aViewAtLensAsksExactlyForTheTilesCoveringIt() throws Exception {
        try (TestTileServer server = new TestTileServer();
             DiskTileCache cache = new DiskTileCache(cacheDir.resolve("tiles.sqlite"), DiskTileCache.DEFAULT_LIMIT)) {
            for (double[] view : new double[][] {{5, 1}, {1.2, 1}, {40, 1}, {2.5, 2}}) {
                server.tileRequests().clear();
                Viewport vp = new Viewport(LENS_X, LENS_Y, view[0] / view[1], (int) (900 * view[1]),
                        (int) (600 * view[1]));
                try (TileService tiles = new TileService(new HttpTileSource(planIgn(server), cache,
                        Duration.ofSeconds(10)), 4)) {
                    BasemapPainter.Result r = paint(tiles, vp, view[1], true);
                    assertEquals(0, r.missing());
                }
                Set<String> expected = expectedTiles(vp, view[1]);
                assertEquals(expected, new TreeSet<>(server.tileRequests()), "résolution " + view[0]);
                assertEquals(expected.size(), server.tileRequests().size(), "une requête par tuile");
            }
            assertTrue(server.userAgents().stream().allMatch(ua -> ua.startsWith("AtlasBassinMinier/")));
        }
    }

    @Test
    void cachedTilesMakeNoRequestAndShowOffline() throws Exception {
        Viewport vp = new Viewport(LENS_X, LENS_Y, 4, 800, 500);
        String endpoint;
        try (TestTileServer server = new TestTileServer();
             DiskTileCache cache = new DiskTileCache(cacheDir.resolve("tiles.sqlite"), DiskTileCache.DEFAULT_LIMIT)) {
            endpoint = server.endpoint();
            try (TileService tiles = new TileService(new HttpTileSource(planIgn(server), cache, Duration.ofSeconds(10)), 4)) {
                paint(tiles, vp, 1, true);
            }
            int first = server.tileRequests().size();
            assertTrue(first > 0);
            assertEquals(first, cache.count());
            // A new session (empty memory cache), same disk cache: no request at all.
            try (TileService tiles = new TileService(new HttpTileSource(planIgn(server), cache, Duration.ofSeconds(10)), 4)) {
                assertEquals(0, paint(tiles, vp, 1, true).missing());
                assertEquals(first, tiles.sourceReads());
            }
            assertEquals(first, server.tileRequests().size(), "tuiles en cache : aucune requête");
        }
        // Offline with tiles gone stale: the cached tiles still show; the others are missing, said once.
        try (DiskTileCache cache = new DiskTileCache(cacheDir.resolve("tiles.sqlite"), DiskTileCache.DEFAULT_LIMIT)) {
            Basemap b = Basemaps.preset("plan-ign", endpoint).orElseThrow();
            List<String> told = new CopyOnWriteArrayList<>();
            try (TileService tiles = new TileService(new HttpTileSource(b, cache, Duration.ofSeconds(2)), 4)) {
                tiles.setOnProblem(m -> {
                    if (m != null) told.add(m);
                });
                assertEquals(0, paint(tiles, vp, 1, true).missing());
                BasemapPainter.Result wider = paint(tiles, new Viewport(LENS_X, LENS_Y, 4, 1600, 1000), 1, true);
                assertTrue(wider.missing() > 0 && wider.missing() < wider.needed(), wider.toString());
            }
            assertEquals(1, told.size(), told.toString());
            assertTrue(told.get(0).contains("injoignable"), told.get(0));
        }
    }

    @Test
    void failingServersLeaveOneFrenchMessageAndTheMapDrawn() throws Exception {
        for (TestTileServer.Mode mode : new TestTileServer.Mode[] {TestTileServer.Mode.NOT_FOUND,
                TestTileServer.Mode.SERVER_ERROR, TestTileServer.Mode.XML_ERROR, TestTileServer.Mode.SLOW,
                TestTileServer.Mode.NEVER}) {
            try (TestTileServer server = new TestTileServer()) {
                server.setMode(mode);
                List<String> told = new CopyOnWriteArrayList<>();
                TileService tiles = new TileService(new HttpTileSource(planIgn(server), null, Duration.ofSeconds(1)), 4);
                tiles.setOnProblem(m -> {
                    if (m != null) told.add(m);
                });
                Viewport vp = new Viewport(LENS_X, LENS_Y, 3, 700, 500);
                LoadedProject empty = new LoadedProject(new MapProject("vide", CrsId.LAMBERT_93, null, List.of(),
                        List.of(), null), null, List.of());
                BufferedImage img = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> new ImageRenderer().render(
                        empty, RenderRequest.of(vp, 1).withBasemap(tiles, true)));
                assertNotNull(img);
                // Nothing arrived: the plain background shows.
                assertEquals(0xF4F1EA, img.getRGB(350, 250) & 0xffffff, mode.name());
                assertEquals(1, told.size(), mode + " : " + told);
                assertEquals(1, tiles.problemsTold());
                assertTrue(told.get(0).startsWith("Fond de plan « Plan IGN gris » (127.0.0.1) : "), told.get(0));
                assertFalse(told.get(0).contains("Exception"), told.get(0));
                tiles.close();
            }
        }
    }

    @Test
    void screenPaintNeverWaitsAndTilesArriveLater() throws Exception {
        try (TestTileServer server = new TestTileServer()) {
            TileService tiles = new TileService(new HttpTileSource(planIgn(server), null, Duration.ofSeconds(5)), 4);
            java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
            tiles.setOnArrival(arrived::countDown);
            Viewport vp = new Viewport(LENS_X, LENS_Y, 3, 700, 500);
            BasemapPainter.Result first = paint(tiles, vp, 1, false);
            assertEquals(first.needed(), first.missing(), "rien n'est prêt au premier dessin");
            assertTrue(arrived.await(10, java.util.concurrent.TimeUnit.SECONDS));
            // Once everything has arrived, a repaint finds it all in memory.
            for (int i = 0; i < 100 && paint(tiles, vp, 1, false).missing() > 0; i++) Thread.sleep(50);
            assertEquals(0, paint(tiles, vp, 1, false).missing());
            // A move far away drops the queued requests of the old view.
            server.setMode(TestTileServer.Mode.SLOW);
            Viewport far = new Viewport(LENS_X + 50_000, LENS_Y, 0.5, 1600, 1200);
            paint(tiles, far, 1, false);
            int asked = server.tileRequests().size();
            paint(tiles, vp, 1, false);
            Thread.sleep(300);
            assertTrue(server.tileRequests().size() - asked <= 4, "requêtes lancées après le départ : "
                    + (server.tileRequests().size() - asked));
            tiles.close();
        }
    }

    @Test
    void greyscaleAndWarpedPixels() throws Exception {
        try (TestTileServer server = new TestTileServer()) {
            TileService grey = new TileService(new HttpTileSource(planIgn(server), null, Duration.ofSeconds(5)), 2);
            Viewport vp = new Viewport(LENS_X, LENS_Y, 3, 400, 300);
            BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            BasemapPainter.paint(g, vp, CrsId.LAMBERT_93, grey, 1, true, () -> false);
            g.dispose();
            int colours = 0;
            for (int y = 0; y < 300; y += 7) {
                for (int x = 0; x < 400; x += 7) {
                    int p = img.getRGB(x, y);
                    assertEquals(0xff, p >>> 24);
                    int r = (p >> 16) & 0xff;
                    assertTrue(r == ((p >> 8) & 0xff) && r == (p & 0xff), "gris");
                    colours++;
                }
            }
            assertTrue(colours > 0);
            assertNotEquals(TileMatrixSet.webMercator("x", 0, 1).matrix(1).resolution(),
                    TileMatrixSet.webMercator("x", 0, 1).matrix(0).resolution());
            grey.close();
        }
    }
}
