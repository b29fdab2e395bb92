package fr.bassinminier.atlas.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.Formats;
import fr.bassinminier.atlas.io.wfs.WfsTestPages;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.testsupport.ReplayServer;
import fr.bassinminier.atlas.testsupport.ReplayServer.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** refresh: the change summary, and nothing written when the download fails half-way. */
class RefreshCommandTest {
    @TempDir
    Path dir;

    /** The service's current state: objects 2..26 (0 and 1 removed, 25 and 26 new), object 5 renamed; pages of 10. */
    static Reply current(Map<String, String> p) {
        int start = Integer.parseInt(p.getOrDefault("STARTINDEX", "0"));
        int count = Integer.parseInt(p.getOrDefault("COUNT", "10"));
        String page = WfsTestPages.jsonPage(2 + start, Math.min(27, 2 + start + count), 25)
                .replace("\"objet 5\"", "\"objet 5 (renommé)\"");
        return Reply.ok("application/json", page);
    }

    Path kept() throws Exception {
        Path f = dir.resolve("terrils.geojson");
        // the kept copy: objects 0..24 as the service served them before
        String before = WfsTestPages.jsonPage(0, 25, 25).replace("urn:ogc:def:crs:EPSG::2154", "EPSG:2154");
        Files.writeString(f, before);
        return f;
    }

    @Test
    void summarisesAddedRemovedModifiedAndReplacesTheFile() throws Exception {
        Path f = kept();
        try (ReplayServer s = new ReplayServer(RefreshCommandTest::current)) {
            String from = "wfs:" + s.uri("/geoserver/mission_bassin_minier/ows") + "?typeName=mission_bassin_minier:zt_terrils&count=10";
            CliTest.Result dry = CliTest.run("refresh", f.toString(), "--from", from, "--key", "n", "--dry-run");
            assertEquals(0, dry.code(), dry.err());
            assertTrue(dry.out().contains("Changements (clé « n ») : 2 ajoutés, 2 supprimés, 1 modifié, 22 inchangés"), dry.out());
            assertTrue(dry.out().contains("ajoutés : 25, 26"), dry.out());
            assertTrue(dry.out().contains("supprimés : 0, 1"), dry.out());
            assertTrue(dry.out().contains("modifiés : 5"), dry.out());
            assertEquals(25, Formats.read(f).layers().get(0).size(), "dry run writes nothing");

            CliTest.Result r = CliTest.run("refresh", f.toString(), "--from", from, "--key", "n");
            assertEquals(0, r.code(), r.err());
            VectorLayer now = Formats.read(f).layers().get(0);
            assertEquals(25, now.size());
            assertTrue(now.features().stream().anyMatch(x -> "objet 5 (renommé)".equals(x.get("nom"))));
            CliTest.Result again = CliTest.run("refresh", f.toString(), "--from", from, "--key", "n");
            assertTrue(again.out().contains("0 ajouté, 0 supprimé, 0 modifié, 25 inchangés"), again.out());
            assertTrue(again.out().contains("est à jour"), again.out());
        }
    }

    @Test
    void aDownloadThatFailsHalfWayLeavesTheFileAsItWas() throws Exception {
        Path f = kept();
        byte[] before = Files.readAllBytes(f);
        String error = "<?xml version=\"1.0\"?><ows:ExceptionReport xmlns:ows=\"http://www.opengis.net/ows/1.1\"><ows:Exception "
                + "exceptionCode=\"NoApplicableCode\"><ows:ExceptionText>java.sql.SQLException: connection lost</ows:ExceptionText>"
                + "</ows:Exception></ows:ExceptionReport>";
        try (ReplayServer s = new ReplayServer(p -> "10".equals(p.get("STARTINDEX"))
                ? new Reply(500, "text/xml", error.getBytes(StandardCharsets.UTF_8), 0) : current(p))) {
            CliTest.Result r = CliTest.run("refresh", f.toString(), "--from", "wfs:" + s.uri("/ows") + "?typeName=t&count=10",
                    "--key", "n");
            assertEquals(1, r.code());
            assertTrue(r.err().contains("connection lost"), r.err());
            assertTrue(r.err().contains("« terrils.geojson » n'a pas été modifié."), r.err());
            assertArrayEquals(before, Files.readAllBytes(f));
        }
    }

    /** A project whose layer "terrils" reads the kept file, copy dated 2020-01-02, with a key the program does not know. */
    Path project() throws Exception {
        Path p = dir.resolve("projet.atlas.json");
        Files.writeString(p, """
                {"atlas_project": 1, "title": "T", "crs": "EPSG:2154", "custom_key": {"kept": true},
                 "layers": [{"id": "terrils", "title": "Terrils", "source": "terrils.geojson",
                             "provenance": {"producer": "Mission Bassin Minier", "date": "2020-01-02"}},
                            {"id": "autre", "title": "Autre", "source": "autre.geojson",
                             "provenance": {"producer": "X", "date": "2020-01-02"}}]}""");
        return p;
    }

    @Test
    void theProjectsLayerGetsTheDateOfTheNewCopy() throws Exception {
        Path f = kept();
        Path p = project();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString();
        try (ReplayServer s = new ReplayServer(RefreshCommandTest::current)) {
            String from = "wfs:" + s.uri("/ows") + "?typeName=mission_bassin_minier:zt_terrils&count=10";
            CliTest.Result r = CliTest.run("refresh", f.toString(), "--from", from, "--key", "n", "--project", p.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("Provenance datée du " + today + " dans « projet.atlas.json » : terrils."), r.out());
        }
        var project = fr.bassinminier.atlas.io.project.ProjectFile.read(p);
        assertEquals(today, project.layer("terrils").orElseThrow().provenance().date());
        assertEquals("2020-01-02", project.layer("autre").orElseThrow().provenance().date(), "only the layer of that file");
        assertTrue(Files.readString(p).contains("custom_key"), "the rest of the file as written");
    }

    @Test
    void aFailedDownloadLeavesTheProjectsDateAlone() throws Exception {
        Path f = kept();
        Path p = project();
        byte[] before = Files.readAllBytes(p);
        try (ReplayServer s = new ReplayServer(q -> "10".equals(q.get("STARTINDEX"))
                ? new Reply(503, "text/plain", new byte[0], 0) : current(q))) {
            CliTest.Result r = CliTest.run("refresh", f.toString(), "--from", "wfs:" + s.uri("/ows") + "?typeName=t&count=10",
                    "--key", "n", "--project", p.toString());
            assertEquals(1, r.code());
            assertTrue(r.err().contains("HTTP 503"), r.err());
        }
        assertArrayEquals(before, Files.readAllBytes(p));
    }
}
