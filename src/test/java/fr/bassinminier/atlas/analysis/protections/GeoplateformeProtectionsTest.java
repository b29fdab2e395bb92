package fr.bassinminier.atlas.analysis.protections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.bassinminier.atlas.analysis.TestProjects;
import fr.bassinminier.atlas.analysis.impact.Footprint;
import fr.bassinminier.atlas.analysis.impact.HeritageIndex;
import fr.bassinminier.atlas.analysis.impact.HeritageLayers;
import fr.bassinminier.atlas.analysis.impact.ImpactJson;
import fr.bassinminier.atlas.analysis.impact.ImpactOptions;
import fr.bassinminier.atlas.analysis.impact.ImpactReport;
import fr.bassinminier.atlas.analysis.impact.ImpactText;
import fr.bassinminier.atlas.analysis.impact.OnlineProtections;
import fr.bassinminier.atlas.analysis.impact.ProtectionReport;
import fr.bassinminier.atlas.analysis.impact.ProtectionReport.Kind;
import fr.bassinminier.atlas.analysis.impact.ProtectionReport.Section;
import fr.bassinminier.atlas.analysis.impact.ReportInfo;
import fr.bassinminier.atlas.io.HttpService;
import fr.bassinminier.atlas.io.wfs.WfsClient;
import fr.bassinminier.atlas.testsupport.ReplayServer;
import fr.bassinminier.atlas.testsupport.ReplayServer.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/** The online protections on a replayed Géoplateforme, and what the answer says when it fails. */
class GeoplateformeProtectionsTest {
    /** A 20 m × 20 m footprint in Lens. */
    static final Geometry FOOTPRINT = TestProjects.wkt(
            "POLYGON((686000 7036000, 686020 7036000, 686020 7036020, 686000 7036020, 686000 7036000))");

    /** Synthetic Géoplateforme answers, with the field names of the Géoportail de l'Urbanisme (CNIG standards). */
    static final String SUP = """
            {"type":"FeatureCollection","numberMatched":4,"numberReturned":4,
             "crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2154"}},"features":[
             {"type":"Feature","id":"assiette_sup_s.1","geometry":{"type":"MultiPolygon","coordinates":[[[[685500,7035500],[686010,7035500],[686010,7036500],[685500,7036500],[685500,7035500]]]]},
              "properties":{"suptype":"ac1","typeass":"Périmètre des abords","nomass":"Église Saint-Léger","idgen":"AC1_62498_PA62000123","datesrc":"20200615"}},
             {"type":"Feature","id":"assiette_sup_s.2","geometry":{"type":"Polygon","coordinates":[[[685990,7035990],[686100,7035990],[686100,7036100],[685990,7036100],[685990,7035990]]]},
              "properties":{"suptype":"AC4","typeass":"Site patrimonial remarquable","nomass":"SPR de Lens","idgen":"AC4_62498_1","datesrc":"2019-02-12"}},
             {"type":"Feature","id":"assiette_sup_s.3","geometry":{"type":"Polygon","coordinates":[[[685990,7035990],[686100,7035990],[686100,7036100],[685990,7036100],[685990,7035990]]]},
              "properties":{"suptype":"pm1","typeass":"Zone de danger","nomass":"PPRM","idgen":"PM1_1","datesrc":"2018"}},
             {"type":"Feature","id":"assiette_sup_s.4","geometry":{"type":"Polygon","coordinates":[[[686050,7036050],[686100,7036050],[686100,7036100],[686050,7036100],[686050,7036050]]]},
              "properties":{"suptype":"ac1","typeass":"Périmètre des abords","nomass":"Chevalement du 11","idgen":"AC1_x","datesrc":"20100101"}}
            ]}""";

    static final String PLU = """
            {"type":"FeatureCollection","numberMatched":1,"numberReturned":1,
             "crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2154"}},"features":[
             {"type":"Feature","id":"zone_urba.9","geometry":{"type":"MultiPolygon","coordinates":[[[[685000,7035000],[687000,7035000],[687000,7037000],[685000,7037000],[685000,7035000]]]]},
              "properties":{"libelle":"UA","libelong":"Zone urbaine du centre ancien","typezone":"U","idurba":"62498_PLU_20190212",
                            "datappro":"20190212","urlfic":"https://www.geoportail-urbanisme.gouv.fr/document/62498_PLU_20190212"}}
            ]}""";

    static Reply replay(Map<String, String> p) {
        String type = p.getOrDefault("TYPENAMES", "");
        if (type.equals(GeoplateformeProtections.EASEMENTS)) return Reply.ok("application/json", SUP);
        if (type.equals(GeoplateformeProtections.ZONING)) return Reply.ok("application/json", PLU);
        return new Reply(404, "text/plain", new byte[0], 0);
    }

    static GeoplateformeProtections service(ReplayServer s, long timeoutMs) {
        return new GeoplateformeProtections(new WfsClient(s.uri("/wfs"), null,
                new HttpService(Duration.ofMillis(timeoutMs)), 1000));
    }

    @Test
    void easementsAndZoningTouchedByTheFootprint() throws Exception {
        try (ReplayServer s = new ReplayServer(GeoplateformeProtectionsTest::replay)) {
            ProtectionReport r = service(s, 5000).consult(FOOTPRINT);
            assertTrue(r.allConsulted());
            Section ac1 = r.sections().get(0);
            assertEquals(Kind.AC1, ac1.kind());
            assertEquals(1, ac1.hits().size(), "the chevalement's perimeter is in the box but not touched");
            assertEquals("Église Saint-Léger", ac1.hits().get(0).name());
            assertEquals("AC1_62498_PA62000123", ac1.hits().get(0).act());
            assertEquals(10 * 20, ac1.hits().get(0).overlapArea(), 1e-6);
            assertEquals(0.5, ac1.hits().get(0).share(), 1e-9);
            // The consultation date is the day in France (Paris time), whatever the machine's zone.
            assertEquals(LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString(), ac1.date());
            assertTrue(r.sections().get(1).hits().isEmpty(), "no AC2");
            assertEquals("SPR de Lens", r.sections().get(2).hits().get(0).name());
            assertEquals(400, r.sections().get(2).hits().get(0).overlapArea(), 1e-6);
            Section plu = r.sections().get(3);
            assertEquals("UA, type U", plu.hits().get(0).label());
            assertEquals("62498_PLU_20190212", plu.hits().get(0).act());

            String block = fr.bassinminier.atlas.analysis.impact.ProtectionText.block(r);
            assertTrue(block.contains("Abords de monuments historiques (servitude AC1) : OUI — 1 périmètre touché"), block);
            assertTrue(block.contains("« Église Saint-Léger » (Périmètre des abords), acte ou document AC1_62498_PA62000123, "
                    + "du 15/06/2020 : 200\u00A0m² (50\u00A0% de l'emprise)"), block);
            assertTrue(block.contains("Sites inscrits et classés (servitude AC2) : NON — l'emprise n'en touche aucune"), block);
            assertTrue(block.contains("Zonage du document d'urbanisme (PLU, PLUi) : zone UA, type U"), block);
            assertTrue(block.contains("Source : Géoplateforme (IGN) — Géoportail de l'Urbanisme, WFS wfs_du:zone_urba, consulté le "), block);
            assertFalse(block.contains("NON CONSULTÉ"), block);
            // both asked in Lambert-93 with a box around the footprint
            assertEquals("685999.0,7035999.0,686021.0,7036021.0,urn:ogc:def:crs:EPSG::2154", s.requests().get(0).get("BBOX"));
        }
    }

    /** The demo map's check for the same footprint, to compare the UNESCO part of the answer. */
    private static ImpactReport unesco() throws Exception {
        HeritageIndex index = HeritageIndex.build(HeritageLayers.fromProject(TestProjects.demo()));
        return index.check(new Footprint(FOOTPRINT, "test", "EPSG:2154"), ImpactOptions.DEFAULT);
    }

    @Test
    void failuresSayWhatWasNotConsultedAndLeaveTheUnescoAnswerAsItIs() throws Exception {
        String exception = "<?xml version=\"1.0\"?><ows:ExceptionReport xmlns:ows=\"http://www.opengis.net/ows/1.1\">"
                + "<ows:Exception exceptionCode=\"NoApplicableCode\"><ows:ExceptionText>Internal error</ows:ExceptionText>"
                + "</ows:Exception></ows:ExceptionReport>";
        Function<Map<String, String>, Reply> failing = p -> p.get("TYPENAMES").equals(GeoplateformeProtections.EASEMENTS)
                ? new Reply(500, "text/xml", exception.getBytes(StandardCharsets.UTF_8), 0)
                : new Reply(200, "application/json", PLU.getBytes(StandardCharsets.UTF_8), 3000);
        try (ReplayServer s = new ReplayServer(failing)) {
            long t0 = System.nanoTime();
            ProtectionReport online = service(s, 300).consult(FOOTPRINT);
            assertTrue((System.nanoTime() - t0) / 1e6 < 2500, "no hang");
            assertFalse(online.allConsulted());
            assertEquals(4, online.notConsulted().size());
            Section ac1 = online.sections().get(0);
            assertNull(ac1.date());
            assertTrue(ac1.reason().contains("le service a refusé la requête — NoApplicableCode : Internal error"), ac1.reason());
            assertTrue(online.sections().get(3).reason().contains("pas de réponse au bout de 300 ms"), online.sections().get(3).reason());

            ImpactReport r = unesco();
            ReportInfo info = new ReportInfo("PC 062 498 26 00001", null, LocalDate.of(2026, 12, 3));
            String plain = ImpactText.format(r, info);
            String with = ImpactText.format(r, info, online);
            assertTrue(with.contains("Abords de monuments historiques (servitude AC1) : non consulté (Service « 127.0.0.1:"), with);
            assertTrue(with.contains("NON CONSULTÉ : Abords de monuments historiques (servitude AC1), Sites inscrits et classés "
                    + "(servitude AC2), Sites patrimoniaux remarquables (servitude AC4), Zonage du document d'urbanisme"), with);
            // the UNESCO answer is the same text, the online block only inserted before the sources
            int cut = plain.indexOf("\nSources :");
            assertEquals(plain.substring(0, cut), with.substring(0, cut));
            assertEquals(plain.substring(cut), with.substring(with.indexOf("\nSources :")));

            JsonNode json = new ObjectMapper().readTree(ImpactJson.write(r, info, online));
            JsonNode plainJson = new ObjectMapper().readTree(ImpactJson.write(r, info));
            assertEquals(plainJson.get("situation"), json.get("situation"));
            assertEquals(plainJson.get("summary"), json.get("summary"));
            assertFalse(json.get("online_protections").get("all_consulted").asBoolean());
            assertEquals("[\"ac1\",\"ac2\",\"ac4\",\"plu\"]", json.get("online_protections").get("not_consulted").toString());
            assertTrue(json.get("online_protections").get("ac1").get("touched").isNull());
            assertFalse(plainJson.has("online_protections"));
        }
    }

    @Test
    void offlineEverySectionSaysSo() {
        ProtectionReport r = OnlineProtections.none("mode hors ligne").consult(FOOTPRINT);
        assertEquals(4, r.notConsulted().size());
        assertTrue(r.sections().stream().allMatch(s -> "mode hors ligne".equals(s.reason())));
    }
}
