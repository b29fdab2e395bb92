package fr.bassinminier.atlas.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.bassinminier.atlas.analysis.impact.FootprintReader;
import fr.bassinminier.atlas.analysis.impact.HeritageIndex;
import fr.bassinminier.atlas.analysis.impact.HeritageLayers;
import fr.bassinminier.atlas.analysis.impact.ImpactOptions;
import fr.bassinminier.atlas.analysis.impact.ImpactReport;
import fr.bassinminier.atlas.analysis.impact.ImpactText;
import fr.bassinminier.atlas.analysis.impact.ReportInfo;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.print.layout.HeritageReport;
import fr.bassinminier.atlas.records.ProgressReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * With English asked for, the cité panel and the heritage report are English, not half French.
 * With {@code -Datlas.shots=DIR} it saves window-cite-en.png and rapport-en.pdf there.
 */
@ExtendWith(ApplicationExtension.class)
class EnglishWindowTest {
    private AtlasApp app;

    @BeforeAll
    static void english() {
        assumeTrue(System.getenv("DISPLAY") != null || Boolean.getBoolean("testfx.headless"),
                "no display (run under xvfb-run): window test skipped");
        // Constants read at class loading stay French for the other tests of this JVM.
        assertFalse(ProgressReport.CAVEAT.isBlank());
        Messages.useLocale(Locale.ENGLISH);
    }

    @AfterAll
    static void french() {
        Messages.useLocale(Locale.FRANCE);
    }

    @Start
    void start(Stage stage) throws Exception {
        app = AtlasApp.showOn(stage, Optional.of(OfficialMapWindowTest.officialCopy()));
        stage.setWidth(1400);
        stage.setHeight(860);
    }

    @Test
    void theCitePanelAndTheReportAreEnglish(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.mapView().currentImage() != null
                && app.window().records().progressProperty().get() != null);
        robot.clickOn(".search-field").write("genettes");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.window().sidePanel().shownText().contains("Genettes"));
        WaitForAsyncUtils.waitForFxEvents();
        String panel = app.window().sidePanel().shownText();
        assertTrue(panel.contains("Municipalities") && panel.contains("Sources"), panel);
        for (String french : new String[] {"Communes", "Intercommunalité", "Compagnie minière", "Logements",
                "Fiche", "Zoom sur", "À moins de"}) {
            assertFalse(panel.contains(french), "« " + french + " » in the English panel:\n" + panel);
        }
        Shots.save(robot, app.mapView().getScene(), "window-cite-en.png", 1500);
        String dir = System.getProperty("atlas.shots");

        // The README's example footprint, as the heritage window checks it.
        var project = app.viewModel().project();
        ImpactReport r = HeritageIndex.build(HeritageLayers.fromProject(project)).check(FootprintReader.wkt(
                "POLYGON((679888 7041193, 680088 7041193, 680088 7041393, 679888 7041393, 679888 7041193))",
                CrsId.LAMBERT_93), ImpactOptions.DEFAULT);
        String text = ImpactText.format(r, new ReportInfo("PC 062 498 24 00012", "Anne Martin", LocalDate.of(2026, 12, 6)));
        assertTrue(text.contains("Answer: the footprint is"), text);
        for (String french : new String[] {"Réponse", "Emprise", "l'emprise", "Sources :", "Hors du champ", "Zone tampon :"}) {
            assertFalse(text.contains(french), "« " + french + " » in the English report:\n" + text);
        }
        Path pdf = dir != null ? Path.of(dir, "rapport-en.pdf") : Files.createTempFile("rapport-en", ".pdf");
        HeritageReport.write(pdf, r, new ReportInfo("PC 062 498 24 00012", "Anne Martin", LocalDate.of(2026, 12, 6)),
                project);
        try (var doc = Loader.loadPDF(pdf.toFile())) {
            String pages = new PDFTextStripper().getText(doc);
            assertTrue(pages.contains("Heritage check of a project") && pages.contains("Findings"), pages);
            assertFalse(pages.contains("Constat") || pages.contains("Sources et dates"), pages);
        }
        if (dir == null) Files.delete(pdf);
    }
}
