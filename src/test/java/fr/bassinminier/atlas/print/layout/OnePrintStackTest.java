package fr.bassinminier.atlas.print.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.analysis.TestProjects;
import fr.bassinminier.atlas.analysis.impact.FootprintReader;
import fr.bassinminier.atlas.analysis.impact.HeritageIndex;
import fr.bassinminier.atlas.analysis.impact.HeritageLayers;
import fr.bassinminier.atlas.analysis.impact.HeritageRole;
import fr.bassinminier.atlas.analysis.impact.ImpactOptions;
import fr.bassinminier.atlas.analysis.impact.ImpactReport;
import fr.bassinminier.atlas.analysis.impact.ReportInfo;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.PrintTemplate;
import fr.bassinminier.atlas.model.style.Rule;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

/** The heritage report and a print layout are one stack: same map frame, same legend rules, same job. */
class OnePrintStackTest {
    @TempDir
    Path dir;

    private static final ReportInfo INFO = new ReportInfo("PC 062 498 24 00012", "Anne Martin", LocalDate.of(2026, 11, 24));

    @Test
    void theReportIsALayoutPrintedByPrintJobToPdfAndPng() throws Exception {
        HeritageLayers layers = HeritageLayers.fromProject(TestProjects.demo());
        LoadedProject project = layers.project();
        ImpactReport r = HeritageIndex.build(layers).check(FootprintReader.point("50.4320 2.8330", null),
                ImpactOptions.DEFAULT);
        List<PageFacts> pdf = HeritageReport.write(dir.resolve("rapport.pdf"), r, INFO, project);
        List<PageFacts> png = HeritageReport.png(dir.resolve("rapport.png"), r, INFO, project, null, 60);

        // The same pages whatever the target; two pages give two numbered images of an A4 at 60 dpi.
        assertEquals(2, pdf.size());
        assertEquals(pdf.size(), png.size());
        assertFalse(Files.exists(dir.resolve("rapport.png")));
        BufferedImage page1 = ImageIO.read(dir.resolve("rapport-001.png").toFile());
        assertEquals(496, page1.getWidth());
        assertEquals(702, page1.getHeight());
        assertTrue(Files.isRegularFile(dir.resolve("rapport-002.png")));
        try (PDDocument doc = Loader.loadPDF(dir.resolve("rapport.pdf").toFile())) {
            assertEquals(pdf.size(), doc.getNumberOfPages());
        }

        // The map page says what its frame shows, as a print page does: a usual scale, the footprint inside.
        PageFacts map = pdf.get(0);
        PageFacts mapPng = png.get(0);
        assertTrue(List.of(5000.0, 7500.0, 10_000.0, 15_000.0).contains(map.scale()), "scale 1:" + map.scale());
        assertEquals(map.scale(), mapPng.scale());
        for (int i = 0; i < 4; i++) assertEquals(map.ground()[i], mapPng.ground()[i], 2 * map.scale() * 0.0254 / 60);
        Point at = r.footprint().geometry().getCentroid();
        double[] p = map.toPage(at.getX(), at.getY());
        assertTrue(p[0] > map.frame()[0] && p[0] < map.frame()[2] && p[1] > map.frame()[1] && p[1] < map.frame()[3]);
        // On the image, the footprint's cross is drawn there (black on the map's colours).
        int px = (int) Math.round(p[0] * 60 / 72);
        int py = (int) Math.round((map.height() - p[1]) * 60 / 72);
        assertTrue(darkNear(page1, px, py), "no footprint cross at " + px + "," + py);

        // Its legend is the print's: the footprint, then the property as a print of this ground at this
        // scale shows it (the same rules, named by its role).
        assertEquals(fr.bassinminier.atlas.l10n.Localization.get("pdf.impact.legend.footprint"), map.legend().get(0).layer());
        String property = HeritageRole.PROPERTY.layerLabel();
        assertTrue(map.legend().stream().anyMatch(i -> i.layer().equals(property)), map.legend().toString());
        Envelope ground = new Envelope(map.ground()[0], map.ground()[2], map.ground()[1], map.ground()[3]);
        List<Rule> printed = PrintLayout.legend(project, ground, map.scale()).stream()
                .filter(l -> HeritageLayers.roleOf(l.layer()) == HeritageRole.PROPERTY).findFirst().orElseThrow().rules();
        List<Rule> reported = HeritageReport.legend(r, project, ground, map.scale(), null).stream()
                .filter(l -> l.layer().entry().title().equals(property)).findFirst().orElseThrow().rules();
        assertEquals(printed.stream().map(Rule::symbolizers).toList(), reported.stream().map(Rule::symbolizers).toList());
    }

    @Test
    void aPrintSaysItsTextAsTextInBoldWhereBold() throws Exception {
        LoadedProject project = TestProjects.demo();
        PrintTemplate t = new PrintTemplate("test", "A4", true, 10, "Cité des Alouettes — Bully-les-Mines", null,
                null, "Anne Martin", null, true, false, 10_000);
        Path out = dir.resolve("carte.pdf");
        PrintJob.pdf(project, new PrintLayout.Request(t, PrintLayoutTest.ALOUETTES, null, null), out);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Cité des Alouettes — Bully-les-Mines") && text.contains("Échelle 1:" + fr.bassinminier.atlas.analysis.Measure.number(10_000, 0)), text);
            // The title is set in DejaVu Sans Bold (embedded), the author line in the regular weight.
            java.util.Map<String, String> fontOf = new java.util.HashMap<>();
            PDFTextStripper fonts = new PDFTextStripper() {
                @Override
                protected void writeString(String line, List<org.apache.pdfbox.text.TextPosition> glyphs) {
                    fontOf.putIfAbsent(line, glyphs.get(0).getFont().getName());
                }
            };
            fonts.getText(doc);
            String title = fontOf.get("Cité des Alouettes — Bully-les-Mines");
            assertTrue(title != null && title.endsWith("DejaVuSans-Bold"), fontOf.toString());
            String author = fontOf.entrySet().stream().filter(e -> e.getKey().startsWith("Imprimé le")).findFirst()
                    .orElseThrow().getValue();
            assertTrue(author.endsWith("DejaVuSans"), author);
        }
    }

    private static boolean darkNear(BufferedImage img, int x, int y) {
        for (int dy = -3; dy <= 3; dy++) {
            for (int dx = -3; dx <= 3; dx++) {
                int c = img.getRGB(Math.max(0, Math.min(img.getWidth() - 1, x + dx)),
                        Math.max(0, Math.min(img.getHeight() - 1, y + dy)));
                if (((c >> 16) & 0xff) < 60 && ((c >> 8) & 0xff) < 60 && (c & 0xff) < 60) return true;
            }
        }
        return false;
    }
}
