package fr.bassinminier.atlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.bassinminier.atlas.records.RecordsTestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordsCliTest {
    @TempDir
    Path dir;

    @Test
    void helpIsFrench() {
        CliTest.Result r = CliTest.run("records", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Fiches des cités") && r.out().contains("Commandes :"), r.out());
        assertTrue(CliTest.run("records", "import", "--help").out().contains("--dry-run"));
        CliTest.Result bad = CliTest.run("records", "export");
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("Erreur : "), bad.err());
    }

    @Test
    void statsOfTheDemoAsJsonWithStableKeys() throws Exception {
        Path project = RecordsTestData.copyDemo(dir);
        CliTest.Result r = CliTest.run("records", "stats", "--json", "--project", project.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("bassin-minier.records.sqlite", j.path("records_file").asText());
        assertEquals(2, j.path("schema_version").asInt());
        assertEquals(23000, j.path("target").asInt());
        assertEquals(71, j.path("cites").asInt());
        assertEquals(27106, j.path("dwellings").asInt());
        assertEquals(0, j.path("delivered").asInt());
        assertEquals(0, j.path("in_works").asInt());
        assertEquals(89, j.path("programmed").asInt());
        assertEquals(27106 - 89, j.path("to_do").asInt());
        assertEquals(0.0, j.path("delivered_share").asDouble(), 1e-9);
        assertEquals(7000, j.path("reported").path("delivered").asInt());
        assertTrue(j.path("reported").path("source").asText().contains("7 000"));
        assertTrue(j.path("caveat").asText().startsWith("Les fiches ne couvrent"));
        JsonNode epci = j.path("by_epci").get(0);
        for (String k : List.of("name", "cites", "dwellings", "delivered", "in_works", "programmed", "to_do")) {
            assertTrue(epci.has(k), k);
        }
        assertTrue(j.path("by_owner").isArray() && j.path("warnings").isArray());

        CliTest.Result text = CliTest.run("records", "stats", "--project", project.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("sans opération") && text.out().contains("environ 7 000") && text.out().contains("Par EPCI"), text.out());
        System.out.println(text.out());
    }

    @Test
    void exportEditImportFromTheCommandLine() throws Exception {
        Path project = RecordsTestData.copyDemo(dir);
        Path xlsx = dir.resolve("fiches.xlsx");
        CliTest.Result ex = CliTest.run("records", "export", "--xlsx", xlsx.toString(), "--project", project.toString());
        assertEquals(0, ex.code(), ex.err());
        assertTrue(ex.out().startsWith("Fiches exportées : 71 cités, 1 tranches, 7 travaux urbains."), ex.out());
        CliTest.Result same = CliTest.run("records", "import", xlsx.toString(), "--project", project.toString(),
                "--user", "Claire");
        assertEquals(0, same.code(), same.err());
        assertTrue(same.out().contains("Aucune modification"), same.out());

        Path csv = dir.resolve("fiches.csv");
        assertEquals(0, CliTest.run("records", "export", "--csv", csv.toString(), "--project", project.toString()).code());
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        Files.writeString(csv, text.replace("Cité de la Victoire;Houdain / Haillicourt;Artois Comm;Maisons et Cités;822",
                "Cité de la Victoire;Houdain / Haillicourt;Artois Comm;Maisons et Cités;830"), StandardCharsets.UTF_8);
        CliTest.Result dry = CliTest.run("records", "import", csv.toString(), "--dry-run", "--project", project.toString(),
                "--user", "Claire");
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains("cité mbm-1 « Cité de la Victoire »") && dry.out().contains("« 822 » → « 830 »")
                && dry.out().contains("rien n'a été enregistré"), dry.out());
        CliTest.Result done = CliTest.run("records", "import", csv.toString(), "--project", project.toString(),
                "--user", "Claire");
        assertEquals(0, done.code(), done.err());
        assertTrue(done.out().contains("Import enregistré") && done.out().contains("« Claire »"), done.out());
        assertTrue(CliTest.run("records", "import", csv.toString(), "--project", project.toString(), "--user", "Claire")
                .out().contains("Aucune modification"));

        Files.writeString(csv, "id;logements\r\nmbm-1;-5\r\n;3\r\n");
        CliTest.Result bad = CliTest.run("records", "import", csv.toString(), "--project", project.toString(),
                "--user", "Claire");
        assertEquals(1, bad.code());
        assertTrue(bad.out().contains("ligne 2 : logements : nombre de logements négatif (-5)"), bad.out());
        assertTrue(bad.out().contains("ligne 3 : identifiant de cité (id) manquant"), bad.out());
        assertTrue(bad.err().contains("rien n'a été modifié"), bad.err());
        assertFalse(bad.err().contains("Exception"), bad.err());
    }
}
