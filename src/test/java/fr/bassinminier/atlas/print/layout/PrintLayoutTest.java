package fr.bassinminier.atlas.print.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.analysis.TestProjects;
import fr.bassinminier.atlas.io.project.ProjectFile;
import fr.bassinminier.atlas.io.project.ProjectLoader;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.PrintTemplate;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.print.PageFormat;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

class PrintLayoutTest {
    /** Centre of the demo's Cité des Alouettes (Bully-les-Mines), Lambert-93. */
    static final double[] ALOUETTES = alouettes();

    @TempDir
    Path dir;

    private static double[] alouettes() {
        try {
            ProjectLayer cites = TestProjects.demoLayer("cites");
            Feature f = cites.data().features().stream().filter(x -> "Cité des Alouettes".equals(x.text("nom")))
                    .findFirst().orElseThrow();
            var c = f.geometry().getEnvelopeInternal().centre();
            return new double[] {c.x, c.y};
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static PrintTemplate template(String page, boolean landscape, double scale) {
        return new PrintTemplate("test", page, landscape, 10, "Cité des Alouettes — Bully-les-Mines",
                "Réunion de concertation", "Périmètre d'étude à préciser.", "Anne Martin", null, true, true, scale);
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    /** Two Lambert-93 points 500 m apart print 500 m / scale apart on the page. */
    private static void checkScale(PageFacts f) {
        double[] a = {ALOUETTES[0] - 300, ALOUETTES[1] - 200};
        double[] b = {ALOUETTES[0] + 100, ALOUETTES[1] + 100};
        double ground = distance(a, b);
        double expected = ground / f.scale() / PageFormat.METRES_PER_POINT;
        assertEquals(expected, distance(f.toPage(a[0], a[1]), f.toPage(b[0], b[1])), 0.5);
        // Both axes at the same exact scale.
        double sx = (f.ground()[2] - f.ground()[0]) / (f.frame()[2] - f.frame()[0]) / PageFormat.METRES_PER_POINT;
        double sy = (f.ground()[3] - f.ground()[1]) / (f.frame()[3] - f.frame()[1]) / PageFormat.METRES_PER_POINT;
        assertEquals(f.scale(), sx, f.scale() * 1e-9);
        assertEquals(f.scale(), sy, f.scale() * 1e-9);
        // The frame lies on the page and is centred on the requested point.
        assertTrue(f.frame()[0] > 0 && f.frame()[2] < f.width() && f.frame()[1] > 0 && f.frame()[3] < f.height());
        assertEquals(ALOUETTES[0], (f.ground()[0] + f.ground()[2]) / 2, 1e-6);
    }

    private static List<PDFont> fonts(PDResources res) throws Exception {
        List<PDFont> out = new ArrayList<>();
        if (res == null) return out;
        for (COSName n : res.getFontNames()) out.add(res.getFont(n));
        for (COSName n : res.getXObjectNames()) {
            PDXObject x = res.getXObject(n);
            if (x instanceof PDFormXObject f) out.addAll(fonts(f.getResources()));
        }
        return out;
    }

    @Test
    void a4PdfAtExactScaleWithEmbeddedFontsAndAccents() throws Exception {
        Path pdf = dir.resolve("a4.pdf");
        List<PageFacts> facts = PrintJob.pdf(TestProjects.demo(), new PrintLayout.Request(template("A4", true, 10_000),
                ALOUETTES, null, null), pdf);
        assertEquals(1, facts.size());
        PageFacts f = facts.get(0);
        assertEquals(841.89, f.width(), 0.01);
        assertEquals(595.28, f.height(), 0.01);
        checkScale(f);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            List<PDFont> all = new ArrayList<>();
            for (PDPage p : doc.getPages()) all.addAll(fonts(p.getResources()));
            assertFalse(all.isEmpty());
            for (PDFont font : all) assertTrue(font.isEmbedded(), font.getName() + " non incorporée");
            String text = new PDFTextStripper().getText(doc);
            for (String t : List.of("Cité des Alouettes — Bully-les-Mines", "Réunion de concertation",
                    "Données indicatives", "Échelle 1:10", "Légende", "Livrée", "Sources et licences",
                    "Anne Martin", "Périmètre d'étude à préciser", "convergence des méridiens")) {
                assertTrue(text.contains(t), "« " + t + " » absent de :\n" + text);
            }
        }
    }

    @Test
    void legendListsExactlyTheClassesInTheFrame() throws Exception {
        LoadedProject demo = TestProjects.demo();
        Path pdf = dir.resolve("legend.pdf");
        PageFacts f = PrintJob.pdf(demo, new PrintLayout.Request(template("A4", true, 10_000), ALOUETTES, null, null),
                pdf).get(0);
        Set<String> printed = new TreeSet<>();
        for (PageFacts.LegendItem i : f.legend()) if (i.layer().equals("Cités minières")) printed.add(i.label());
        // Independently: the renovation status of every cité meeting the frame.
        var frame = new GeometryFactory().toGeometry(new Envelope(f.ground()[0], f.ground()[2], f.ground()[1],
                f.ground()[3]));
        Set<String> expected = new TreeSet<>();
        for (Feature c : TestProjects.demoLayer("cites").data().features()) {
            if (!c.geometry().intersects(frame)) continue;
            String s = c.text("statut_renovation");
            expected.add(s == null ? "Non renseigné" : switch (s) {
                case "livrée" -> "Livrée";
                case "travaux en cours" -> "Travaux en cours";
                case "programmée" -> "Programmée";
                case "à l'étude" -> "À l'étude";
                default -> "Non renseigné";
            });
        }
        assertTrue(expected.contains("Livrée"));
        assertEquals(expected, printed);
        assertFalse(printed.contains("Programmée"));
        // Layers with nothing in the frame (the BHNS lines far from Bully) are not in the legend.
        assertTrue(f.legend().stream().noneMatch(i -> i.layer().startsWith("Lignes BHNS")), f.legend().toString());
    }

    @Test
    void seriesPrintsOnePagePerFeature() throws Exception {
        LoadedProject demo = TestProjects.demo();
        int n = TestProjects.demoLayer("terrils").data().size();
        Path pdf = dir.resolve("serie.pdf");
        List<PageFacts> facts = PrintJob.pdf(demo, new PrintLayout.Request(template("A4", false, 0), null, null,
                "terrils"), pdf);
        assertEquals(n, facts.size());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(n, doc.getNumberOfPages());
        }
        for (PageFacts f : facts) {
            // Each page is titled after its feature and shows it.
            assertFalse(f.title().isBlank());
            assertTrue(f.legend().stream().anyMatch(i -> i.layer().equals("Terrils")), f.title() + " " + f.legend());
        }
    }

    @Test
    void png150DpiHasThePageSizeInPixels() throws Exception {
        Path png = dir.resolve("a4.png");
        List<PageFacts> facts = PrintJob.png(TestProjects.demo(), new PrintLayout.Request(template("A4", false, 25_000),
                ALOUETTES, null, null), png, 150);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1240, img.getWidth());
        assertEquals(1754, img.getHeight());
        checkScale(facts.get(0));
    }

    @Test
    void a0AtTenThousandIsFastAndSmall() throws Exception {
        Path pdf = dir.resolve("a0.pdf");
        long t0 = System.nanoTime();
        PageFacts f = PrintJob.pdf(TestProjects.demo(), new PrintLayout.Request(template("A0", true, 10_000),
                ALOUETTES, null, null), pdf).get(0);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(3370.39, f.width(), 0.01);
        assertEquals(2383.94, f.height(), 0.01);
        checkScale(f);
        assertTrue(ms < 20_000, ms + " ms");
        assertTrue(Files.size(pdf) < 5_000_000, Files.size(pdf) + " octets");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertTrue(new PDFTextStripper().getText(doc).contains("Données indicatives"));
        }
    }

    @Test
    void templatesAreSavedInTheProjectAndKeptWhenItIsSaved() throws Exception {
        Path src = Path.of(System.getProperty("atlas.projectDir", "."), "maps", "bassin-minier.atlas.json");
        Path copy = dir.resolve("p.atlas.json");
        Files.copy(src, copy);
        assertTrue(ProjectFile.readPrintTemplates(copy).isEmpty());
        PrintTemplate a = template("A3", true, 25_000);
        PrintTemplate b = new PrintTemplate("affiche", "A0", false, 15, "Réunion publique à Liévin", null, null, null,
                "logo.png", false, false, 0);
        ProjectFile.writePrintTemplates(copy, List.of(a, b));
        assertEquals(List.of(a, b), ProjectFile.readPrintTemplates(copy));
        // Saving the map again keeps the templates; the project still opens.
        ProjectFile.write(copy, ProjectFile.read(copy));
        assertEquals(List.of(a, b), ProjectFile.readPrintTemplates(copy));
        assertEquals(PrintTemplate.defaults("x").page(), "A4");
        assertEquals(ProjectFile.read(src).layers().size(), ProjectLoader.open(copy).layers().size());
    }

    /** A project of {@code n} visible polygon layers, each with one square in the middle of the frame. */
    private static LoadedProject manyLayers(int n) {
        ProjectLayer[] layers = new ProjectLayer[n];
        for (int i = 0; i < n; i++) {
            double x = ALOUETTES[0] - 500 + (i % 10) * 100;
            double y = ALOUETTES[1] - 300 + (i / 10) * 100;
            String sq = "POLYGON ((" + x + " " + y + ", " + (x + 50) + " " + y + ", " + (x + 50) + " " + (y + 50) + ", "
                    + x + " " + (y + 50) + ", " + x + " " + y + "))";
            layers[i] = TestProjects.projectLayer("c" + i, "Couche d'essai numéro " + (i + 1), null,
                    TestProjects.layer("c" + i, TestProjects.schema("nom:string"), TestProjects.row(sq, "x")));
        }
        return TestProjects.project(layers);
    }

    @Test
    void aLegendSteppedDownFitsWhereTheFullSizeDoesNot() {
        // 14 layers: too many for the A4 panel at full size, all there once the text steps down.
        LoadedProject p = manyLayers(14);
        PrintLayout.Page page = PrintLayout.plan(p, new PrintLayout.Request(template("A4", true, 10_000), ALOUETTES,
                null, null)).get(0);
        BufferedImage img = new BufferedImage(842, 595, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        PageFacts f = PrintLayout.draw(g, 1, p, template("A4", true, 10_000), page, 1);
        g.dispose();
        assertTrue(f.legendMissing().isEmpty(), f.legendMissing().toString());
        assertEquals(14, f.legend().size());
        List<PrintLayout.LayerLegend> legend = PrintLayout.legend(p, new Envelope(f.ground()[0], f.ground()[2],
                f.ground()[1], f.ground()[3]), 10_000);
        assertEquals(14, legend.size());
        double need = LegendLayout.fitAt(legend, 190, 10_000, 1, 1).height();
        LegendLayout.Fit full = LegendLayout.fitAt(legend, 190, need * 0.9, 1, 1);
        assertFalse(full.complete(), "the case needs a smaller text");
        LegendLayout.Fit fit = LegendLayout.fit(legend, 190, need * 0.9, 1, LegendLayout.FLOOR);
        assertTrue(fit.complete());
        assertTrue(fit.q() < 1 && fit.q() >= LegendLayout.FLOOR, "q " + fit.q());
        // A wide box takes columns before a smaller text.
        LegendLayout.Fit wide = LegendLayout.fit(legend, 600, need * 0.5, 1, LegendLayout.FLOOR);
        assertTrue(wide.complete() && wide.columns() > 1 && wide.q() == 1, wide.columns() + " × " + wide.q());
    }

    @Test
    void aLegendThatCannotFitIsNamedAndPrintedWholeOnAPageOfItsOwn() throws Exception {
        LoadedProject p = manyLayers(60);
        PrintLayout.Request r = new PrintLayout.Request(template("A4", true, 10_000), ALOUETTES, null, null);
        List<PageFacts> one = PrintJob.pdf(p, r, dir.resolve("one.pdf"));
        assertEquals(1, one.size());
        PageFacts map = one.get(0);
        assertFalse(map.legendMissing().isEmpty(), "60 layers do not fit an A4 panel");
        // Nothing silently dropped: shown + missing = all, and the page says so.
        Set<String> shown = new TreeSet<>();
        for (PageFacts.LegendItem i : map.legend()) shown.add(i.layer());
        assertEquals(60, shown.size() + map.legendMissing().size());
        try (PDDocument doc = Loader.loadPDF(dir.resolve("one.pdf").toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Légende incomplète"), text);
        }
        // The priority order holds: what is shown is the head of the legend.
        assertTrue(shown.contains("Couche d'essai numéro 1"), shown + " missing " + map.legendMissing());

        List<PageFacts> two = PrintJob.pdf(p, r.withLegendPage(true), dir.resolve("two.pdf"));
        assertEquals(2, two.size());
        assertTrue(two.get(1).legendPage());
        assertTrue(two.get(1).legendMissing().isEmpty(), two.get(1).legendMissing().toString());
        assertEquals(60, two.get(1).legend().size());
        try (PDDocument doc = Loader.loadPDF(dir.resolve("two.pdf").toFile())) {
            assertEquals(2, doc.getNumberOfPages());
            assertTrue(new PDFTextStripper().getText(doc).contains("Légende complète page 2"));
        }
    }
}
