package fr.bassinminier.atlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `print --extent`: the extent fills the frame exactly, unless a round scale is asked for. */
class PrintFitCliTest {
    @TempDir
    Path dir;

    private JsonNode page(String... extra) throws Exception {
        String[] base = {"print", "--project", CliTest.demo().toString(), "--out", dir.resolve("p.pdf").toString(),
                "--page", "A4", "--landscape", "--extent", "680000,7030000,697000,7041000", "--json"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliTest.Result r = CliTest.run(args);
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        return Json.MAPPER.readTree(out.substring(out.indexOf('{'))).path("pages").get(0);
    }

    @Test
    void theExtentFillsTheFrameExactlyByDefault() throws Exception {
        JsonNode p = page();
        JsonNode g = p.path("ground_extent");
        double w = g.get(2).asDouble() - g.get(0).asDouble();
        double h = g.get(3).asDouble() - g.get(1).asDouble();
        // One side of the extent meets the frame's edges; the other has room.
        boolean widthFits = Math.abs(w - 17_000) < 1;
        boolean heightFits = Math.abs(h - 11_000) < 1;
        assertTrue(widthFits || heightFits, "ground " + w + " × " + h);
        assertTrue(w >= 17_000 - 1 && h >= 11_000 - 1, "the whole extent shows: " + w + " × " + h);
        assertTrue(p.path("scale").asDouble() % 500 != 0, "not a round scale: " + p.path("scale"));
    }

    @Test
    void roundScaleSnapsToAUsualOne() throws Exception {
        double exact = page().path("scale").asDouble();
        double round = page("--round-scale").path("scale").asDouble();
        assertTrue(round >= exact, round + " ≥ " + exact);
        assertEquals(0, round % 500, "usual scale: " + round);
        assertEquals(25_000, page("--scale", "25000").path("scale").asDouble(), 0.001);
    }
}
