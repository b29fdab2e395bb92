package fr.bassinminier.atlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.bassinminier.atlas.io.project.ProjectLoader;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/**
 * The default map printed as a new user would: A3 and A4 landscape, nothing else asked. Every
 * visible layer is in the legend (read back from `print --json`) and the basin fills the frame.
 */
class PrintLegendFitCliTest {
    private static final Path MAP = Path.of(System.getProperty("atlas.projectDir", "."), "maps",
            "bassin-minier.atlas.json");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"A3", "A4"})
    void everyVisibleLayerIsInTheLegendAndTheBasinFillsTheFrame(String paper) throws Exception {
        CliTest.Result r = CliTest.run("print", "--project", MAP.toString(), "--out", dir.resolve("p.png").toString(),
                "--dpi", "40", "--page", paper, "--landscape", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = Json.MAPPER.readTree(r.out().substring(r.out().indexOf('{')));
        assertEquals(1, root.path("page_count").asInt(), "no legend page needed");
        JsonNode page = root.path("pages").get(0);
        assertTrue(page.path("legend_complete").asBoolean(), page.toString());
        assertTrue(page.path("notice").isMissingNode(), page.path("notice").asText());
        Set<String> inLegend = new TreeSet<>();
        for (JsonNode e : page.path("legend")) inLegend.add(e.path("layer").asText());

        LoadedProject p = ProjectLoader.open(MAP);
        Set<String> visible = new TreeSet<>();
        Envelope basin = null;
        for (ProjectLayer pl : p.layers()) {
            if (!pl.entry().visible()) continue;
            assertTrue(pl.isLoaded(), pl.entry().id() + " : " + pl.error());
            visible.add(pl.entry().title());
            if (pl.entry().title().equals("Bassin minier")) basin = pl.data().bounds();
        }
        assertTrue(visible.size() >= 10, visible.toString());
        assertEquals(visible, inLegend);

        // The basin spans at least 85 % of the frame's ground width or height.
        JsonNode g = page.path("ground_extent");
        double gw = g.get(2).asDouble() - g.get(0).asDouble();
        double gh = g.get(3).asDouble() - g.get(1).asDouble();
        assertTrue(basin != null && !basin.isNull());
        double fill = Math.max(basin.getWidth() / gw, basin.getHeight() / gh);
        assertTrue(fill >= 0.85, paper + " : the basin fills " + Math.round(fill * 100) + " % of the frame");
    }
}
