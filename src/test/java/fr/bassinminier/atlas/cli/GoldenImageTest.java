package fr.bassinminier.atlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.analysis.impact.FootprintReader;
import fr.bassinminier.atlas.analysis.impact.HeritageIndex;
import fr.bassinminier.atlas.analysis.impact.HeritageLayers;
import fr.bassinminier.atlas.analysis.impact.ImpactOptions;
import fr.bassinminier.atlas.analysis.impact.ImpactReport;
import fr.bassinminier.atlas.analysis.impact.ReportInfo;
import fr.bassinminier.atlas.io.project.ProjectLoader;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.PrintTemplate;
import fr.bassinminier.atlas.print.layout.HeritageReport;
import fr.bassinminier.atlas.print.layout.PrintJob;
import fr.bassinminier.atlas.print.layout.PrintLayout;
import fr.bassinminier.atlas.render.MapRenderer;
import fr.bassinminier.atlas.render.RenderRequest;
import fr.bassinminier.atlas.render.Viewport;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden images: the default map on screen at 1:250 000 and 1:10 000, its A3 and A0 prints and
 * a heritage report page, compared with references in src/test/resources/golden with a
 * perceptual tolerance: both images blurred (3×3 box, per channel), a pixel differs when a
 * channel moves by more than {@value #CHANNEL}, and the test fails when more than
 * {@value #SHARE_PERCENT} % of the pixels differ. A change that degrades the map (lost layer,
 * paler fill, legend cut, labels gone) fails; anti-aliasing noise and the print date do not.
 * After an intended change, regenerate the references with
 * {@code xvfb-run -a ./mvnw -B -o test -Dtest=GoldenImageTest -Datlas.golden.update=true} and
 * look at them before committing. On failure the actual image and a diff are left in target/golden.
 */
class GoldenImageTest {
    static final int CHANNEL = 40;
    static final double SHARE_PERCENT = 1.0;
    private static final Path ROOT = Path.of(System.getProperty("atlas.projectDir", "."));
    private static final Path MAP = ROOT.resolve("maps").resolve("bassin-minier.atlas.json");
    private static LoadedProject map;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        map = ProjectLoader.open(MAP);
    }

    private static BufferedImage screen(double scale, double cx, double cy) {
        int w = 900;
        int h = 560;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            new MapRenderer().render(g, map.layers(),
                    RenderRequest.of(new Viewport(cx, cy, scale * Viewport.OGC_PIXEL_METRES, w, h), 1));
        } finally {
            g.dispose();
        }
        return img;
    }

    private BufferedImage print(String paper, int dpi) throws Exception {
        PrintTemplate t = PrintTemplate.defaults(map.project().title()).withPage(paper, true);
        Path png = dir.resolve(paper + ".png");
        PrintJob.png(map, new PrintLayout.Request(t, null, null, null), png, dpi);
        return ImageIO.read(png.toFile());
    }

    @Test
    void screenAt250000() throws Exception {
        compare("screen-250000", screen(250_000, 697_000, 7_037_500));
    }

    @Test
    void screenAt10000() throws Exception {
        compare("screen-10000", screen(10_000, 688_100, 7_037_200));
    }

    @Test
    void a3Print() throws Exception {
        compare("print-a3", print("A3", 40));
    }

    @Test
    void a0Print() throws Exception {
        compare("print-a0", print("A0", 30));
    }

    @Test
    void heritageReportPage() throws Exception {
        HeritageLayers layers = HeritageLayers.fromProject(map);
        ImpactReport r = HeritageIndex.build(layers).check(FootprintReader.point("50.4320 2.8330", null),
                ImpactOptions.DEFAULT);
        Path pdf = dir.resolve("report.pdf");
        HeritageReport.write(pdf, r, new ReportInfo("PC 062 498 24 00012", "Anne Martin", LocalDate.of(2026, 11, 24)),
                layers.project());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            compare("heritage-report", new PDFRenderer(doc).renderImageWithDPI(0, 50));
        }
    }

    @Test
    void theToleranceStillSeesAPalerOrMissingLayer() throws Exception {
        // The property hidden: a heritage map that lost what it is about must fail.
        BufferedImage ref = ImageIO.read(ROOT.resolve("src/test/resources/golden/screen-10000.png").toFile());
        var layers = new java.util.ArrayList<>(map.layers());
        layers.replaceAll(pl -> pl.entry().title().startsWith("Bien inscrit") ? pl.withEntry(pl.entry().withVisible(false))
                : pl);
        BufferedImage img = new BufferedImage(ref.getWidth(), ref.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            new MapRenderer().render(g, layers, RenderRequest.of(new Viewport(688_100, 7_037_200,
                    10_000 * Viewport.OGC_PIXEL_METRES, img.getWidth(), img.getHeight()), 1));
        } finally {
            g.dispose();
        }
        double share = share(ref, img, null);
        assertTrue(share > SHARE_PERCENT, "hiding the property changes only " + share + " % of the pixels");
    }

    /** Percentage of pixels that differ after the blur; marks them red in {@code diff} when given. */
    static double share(BufferedImage expected, BufferedImage actual, BufferedImage diff) {
        int[][] a = blur(expected);
        int[][] b = blur(actual);
        int w = expected.getWidth();
        int h = expected.getHeight();
        long differing = 0;
        for (int i = 0; i < w * h; i++) {
            int d = 0;
            for (int c = 0; c < 3; c++) d = Math.max(d, Math.abs(a[c][i] - b[c][i]));
            if (d > CHANNEL) {
                differing++;
                if (diff != null) diff.setRGB(i % w, i / w, 0xFF0000);
            } else if (diff != null) {
                diff.setRGB(i % w, i / w, actual.getRGB(i % w, i / w));
            }
        }
        return 100.0 * differing / (w * h);
    }

    private static void compare(String name, BufferedImage actual) throws Exception {
        Path ref = ROOT.resolve("src/test/resources/golden").resolve(name + ".png");
        if (Boolean.getBoolean("atlas.golden.update")) {
            Files.createDirectories(ref.getParent());
            ImageIO.write(actual, "png", ref.toFile());
            return;
        }
        assertTrue(Files.isRegularFile(ref), "référence absente : " + ref
                + " (la créer avec -Datlas.golden.update=true)");
        BufferedImage expected = ImageIO.read(ref.toFile());
        Path out = ROOT.resolve("target/golden");
        Files.createDirectories(out);
        ImageIO.write(actual, "png", out.resolve(name + "-actual.png").toFile());
        assertEquals(expected.getWidth() + "×" + expected.getHeight(), actual.getWidth() + "×" + actual.getHeight(),
                name + " : size");
        BufferedImage diff = new BufferedImage(expected.getWidth(), expected.getHeight(), BufferedImage.TYPE_INT_RGB);
        double share = share(expected, actual, diff);
        if (share > SHARE_PERCENT) ImageIO.write(diff, "png", out.resolve(name + "-diff.png").toFile());
        assertTrue(share <= SHARE_PERCENT, name + " : " + String.format("%.2f", share) + " % of the pixels differ (max "
                + SHARE_PERCENT + " %); see target/golden/" + name + "-diff.png");
    }

    /** Channels blurred with a 3×3 box: one-pixel shifts of anti-aliased edges do not count. */
    static int[][] blur(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[][] out = new int[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] sum = new int[3];
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
                        int rgb = img.getRGB(xx, yy);
                        sum[0] += rgb >> 16 & 0xFF;
                        sum[1] += rgb >> 8 & 0xFF;
                        sum[2] += rgb & 0xFF;
                        n++;
                    }
                }
                for (int c = 0; c < 3; c++) out[c][y * w + x] = sum[c] / n;
            }
        }
        return out;
    }
}
