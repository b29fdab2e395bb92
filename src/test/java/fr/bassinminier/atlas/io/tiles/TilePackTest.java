package fr.bassinminier.atlas.io.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.tiles.Basemap;
import fr.bassinminier.atlas.model.tiles.Basemaps;
import fr.bassinminier.atlas.model.tiles.TileKey;
import fr.bassinminier.atlas.render.BasemapPainter;
import fr.bassinminier.atlas.render.Viewport;
import fr.bassinminier.atlas.testsupport.TestTileServer;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/** Offline packs: prefetched into MBTiles, drawn with no server; GeoPackage tile pyramids. */
class TilePackTest {
    private static final Envelope LENS = new Envelope(684000, 692000, 7033000, 7041000);
    @TempDir
    Path dir;

    private static BufferedImage draw(TileService tiles, Viewport vp) {
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        BasemapPainter.paint(g, vp, CrsId.LAMBERT_93, tiles, 1, true, () -> false);
        g.dispose();
        return img;
    }

    @Test
    void prefetchedPackRendersOfflineLikeTheServer() throws Exception {
        Path pack = dir.resolve("lens.mbtiles");
        Viewport vp = new Viewport(688000, 7037000, 6, 600, 400);
        BufferedImage online;
        int requested;
        try (TestTileServer server = new TestTileServer()) {
            Basemap plan = Basemaps.preset("plan-ign", server.endpoint()).orElseThrow();
            HttpTileSource http = new HttpTileSource(plan, null, Duration.ofSeconds(10));
            int[] progress = {0, 0};
            TilePacks.PrefetchResult r = TilePacks.prefetch(http, LENS, 10, 15, pack, 4, (d, t) -> {
                progress[0] = d;
                progress[1] = t;
            }, () -> false);
            requested = server.tileRequests().size();
            assertEquals(r.tiles(), requested);
            assertEquals(r.tiles(), r.written());
            assertEquals(r.tiles(), progress[0]);
            assertEquals(0, r.failed());
            try (TileService tiles = new TileService(http, 4)) {
                online = draw(tiles, vp);
            }
        }
        assertFalse(Files.exists(dir.resolve("lens.mbtiles.part")));
        try (TileService tiles = new TileService(TilePacks.open(pack), 2)) {
            assertEquals("Plan IGN", tiles.basemap().title());
            assertEquals("© IGN – Plan IGN v2", tiles.basemap().attribution());
            BufferedImage offline = draw(tiles, vp);
            int[] a = online.getRGB(0, 0, 600, 400, null, 0, 600);
            int[] b = offline.getRGB(0, 0, 600, 400, null, 0, 600);
            assertArrayEquals(a, b, "le paquet donne la même carte que le serveur");
            assertEquals(0, tiles.problemsTold());
        }
        // TMS rows in the file: level 10, top-down row r is stored as 2^10 - 1 - r.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + pack);
             Statement st = c.createStatement()) {
            var rs = st.executeQuery("SELECT MIN(tile_row), MAX(tile_row) FROM tiles WHERE zoom_level=10");
            rs.next();
            long topDown = TilePacks.covering(Basemaps.preset("plan-ign", "x").orElseThrow().matrixSet(), 10, LENS).get(0).row();
            assertEquals(1023 - topDown, rs.getLong(2));
        }
    }

    @Test
    void tooLargeAPrefetchIsRefused() throws Exception {
        Basemap plan = Basemaps.preset("plan-ign", "http://127.0.0.1:9/wmts").orElseThrow();
        ServiceException e = assertThrows(ServiceException.class, () -> TilePacks.prefetch(
                new HttpTileSource(plan, null, Duration.ofSeconds(1)), new Envelope(600000, 760000, 6950000, 7120000),
                8, 19, dir.resolve("x.mbtiles"), 4, null, () -> false));
        assertTrue(e.getMessage().contains("réduisez"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("x.mbtiles")));
    }

    @Test
    void brokenPacksGiveAFrenchMessage() throws Exception {
        Path junk = dir.resolve("faux.mbtiles");
        Files.writeString(junk, "pas une base");
        ServiceException e = assertThrows(ServiceException.class, () -> TilePacks.open(junk));
        assertTrue(e.getMessage().startsWith("Paquet hors ligne « faux.mbtiles » : "), e.getMessage());
        ServiceException missing = assertThrows(ServiceException.class, () -> TilePacks.open(dir.resolve("absent.gpkg")));
        assertTrue(missing.getMessage().contains("introuvable"));
    }

    @Test
    void geoPackageTilePyramidInLambert93() throws Exception {
        // A two-level pyramid in Lambert-93 over Lens, built by hand per OGC 12-128.
        Path gpkg = dir.resolve("fond.gpkg");
        byte[] tile = TestTileServer.tile("1", "0", "0");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT,"
                    + " organization_coordsys_id INTEGER, definition TEXT, description TEXT)");
            st.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('RGF93 / Lambert-93', 2154, 'EPSG', 2154, '', '')");
            st.execute("CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT,"
                    + " description TEXT, last_change TEXT, min_x REAL, min_y REAL, max_x REAL, max_y REAL, srs_id INTEGER)");
            st.execute("INSERT INTO gpkg_contents VALUES ('fond', 'tiles', 'Fond local', '', '', 684000, 7033000,"
                    + " 692192, 7041192, 2154)");
            st.execute("CREATE TABLE gpkg_tile_matrix_set (table_name TEXT PRIMARY KEY, srs_id INTEGER, min_x REAL,"
                    + " min_y REAL, max_x REAL, max_y REAL)");
            st.execute("INSERT INTO gpkg_tile_matrix_set VALUES ('fond', 2154, 684000, 7033000, 692192, 7041192)");
            st.execute("CREATE TABLE gpkg_tile_matrix (table_name TEXT, zoom_level INTEGER, matrix_width INTEGER,"
                    + " matrix_height INTEGER, tile_width INTEGER, tile_height INTEGER, pixel_x_size REAL, pixel_y_size REAL)");
            st.execute("INSERT INTO gpkg_tile_matrix VALUES ('fond', 3, 2, 2, 256, 256, 16, 16)");
            st.execute("INSERT INTO gpkg_tile_matrix VALUES ('fond', 4, 4, 4, 256, 256, 8, 8)");
            st.execute("CREATE TABLE fond (id INTEGER PRIMARY KEY, zoom_level INTEGER, tile_column INTEGER,"
                    + " tile_row INTEGER, tile_data BLOB)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO fond (zoom_level, tile_column, tile_row, tile_data)"
                    + " VALUES (?, ?, ?, ?)")) {
                for (int z = 3; z <= 4; z++) {
                    int n = z == 3 ? 2 : 4;
                    for (int x = 0; x < n; x++) {
                        for (int y = 0; y < n; y++) {
                            ps.setInt(1, z);
                            ps.setInt(2, x);
                            ps.setInt(3, y);
                            ps.setBytes(4, tile);
                            ps.executeUpdate();
                        }
                    }
                }
            }
        }
        try (TileService tiles = new TileService(TilePacks.open(gpkg), 2)) {
            assertEquals(CrsId.LAMBERT_93, tiles.basemap().matrixSet().crs());
            // 8 m per pixel: level 4, drawn without warping; the view's top-left pixel is tile (0,0)'s.
            Viewport vp = new Viewport(684000 + 4 * 8 * 64, 7041192 - 4 * 8 * 64, 8, 512, 512);
            BasemapPainter.Plan plan = BasemapPainter.plan(tiles.basemap().matrixSet(), vp, CrsId.LAMBERT_93, 1);
            assertEquals(1, plan.level());
            assertEquals(4, plan.tiles().size());
            BufferedImage img = draw(tiles, vp);
            BufferedImage src = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(tile));
            assertEquals(src.getRGB(100, 100), img.getRGB(100, 100));
            assertEquals(new TileKey(1, 0, 0), plan.tiles().stream().filter(k -> k.col() == 0 && k.row() == 0)
                    .findFirst().orElseThrow());
        }
    }
}
