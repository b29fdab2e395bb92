package fr.bassinminier.atlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrintCommandTest {
    @TempDir
    Path dir;

    private static final String DEMO = Path.of(System.getProperty("atlas.projectDir", "."), "maps",
            "bassin-minier.atlas.json").toString();

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AtlasCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void printsAPdfAndItsLayoutFacts() throws Exception {
        Path pdf = dir.resolve("carte.pdf");
        String[] r = run("print", "--project", DEMO, "--out", pdf.toString(), "--page", "A3", "--landscape",
                "--scale", "25000", "--center", "681000,7038100", "--json");
        assertEquals("0", r[0], r[2]);
        JsonNode j = new ObjectMapper().readTree(r[1]);
        assertEquals(1, j.get("page_count").asInt());
        JsonNode p = j.get("pages").get(0);
        assertEquals(1190.55, p.get("page_size_pt").get(0).asDouble(), 0.01);
        assertEquals(25000, p.get("scale").asDouble());
        assertEquals(4, p.get("frame_pt").size());
        assertEquals(4, p.get("ground_extent").size());
        assertEquals(681000, (p.get("ground_extent").get(0).asDouble() + p.get("ground_extent").get(2).asDouble()) / 2,
                1e-6);
        assertTrue(p.get("legend").size() > 0);
        assertTrue(p.get("legend").get(0).has("layer") && p.get("legend").get(0).has("class"));
        assertTrue(Files.size(pdf) > 1000);
    }

    @Test
    void pngAtADpiAndFrenchErrors() throws Exception {
        Path png = dir.resolve("carte.png");
        String[] r = run("print", "--project", DEMO, "--out", png.toString(), "--dpi", "72", "--page", "A4");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("1 page"), r[1]);
        String[] bad = run("print", "--project", DEMO, "--out", png.toString(), "--page", "B5");
        assertEquals("2", bad[0]);
        assertTrue(bad[2].contains("format de page inconnu"), bad[2]);
        String[] noTemplate = run("print", "--project", DEMO, "--out", png.toString(), "--template", "affiche");
        assertEquals("2", noTemplate[0]);
        assertTrue(noTemplate[2].contains("modèle « affiche » absent"), noTemplate[2]);
        String[] ext = run("print", "--project", DEMO, "--out", dir.resolve("x.svg").toString());
        assertEquals("2", ext[0]);
    }
}
