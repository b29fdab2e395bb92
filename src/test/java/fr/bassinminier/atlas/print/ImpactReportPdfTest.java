package fr.bassinminier.atlas.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.analysis.TestProjects;
import fr.bassinminier.atlas.analysis.impact.FootprintReader;
import fr.bassinminier.atlas.analysis.impact.HeritageIndex;
import fr.bassinminier.atlas.analysis.impact.HeritageLayers;
import fr.bassinminier.atlas.analysis.impact.ImpactOptions;
import fr.bassinminier.atlas.analysis.impact.ImpactReport;
import fr.bassinminier.atlas.analysis.impact.ReportInfo;
import fr.bassinminier.atlas.print.layout.HeritageReport;
import fr.bassinminier.atlas.print.layout.MapFrame;
import fr.bassinminier.atlas.testsupport.GeoData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

class ImpactReportPdfTest {
    @TempDir
    Path dir;

    /** Raster images anywhere on the page: there must be none, the map is vector. */
    private static int images(PDResources res) throws Exception {
        int n = 0;
        if (res == null) return 0;
        for (COSName name : res.getXObjectNames()) {
            PDXObject x = res.getXObject(name);
            if (x instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) n++;
            if (x instanceof PDFormXObject f) n += images(f.getResources());
        }
        return n;
    }

    /** Every font of the page, including those of the map (a form XObject). */
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

    private static void check(Path pdf, String... texts) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages >= 1 && pages <= 2, pages + " pages");
            List<PDFont> all = new ArrayList<>();
            for (PDPage p : doc.getPages()) {
                all.addAll(fonts(p.getResources()));
                assertEquals(0, images(p.getResources()), "the map must be vector, not an image");
            }
            assertFalse(all.isEmpty());
            for (PDFont f : all) assertTrue(f.isEmbedded(), f.getName() + " non incorporée");
            // The map's labels are text too: the form XObject of the map has fonts.
            assertTrue(all.size() > 2, "fonts of the page and of the map: " + all.size());
            String text = new PDFTextStripper().getText(doc);
            for (String t : texts) assertTrue(text.contains(t), "« " + t + " » absent de :\n" + text);
        }
    }

    @Test
    void demoReportWarnsOfIndicativeData() throws Exception {
        HeritageLayers layers = HeritageLayers.fromProject(TestProjects.demo());
        ImpactReport r = HeritageIndex.build(layers).check(FootprintReader.point("50.4320 2.8330", null),
                ImpactOptions.DEFAULT);
        Path pdf = dir.resolve("demo.pdf");
        HeritageReport.write(pdf, r, new ReportInfo("PC 062 498 24 00012", "Anne Martin", LocalDate.of(2026, 11, 24)),
                layers.project());
        check(pdf, "PC 062 498 24 00012", "Bien inscrit", "DONNÉES INDICATIVES", "Anne Martin", "24/11/2026",
                "Zone tampon", "Sources et dates", "Hors du champ de cette vérification", "ne remplace pas l'avis");
        // Written atomically: no temporary file left beside it.
        try (var files = Files.list(dir)) {
            assertEquals(List.of(pdf), files.toList());
        }
    }

    @Test
    void officialDataReport() throws Exception {
        Path root = GeoData.root();
        HeritageLayers layers = HeritageLayers.fromFiles(List.of(GeoData.require("unesco/bien-inscrit.geojson"),
                root.resolve("unesco/zone-tampon.geojson"), root.resolve("unesco/batis.geojson"),
                root.resolve("cites-minieres/cites-minieres-bien-inscrit.geojson"),
                root.resolve("cites-minieres/cites-minieres-zone-tampon.geojson"),
                root.resolve("terrils/terrils-bien-inscrit.geojson"), root.resolve("terrils/terrils-zone-tampon.geojson")));
        ImpactReport r = HeritageIndex.build(layers).check(FootprintReader.wkt("POLYGON((679887.655 7041193.205, "
                + "680087.655 7041193.205, 680087.655 7041393.205, 679887.655 7041393.205, 679887.655 7041193.205))",
                null), ImpactOptions.DEFAULT);
        Path pdf = dir.resolve("officiel.pdf");
        HeritageReport.write(pdf, r, new ReportInfo("PC 062 119 24 00007", null, LocalDate.of(2026, 11, 24)),
                layers.project());
        check(pdf, "PC 062 119 24 00007", "Bien inscrit", "Château Mercier", "Maison directeur des Mines de Béthune",
                "Échelle 1:");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertFalse(new PDFTextStripper().getText(doc).contains("DONNÉES INDICATIVES"));
        }
    }

    @Test
    void manyLayersStillFitTwoPages() throws Exception {
        // The GeoPackage fixture (8 heritage layers, 636 shafts, 1,317 cavalier lines) and the buildings: many
        // kinds of nearest element and many sources; the report is laid out again smaller until it fits.
        HeritageLayers layers = HeritageLayers.fromFiles(List.of(GeoData.require("fixtures/bassin_minier_l93.gpkg"),
                GeoData.require("unesco/batis.geojson")));
        ImpactReport r = HeritageIndex.build(layers).check(FootprintReader.point("50°28'13\"N 2°43'17\"E", null),
                ImpactOptions.DEFAULT);
        Path pdf = dir.resolve("gpkg.pdf");
        HeritageReport.write(pdf, r, new ReportInfo("PC 062 560 24 00031", "A. Martin", LocalDate.of(2026, 11, 24)),
                layers.project());
        check(pdf, "PC 062 560 24 00031", "Bien inscrit", "bassin_minier_l93.gpkg", "GeoPackage");
    }

    @Test
    void scaleBarAndNorthArrowAreExact() {
        // 1:5 000 on paper: 1 pt = 1.764 m; a bar of at most 150 pt (264.6 m) is 250 m.
        assertEquals(250, ScaleBar.niceLength(PageFormat.groundMetresPerPoint(5000), 150), 1e-9);
        assertEquals(200, ScaleBar.niceLength(1, 240), 1e-9);
        assertEquals(1000, ScaleBar.niceLength(10, 100), 1e-9);
        // Meridian convergence in Lambert-93: n (λ0 − λ) with n = sin 46.5°... = 0.7256078, λ0 = 3° E.
        // At Lens (2.833° E) true north leans 0.121° clockwise from grid north.
        double deg = Math.toDegrees(NorthArrow.trueNorthAngle(fr.bassinminier.atlas.model.CrsId.LAMBERT_93,
                688117.392, 7037177.038));
        assertEquals(0.7256078 * (3 - 2.833), deg, 0.002);
        // fitScale picks the smallest usual scale: 500 m on 100 pt needs 1:14 173, so 1:15 000.
        assertEquals(15_000, MapFrame.fitScale(new org.locationtech.jts.geom.Envelope(0, 500, 0, 10), 100, 100));
    }
}
