package fr.bassinminier.atlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AtlasCommand.run(args, new PrintWriter(out), new PrintWriter(err), DevMain.commands());
        return new Result(code, out.toString(), err.toString());
    }

    static Path demo() {
        return Path.of(System.getProperty("atlas.projectDir", "."), "maps", "bassin-minier.atlas.json");
    }

    @Test
    void helpIsFrench() {
        Result r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Utilisation : "), r.out());
        assertTrue(r.out().contains("Commandes :"), r.out());
        assertTrue(run("info", "--help").out().contains("Décrit les couches"));
    }

    @Test
    void versionNamesTheProgram() {
        assertTrue(run("--version").out().contains("Atlas du Bassin Minier"));
    }

    @Test
    void infoJsonHasStableKeys() throws Exception {
        Path f = dir.resolve("p.geojson");
        Files.writeString(f, """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"nom":"Liévin","n":1},"geometry":{"type":"Point","coordinates":[2.78,50.42]}}]}""");
        Result r = run("info", f.toString(), "--json", "--sample", "1", "--crs", "EPSG:2154");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("GeoJSON", j.path("format").asText());
        JsonNode l = j.path("layers").get(0);
        assertEquals("p", l.path("name").asText());
        assertEquals("Point", l.path("geometry_type").asText());
        assertEquals("EPSG:4326", l.path("crs").asText());
        assertEquals("EPSG:2154", l.path("output_crs").asText());
        assertEquals(1, l.path("feature_count").asInt());
        assertTrue(l.path("bounds").get(0).asDouble() > 600000, "bounds reprojected");
        assertEquals("nom", l.path("fields").get(0).path("name").asText());
        assertEquals("string", l.path("fields").get(0).path("type").asText());
        assertEquals("Liévin", l.path("features").get(0).path("attributes").path("nom").asText());
        assertTrue(l.path("features").get(0).path("wkt").asText().startsWith("POINT (6"));
    }

    @Test
    void infoOnAMissingFileIsAFrenchErrorWithoutStackTrace() {
        Result r = run("info", dir.resolve("absent.shp").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("absent.shp") && r.err().contains("introuvable"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void unknownCrsOptionIsRefused() throws Exception {
        Path f = dir.resolve("p.geojson");
        Files.writeString(f, "{\"type\":\"FeatureCollection\",\"features\":[]}");
        Result r = run("info", f.toString(), "--crs", "EPSG:123456789");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("inconnu"), r.err());
    }

    @Test
    void infoOnTheDemoProjectListsItsLayers() throws Exception {
        Result r = run("info", demo().toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        // Two layers (Bulles, Chaîne des Parcs) have no open source: the project says it has indicative ones.
        assertTrue(j.path("indicative").asBoolean());
        assertEquals(15, j.path("layers").size());
        for (JsonNode l : j.path("layers")) {
            assertFalse(l.has("error"), l.toString());
            assertEquals("EPSG:2154", l.path("crs").asText());
        }
    }

    @Test
    void renderWritesAPngOfTheAskedSize() throws Exception {
        Path png = dir.resolve("carte.png");
        Result r = run("render", demo().toString(), "--out", png.toString(), "--width", "640", "--height", "400");
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(640, img.getWidth());
        assertEquals(400, img.getHeight());
    }

    @Test
    void renderBboxInWgs84() throws Exception {
        Path png = dir.resolve("lens.png");
        Result r = run("render", demo().toString(), "--out", png.toString(), "--width", "300", "--height", "300",
                "--bbox", "2.75,50.40,2.90,50.47", "--crs", "EPSG:4326");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("échelle 1:"), r.out());
    }

    @Test
    void malformedBboxIsExplained() {
        Result r = run("render", demo().toString(), "--out", dir.resolve("x.png").toString(), "--bbox", "1,2,trois,4");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("« trois » n'est pas un nombre"), r.err());
    }
}
