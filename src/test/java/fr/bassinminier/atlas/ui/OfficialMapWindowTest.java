package fr.bassinminier.atlas.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.model.Feature;
import java.awt.geom.Point2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on the map users open — the official data — gives the official answers. With
 * {@code -Datlas.shots=DIR} it also saves the screenshots of README and docs/.
 */
@ExtendWith(ApplicationExtension.class)
class OfficialMapWindowTest {
    private AtlasApp app;

    @BeforeAll
    static void needsADisplay() {
        WindowTests.needDisplay();
    }

    /** A copy of maps/ and styles/: the records database the window creates stays out of the repository. */
    static Path officialCopy() throws java.io.IOException {
        Path src = Path.of(System.getProperty("atlas.projectDir", "."));
        Path dir = Files.createTempDirectory("atlas-officiel");
        for (String sub : new String[] {"maps", "styles"}) {
            try (var files = Files.walk(src.resolve(sub))) {
                for (Path p : files.toList()) {
                    if (p.getFileName().toString().contains(".records.sqlite")) continue;
                    Path to = dir.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(to);
                    else Files.copy(p, to);
                }
            }
        }
        return dir.resolve("maps").resolve("bassin-minier.atlas.json");
    }

    @Start
    void start(Stage stage) throws Exception {
        app = AtlasApp.showOn(stage, Optional.of(officialCopy()));
        stage.setWidth(1400);
        stage.setHeight(860);
    }

    private void waitForMap() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.mapView().currentImage() != null
                && app.window().records().progressProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shot(FxRobot robot, Node node, String name) throws Exception {
        Shots.save(robot, node.getScene(), name, 1500); // the render after the last view change
    }

    private String check(FxRobot robot, List<Point2D> pts) throws Exception {
        robot.interact(() -> app.window().impact().checkDrawn(pts));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !app.window().impact().answerText().isBlank());
        WaitForAsyncUtils.waitForFxEvents();
        return app.window().impact().answerText();
    }

    @Test
    void theMapOpensOnTheOfficialDataWithItsIndicativeLayersNamed(FxRobot robot) throws Exception {
        waitForMap();
        assertTrue(app.viewModel().project().layer("bien-inscrit").orElseThrow().entry().provenance().isKnown());
        shot(robot, app.mapView(), "window-default.png");
    }

    @Test
    void theTempleProtestantOfLievinIsInTheProperty(FxRobot robot) throws Exception {
        waitForMap();
        Feature temple = app.viewModel().project().layer("batis").orElseThrow().data().features().stream()
                .filter(f -> f.text("nom").contains("Temple") && f.text("commune_1").toUpperCase(Locale.ROOT)
                        .contains("LIEVIN") || f.text("nom").contains("Temple") && f.text("commune_1").contains("LIÉVIN"))
                .findFirst().orElseThrow();
        var c = temple.geometry().getInteriorPoint().getCoordinate();
        String answer = check(robot, List.of(new Point2D.Double(c.x, c.y)));
        assertTrue(answer.contains("DANS LE BIEN"), answer);
        assertTrue(answer.contains("72"), answer);
        assertFalse(answer.contains("DONNÉES INDICATIVES"), answer);
        shot(robot, app.window().impact().answerNode(), "impact-temple-lievin.png");
    }

    @Test
    void theReadmeExampleFootprintGetsTheOfficialAnswer(FxRobot robot) throws Exception {
        waitForMap();
        String answer = check(robot, List.of(new Point2D.Double(679888, 7041193), new Point2D.Double(680088, 7041193),
                new Point2D.Double(680088, 7041393), new Point2D.Double(679888, 7041393)));
        assertTrue(answer.contains("Réponse : l'emprise est"), answer);
        assertTrue(answer.contains("Copie simplifiée"), answer);
        shot(robot, app.mapView(), "impact-window.png");
    }

    @Test
    void searchingGenettesShowsTheOfficialCiteWithItsRecord(FxRobot robot) throws Exception {
        waitForMap();
        robot.clickOn(".search-field").write("genettes");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.window().sidePanel().shownText().contains("Genettes"));
        String panel = app.window().sidePanel().shownText();
        assertTrue(panel.contains("Cité des Genettes"), panel);
        assertTrue(panel.contains("618"), "the record of the 2016 report is linked: " + panel);
        assertFalse(panel.contains("#"), panel);
        shot(robot, app.mapView(), "window-cite.png");
    }
}
