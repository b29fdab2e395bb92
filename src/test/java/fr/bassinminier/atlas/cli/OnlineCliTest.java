package fr.bassinminier.atlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.bassinminier.atlas.testsupport.ReplayServer;
import fr.bassinminier.atlas.testsupport.ReplayServer.Reply;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** impact --parcel/--online/--offline, info and render on wfs: sources, all against a local replay server. */
class OnlineCliTest {
    static ReplayServer server;
    @TempDir
    Path dir;

    /** An AC1 perimeter and a PLU zone around the replayed Penmarch parcel (29158 AW 1), in Lambert-93. */
    static final String SUP = """
            {"type":"FeatureCollection","numberMatched":1,"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2154"}},
             "features":[{"type":"Feature","id":"assiette_sup_s.1","geometry":{"type":"Polygon","coordinates":[[[100000,6700000],[200000,6700000],[200000,6800000],[100000,6800000],[100000,6700000]]]},
              "properties":{"suptype":"ac1","typeass":"Périmètre des abords","nomass":"Chapelle Notre-Dame-de-la-Joie","idgen":"AC1_29158_1","datesrc":"20170301"}}]}""";
    static final String PLU = """
            {"type":"FeatureCollection","numberMatched":1,"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2154"}},
             "features":[{"type":"Feature","id":"zone_urba.1","geometry":{"type":"Polygon","coordinates":[[[100000,6700000],[200000,6700000],[200000,6800000],[100000,6800000],[100000,6700000]]]},
              "properties":{"libelle":"Nh","libelong":"Zone naturelle habitée","typezone":"N","idurba":"29158_PLU_20210706","datappro":"20210706"}}]}""";

    static Reply replay(Map<String, String> p) {
        if (p.get("PATH").startsWith("/api/cadastre/")) return fr.bassinminier.atlas.io.apicarto.CadastreClientTestSupport.apiCarto(p);
        if ("GetCapabilities".equals(p.get("REQUEST"))) {
            return Reply.ok("text/xml", ReplayServer.resource("geoplateforme-wfs-capabilities.xml"));
        }
        String type = p.getOrDefault("TYPENAMES", "");
        return switch (type) {
            case "wfs_sup:assiette_sup_s" -> Reply.ok("application/json", SUP);
            case "wfs_du:zone_urba" -> Reply.ok("application/json", PLU);
            default -> Reply.ok("application/json", fr.bassinminier.atlas.io.wfs.WfsTestPages.jsonPage(
                    Integer.parseInt(p.getOrDefault("STARTINDEX", "0")),
                    Math.min(30, Integer.parseInt(p.getOrDefault("STARTINDEX", "0")) + Integer.parseInt(p.getOrDefault("COUNT", "1000"))),
                    30));
        };
    }

    @BeforeAll
    static void start() {
        server = new ReplayServer(OnlineCliTest::replay);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    String[] impact(String... more) {
        String[] base = {"impact", "--project", CliTest.demo().toString(), "--cadastre-url", server.uri("/api/cadastre/").toString(),
                "--wfs-url", server.uri("/wfs").toString(), "--cache", dir.resolve("cache").toString(), "--timeout", "5"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void aParcelIsTheFootprintAndTheProtectionsAreConsulted() throws Exception {
        CliTest.Result r = CliTest.run(impact("--parcel", "29158 AW 1", "--json"));
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.path("footprint").path("description").asText().startsWith("parcelle cadastrale 29158 000 AW 0001 (Penmarch)"),
                j.path("footprint").toString());
        assertEquals(1968, j.path("footprint").path("area_m2").asDouble(), 1968 * 0.01);
        assertEquals("hors_perimetres", j.path("situation").asText());
        JsonNode online = j.path("online_protections");
        assertTrue(online.path("all_consulted").asBoolean(), online.toString());
        assertEquals("Chapelle Notre-Dame-de-la-Joie", online.path("ac1").path("items").get(0).path("name").asText());
        assertEquals(1.0, online.path("ac1").path("items").get(0).path("overlap_share").asDouble(), 1e-6);
        assertEquals("Nh, type N", online.path("plu").path("items").get(0).path("label").asText());
        assertFalse(online.path("plu").path("from_cache").asBoolean());

        // offline, the same parcel and protections come from the cache, with their date
        int asked = server.requests().size();
        CliTest.Result off = CliTest.run(impact("--parcel", "29158 AW 1", "--offline"));
        assertEquals(0, off.code(), off.err());
        assertEquals(asked, server.requests().size(), "offline: no request");
        assertTrue(off.out().contains("Abords de monuments historiques (servitude AC1) : OUI — 1 périmètre touché"), off.out());
        assertTrue(off.out().contains("(réponse en cache de cette date : service non joint cette fois)"), off.out());
        assertTrue(off.out().contains("réponse en cache"), off.out());
    }

    @Test
    void offlineWithoutCacheSaysWhatWasNotConsulted() {
        CliTest.Result r = CliTest.run(impact("--point", "50.4320 2.8330", "--offline"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Réponse : "), r.out());
        assertTrue(r.out().contains("NON CONSULTÉ : Abords de monuments historiques (servitude AC1), Sites inscrits et classés "
                + "(servitude AC2), Sites patrimoniaux remarquables (servitude AC4), Zonage du document d'urbanisme (PLU, PLUi)"),
                r.out());
        assertTrue(r.out().contains("non consulté (Service « 127.0.0.1:"), r.out());
        assertTrue(r.out().contains("mode hors ligne"), r.out());
    }

    @Test
    void withoutOnlineOrParcelTheAnswerIsAsBefore() {
        CliTest.Result r = CliTest.run(impact("--point", "50.4320 2.8330"));
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("servitude AC1"), r.out());
    }

    @Test
    void parcelErrorsAreFrench() {
        CliTest.Result unknown = CliTest.run(impact("--parcel", "62498 AB 123"));
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("parcelle 62498 000 AB 0123 introuvable au cadastre"), unknown.err());
        CliTest.Result bad = CliTest.run(impact("--parcel", "62498 AB"));
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("aucun numéro de parcelle"), bad.err());
    }

    @Test
    void aParcelReportPdfHasTheOnlineSections() throws Exception {
        Path pdf = dir.resolve("avis.pdf");
        CliTest.Result r = CliTest.run(impact("--parcel", "29158 AW 1", "--pdf", pdf.toString(), "--ref", "PC 029 158 26 00001"));
        assertEquals(0, r.code(), r.err());
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains("Abords de monuments historiques (servitude AC1)"), text);
            assertTrue(text.contains("Chapelle Notre-Dame-de-la-Joie"), text);
            assertTrue(text.contains("Zonage du document d'urbanisme (PLU, PLUi)"), text);
            assertTrue(text.contains("29158_PLU_20210706"), text);
            assertTrue(text.contains("Source : Géoplateforme (IGN)"), text);
        }
    }

    @Test
    void infoAndRenderTakeAWfsSource() throws Exception {
        CliTest.Result caps = CliTest.run("info", "wfs:" + server.uri("/wfs"), "--timeout", "5");
        assertEquals(0, caps.code(), caps.err());
        assertTrue(caps.out().contains("Couches (436) :"), caps.out());
        assertTrue(caps.out().contains("wfs_du:zone_urba — Zonage du document d'urbanisme"), caps.out());

        CliTest.Result layer = CliTest.run("info", "wfs:" + server.uri("/wfs") + "?typeName=mbm:zt_terrils", "--json",
                "--cache", dir.resolve("c").toString());
        assertEquals(0, layer.code(), layer.err());
        JsonNode j = new ObjectMapper().readTree(layer.out());
        assertEquals(30, j.path("layers").get(0).path("feature_count").asInt());
        assertEquals(30, j.path("layers").get(0).path("number_matched").asInt());
        assertEquals("EPSG:2154", j.path("layers").get(0).path("crs").asText());

        Path png = dir.resolve("wfs.png");
        CliTest.Result render = CliTest.run("render", "wfs:" + server.uri("/wfs") + "?typeName=mbm:zt_terrils", "--out",
                png.toString(), "--width", "300", "--height", "200", "--cache", dir.resolve("c").toString());
        assertEquals(0, render.code(), render.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(300, img.getWidth());

        CliTest.Result dead = CliTest.run("info", "wfs:http://127.0.0.1:9/wfs?typeName=x", "--timeout", "2",
                "--cache", dir.resolve("c").toString());
        assertEquals(1, dead.code());
        assertTrue(dead.err().startsWith("Erreur : Service « 127.0.0.1:9 » : GetFeature x : "), dead.err());
    }
}
