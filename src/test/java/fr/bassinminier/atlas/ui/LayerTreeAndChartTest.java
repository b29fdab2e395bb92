package fr.bassinminier.atlas.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.project.ProjectLoader;
import fr.bassinminier.atlas.records.RecordsTestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The layer tree wraps long titles and class names within a narrow panel instead of cutting them,
 * and the progress charts keep every axis label inside their bounds.
 */
@ExtendWith(ApplicationExtension.class)
class LayerTreeAndChartTest {
    private static final double TREE_WIDTH = 250;
    private LayerPanel panel;
    private Stage stage;

    @BeforeAll
    static void needsADisplay() {
        WindowTests.needDisplay();
    }

    @Start
    void start(Stage s) throws Exception {
        stage = s;
        MapViewModel vm = new MapViewModel();
        panel = new LayerPanel(vm, id -> { }, id -> { }, id -> { });
        Scene scene = new Scene(panel.view(), TREE_WIDTH, 700);
        scene.getStylesheets().add(LayerPanel.class.getResource("atlas.css").toExternalForm());
        s.setScene(scene);
        // TestFX hands every test class the same stage: an earlier window test left its minimum size.
        s.setMinWidth(0);
        s.setMinHeight(0);
        s.sizeToScene();
        s.show();
        vm.setProject(ProjectLoader.open(Path.of("maps/bassin-minier.atlas.json")), 800, 600);
    }

    private static List<Label> labels(Node root) {
        List<Label> all = new ArrayList<>();
        for (Node n : root.lookupAll(".tree-cell .label")) {
            if (n instanceof Label l && l.isVisible() && l.getText() != null && !l.getText().isEmpty()) all.add(l);
        }
        return all;
    }

    /** The text a label actually shows (cut ones end in "…"), its lines joined. */
    private static String shown(Label l) {
        StringBuilder sb = new StringBuilder();
        for (Node n : l.getChildrenUnmodifiable()) if (n instanceof Text t) sb.append(t.getText());
        return sb.toString().replace("\n", " ").replaceAll("\\s+", " ").trim();
    }

    @Test
    void longTitlesAndClassNamesWrapWithinThePanel(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Shots.save(robot, stage.getScene(), "layer-tree-wrap.png", 200);
        Node tree = panel.view();
        Bounds treeBounds = tree.localToScene(tree.getLayoutBounds());
        Label bulle = null;
        Label shortOne = null;
        for (Label l : labels(tree)) {
            if (l.getText().startsWith("Bulle 2")) bulle = l;
            if (l.getText().equals("Autre ligne")) shortOne = l;
        }
        assertTrue(bulle != null && shortOne != null, "two bus line classes are listed: "
                + labels(tree).stream().map(Label::getText).toList());
        String full = bulle.getText().replaceAll("\\s+", " ");
        assertFalse(shown(bulle).contains("…"), "not cut: " + shown(bulle));
        assertEquals(full, shown(bulle), "the whole class name is shown");
        Bounds b = bulle.localToScene(bulle.getLayoutBounds());
        assertTrue(b.getMaxX() <= treeBounds.getMaxX(), "within the tree: " + b + " in " + treeBounds);
        // Wrapped: taller than a one-line label of the same font.
        assertTrue(bulle.getHeight() > 1.6 * shortOne.getHeight(),
                "two lines or more: " + bulle.getHeight() + " px vs " + shortOne.getHeight() + "; label " + b + " in tree " + treeBounds + ", stage " + stage.getWidth() + ", text " + shown(bulle));
        // Its cell grew with it (not clipped at one line's height).
        Node cell = bulle.getParent();
        while (cell != null && !cell.getStyleClass().contains("tree-cell")) cell = cell.getParent();
        assertTrue(cell != null && cell.getLayoutBounds().getHeight() >= bulle.getHeight(),
                "the cell holds the wrapped label");
        // Every label lies within the panel.
        for (Label l : labels(tree)) {
            Bounds lb = l.localToScene(l.getLayoutBounds());
            assertTrue(lb.getMaxX() <= treeBounds.getMaxX() + 0.5, l.getText() + " " + lb);
            assertFalse(shown(l).contains("…"), "cut: " + shown(l));
        }
    }

    /** A layer's cell tells its title, features and source in a tooltip once the pointer is on it. */
    @Test
    void aLayerCellHasItsTooltipUnderThePointer(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Label title = labels(panel.view()).stream().filter(l -> l.getText().startsWith("Lignes BHNS"))
                .findFirst().orElseThrow();
        Node cell = title.getParent();
        while (!(cell instanceof TreeCell<?>)) cell = cell.getParent();
        TreeCell<?> layerCell = (TreeCell<?>) cell;
        // From off the cell, so that the pointer enters it; the X server's event may come late on a busy machine.
        robot.moveTo(new Point2D(0, 0)).moveTo(title);
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> layerCell.getTooltip() != null);
        } catch (TimeoutException e) {
            // The assertion below says what is missing.
        }
        Tooltip tip = layerCell.getTooltip();
        assertTrue(tip != null && tip.getText().startsWith(title.getText() + "\n"),
                "the layer's tooltip: " + (tip == null ? null : tip.getText()));
        assertTrue(tip.getText().contains("bulles"), "it names the source: " + tip.getText());
    }

    @Test
    void theProgressWindowShowsEveryAxisLabelOfItsCharts(FxRobot robot, @TempDir Path dir) throws Exception {
        RecordsViewModel records = new RecordsViewModel();
        records.publish(records.open(RecordsTestData.copyDemo(dir)));
        Stage[] s = new Stage[1];
        try {
            robot.interact(() -> s[0] = ProgressWindow.show(stage, records, new TaskRunner(m -> { })));
            WaitForAsyncUtils.waitForFxEvents();
            Shots.save(robot, s[0].getScene(), "progress-window.png", 300);
            Node root = s[0].getScene().getRoot();
            int charts = 0;
            int seen = 0;
            for (Node n : root.lookupAll(".progress-chart")) {
                StackedBarChart<?, ?> chart = (StackedBarChart<?, ?>) n;
                Bounds inside = chart.localToScene(chart.getLayoutBounds());
                charts++;
                // Not squeezed by the window (a squeezed axis hides the names that would overlap).
                assertTrue(chart.getHeight() >= chart.getPrefHeight() - 1, chart.getHeight() + " px");
                for (Axis<?> axis : List.of(chart.getXAxis(), chart.getYAxis())) {
                    int shown = 0;
                    for (Node t : axis.getChildrenUnmodifiable()) {
                        if (!(t instanceof Text text) || !text.isVisible() || text.getText().isEmpty()) continue;
                        Bounds tb = text.localToScene(text.getBoundsInLocal());
                        assertTrue(tb.getMinX() >= inside.getMinX() && tb.getMaxX() <= inside.getMaxX()
                                && tb.getMinY() >= inside.getMinY() && tb.getMaxY() <= inside.getMaxY(),
                                "tick label \"" + text.getText() + "\" " + tb + " outside its chart " + inside);
                        shown++;
                    }
                    if (axis instanceof javafx.scene.chart.CategoryAxis c) {
                        assertEquals(c.getCategories().size(), shown, "every group named: " + c.getCategories());
                    }
                    seen += shown;
                }
            }
            assertEquals(2, charts, "by EPCI and by landlord");
            assertTrue(seen >= 10, "tick labels on the four axes: " + seen);
        } finally {
            robot.interact(() -> {
                if (s[0] != null) s[0].close();
            });
            records.close();
        }
    }

}
