package fr.bassinminier.atlas.render;

import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.tiles.Basemap;
import fr.bassinminier.atlas.model.tiles.Basemaps;
import fr.bassinminier.atlas.model.tiles.TileKey;
import fr.bassinminier.atlas.testsupport.TestTileServer;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * What drawing a Web Mercator background under a Lambert-93 view costs on the rendering thread,
 * tiles already decoded in memory: java -cp target/test-classes:target/atlas.jar
 * fr.bassinminier.atlas.render.BasemapPainterBench [WIDTH HEIGHT]
 */
public final class BasemapPainterBench {
    private BasemapPainterBench() {
    }

    public static void main(String[] args) throws Exception {
        int w = args.length > 1 ? Integer.parseInt(args[0]) : 1920;
        int h = args.length > 1 ? Integer.parseInt(args[1]) : 1080;
        Basemap grey = Basemaps.preset("plan-ign-gris", "http://127.0.0.1/wmts").orElseThrow();
        Map<TileKey, BufferedImage> tiles = new HashMap<>();
        TileProvider provider = new TileProvider() {
            @Override
            public Basemap basemap() {
                return grey;
            }

            @Override
            public BufferedImage tile(TileKey key, boolean wait) {
                return tiles.computeIfAbsent(key, k -> {
                    try {
                        BufferedImage raw = ImageIO.read(new ByteArrayInputStream(TestTileServer.tile(
                                Integer.toString(k.level()), Long.toString(k.col()), Long.toString(k.row()))));
                        BufferedImage argb = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
                        argb.createGraphics().drawImage(raw, 0, 0, null);
                        return argb;
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }

            @Override
            public void want(List<TileKey> keys) {
            }
        };
        for (double scale : new double[] {180_000, 25_000, 5_000}) {
            Viewport vp = new Viewport(688100, 7037200, scale * Viewport.OGC_PIXEL_METRES, w, h);
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
            long[] ns = new long[30];
            BasemapPainter.Result r = null;
            for (int i = -10; i < ns.length; i++) {
                Graphics2D g = img.createGraphics();
                long t0 = System.nanoTime();
                r = BasemapPainter.paint(g, vp, CrsId.LAMBERT_93, provider, 1, false, () -> false);
                long t = System.nanoTime() - t0;
                g.dispose();
                if (i >= 0) ns[i] = t;
            }
            java.util.Arrays.sort(ns);
            System.out.printf(Locale.ROOT, "%dx%d at 1:%.0f: %d tiles, warp + grey + draw median %.1f ms, p90 %.1f ms"
                    + " (%.1f ns per pixel)%n", w, h, scale, r.needed(), ns[ns.length / 2] / 1e6,
                    ns[ns.length * 9 / 10] / 1e6, ns[ns.length / 2] / (double) (w * h));
        }
    }
}
