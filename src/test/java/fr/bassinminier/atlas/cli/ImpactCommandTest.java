package fr.bassinminier.atlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.bassinminier.atlas.testsupport.GeoData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImpactCommandTest {
    @TempDir
    Path dir;

    private static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) out.add(it.next());
        return out;
    }

    @Test
    void jsonKeysAreStable() throws Exception {
        CliTest.Result r = CliTest.run("impact", "--project", CliTest.demo().toString(), "--point",
                "50°25'55\"N 2°49'59\"E", "--json", "--ref", "PC 062 498 24 00012", "--author", "ABF");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(List.of("atlas_impact", "request", "footprint", "situation", "summary", "property", "buffer_zone",
                "elements", "monuments_within_500m", "nearest", "cites", "terrils", "sources", "indicative", "warnings",
                "data_notes", "out_of_scope"), keys(j));
        assertEquals(1, j.path("atlas_impact").asInt());
        assertEquals(List.of("reference", "author", "date", "radius_m"), keys(j.path("request")));
        assertEquals("PC 062 498 24 00012", j.path("request").path("reference").asText());
        assertEquals(List.of("description", "geometry_type", "input_crs", "crs", "area_m2", "length_m", "centroid",
                "centroid_wgs84", "wkt", "notes"), keys(j.path("footprint")));
        assertEquals(List.of("checked", "intersects", "overlap_area_m2", "overlap_length_m", "overlap_share",
                "distance_m", "components", "nearest", "nearby"), keys(j.path("property")));
        assertEquals(List.of("checked", "intersects", "overlap_area_m2", "overlap_length_m", "overlap_share",
                "distance_m"), keys(j.path("buffer_zone")));
        assertEquals(List.of("no_element", "name", "section", "no_section", "overlap_area_m2", "overlap_length_m",
                "distance_m", "layer_id"), keys(j.path("property").path("nearest")));
        List<String> element = List.of("kind", "kind_label", "category", "id", "name", "commune", "perimeter",
                "distance_m", "overlap_area_m2", "monument", "protection", "layer_id");
        assertEquals(element, keys(j.path("nearest").get(0)));
        List<String> cite = new ArrayList<>(element);
        cite.addAll(List.of("renovation_recorded", "renovation", "urban_renewal", "status_date", "status_source",
                "communes"));
        assertEquals(cite, keys(j.path("cites").get(0)));
        assertEquals(List.of("role", "layer_id", "title", "file", "layer", "date", "date_origin", "indicative",
                "attribution", "features", "precision", "simplified", "official_url"), keys(j.path("sources").get(0)));
        // The default map's perimeters are the official ones, in a simplified copy: the JSON says so.
        assertFalse(j.path("indicative").asBoolean());
        assertTrue(j.path("sources").get(0).path("simplified").asBoolean());
        assertTrue(j.path("warnings").get(0).asText().startsWith("Copie simplifiée"), j.path("warnings").toString());
        assertTrue(j.path("property").path("distance_m").isNumber());
        assertTrue(j.path("buffer_zone").path("overlap_share").isNull(), "a point has no area");
    }

    @Test
    void frenchTextByDefault() {
        CliTest.Result r = CliTest.run("impact", "--project", CliTest.demo().toString(), "--point", "688117 7037177",
                "--radius", "1000");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Réponse : l'emprise est "), r.out());
        assertTrue(r.out().contains("Éléments patrimoniaux à moins de 1\u00A0km"), r.out());
        assertTrue(r.out().contains("Hors du champ de cette vérification"), r.out());
    }

    @Test
    void badInputGivesFrenchMessagesAndExitCodes() {
        CliTest.Result r = CliTest.run("impact", "--project", CliTest.demo().toString(), "--point", "abc");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Erreur : Mot inconnu « abc »"), r.err());
        r = CliTest.run("impact", "--project", CliTest.demo().toString(), "--wkt", "POINT(1 2)", "--radius", "-5");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Le rayon doit être compris"), r.err());
        r = CliTest.run("impact", "--data", "/nonexistent/bien.shp", "--point", "688117 7037177");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("introuvable"), r.err());
        r = CliTest.run("impact", "--project", CliTest.demo().toString());
        assertEquals(2, r.code(), "a footprint is required");
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void pdfAndBenchOnTheOfficialData() throws Exception {
        Path bien = GeoData.require("unesco/bien-inscrit.geojson");
        Path zone = GeoData.require("unesco/zone-tampon.geojson");
        Path batis = GeoData.require("unesco/batis.geojson");
        Path pdf = dir.resolve("avis.pdf");
        CliTest.Result r = CliTest.run("impact", "--data", bien.toString(), zone.toString(), batis.toString(),
                "--wkt", "POLYGON((679887.655 7041193.205, 680087.655 7041193.205, 680087.655 7041393.205, "
                        + "679887.655 7041393.205, 679887.655 7041193.205))", "--pdf", pdf.toString(), "--ref", "PC 9",
                "--bench", "20", "--png", dir.resolve("avis.png").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(pdf) > 10_000);
        assertTrue(r.out().contains("Rapport PDF écrit"), r.out());
        // The same pages as PNG images at 150 dpi: one file for one page, numbered files for two.
        int pages;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            pages = doc.getNumberOfPages();
        }
        Path first = pages == 1 ? dir.resolve("avis.png") : dir.resolve("avis-001.png");
        var img = javax.imageio.ImageIO.read(first.toFile());
        assertEquals(1240, img.getWidth());
        assertEquals(1754, img.getHeight());
        assertEquals(pages > 1, Files.exists(dir.resolve("avis-00" + pages + ".png")));
        assertTrue(r.out().contains("Rapport PNG écrit"), r.out());
        assertTrue(r.out().matches("(?s).*bench: vérification \\(20 mesures\\) : médiane [0-9.]+ ms, p95 [0-9.]+ ms.*"),
                r.out());
        assertTrue(r.out().contains("EN PARTIE DANS LE BIEN INSCRIT"), r.out());
    }

    @Test
    void useChoosesTheLayerOfARoleAndRefusesATypo() throws Exception {
        Path gpkg = GeoData.require("fixtures/bassin_minier_l93.gpkg");
        String[] base = {"impact", "--project", CliTest.demo().toString(), "--data", gpkg.toString(), "--point",
                "688117 7037177", "--json"};
        // Without a choice the full-precision file wins over the project's simplified copy…
        JsonNode auto = new ObjectMapper().readTree(CliTest.run(base).out());
        String autoProperty = sourceOf(auto, "bien");
        assertFalse(autoProperty.equals("bien-inscrit"), autoProperty);
        // …and --use puts the simplified copy back, setting the file aside with the reason.
        CliTest.Result r = CliTest.run(concat(base, "--use", "bien=bien-inscrit"));
        assertEquals(0, r.code(), r.err());
        JsonNode chosen = new ObjectMapper().readTree(r.out());
        assertEquals("bien-inscrit", sourceOf(chosen, "bien"));
        assertTrue(chosen.path("data_notes").toString().contains("a été choisie pour ce rôle"),
                chosen.path("data_notes").toString());

        r = CliTest.run(concat(base, "--use", "bien=bien-inscirt"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("« bien-inscirt » ne convient pas au rôle « bien »")
                && r.err().contains("bien-inscrit") && r.err().contains(autoProperty), r.err());
        r = CliTest.run(concat(base, "--use", "chateau=bien-inscrit"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("rôle « chateau » inconnu"), r.err());
    }

    private static String sourceOf(JsonNode j, String role) {
        for (JsonNode s : j.path("sources")) {
            if (s.path("role").asText().equals(role)) return s.path("layer_id").asText();
        }
        return "";
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
