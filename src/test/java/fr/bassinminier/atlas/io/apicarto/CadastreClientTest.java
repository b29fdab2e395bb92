package fr.bassinminier.atlas.io.apicarto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.HttpService;
import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.testsupport.ReplayServer;
import fr.bassinminier.atlas.testsupport.ReplayServer.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CadastreClientTest {
    static Reply apiCarto(Map<String, String> p) {
        String key = p.get("CODE_INSEE") + "-" + p.get("SECTION") + "-" + p.get("NUMERO");
        String file = switch (key) {
            case "29158-AW-0001" -> "apicarto-cadastre-parcelle-29158-AW-0001.json";
            case "41046-AK-0279" -> "apicarto-cadastre-parcelle-41046-AK-0279.json";
            default -> "apicarto-cadastre-parcelle-empty.json";
        };
        return Reply.ok("application/json; charset=utf-8", ReplayServer.resource(file));
    }

    static CadastreClient client(ReplayServer s) {
        return new CadastreClient(s.uri("/api/cadastre"), new HttpService(Duration.ofSeconds(5)));
    }

    @Test
    void parcelsBecomeLambert93OutlinesWithinOnePercentOfTheirContenance() throws Exception {
        try (ReplayServer s = new ReplayServer(CadastreClientTest::apiCarto)) {
            CadastreClient.Result r = client(s).parcels(ParcelRef.parse("29158 AW 1 ; 41046 000 AK 0279"));
            assertEquals(2, r.parcels().size());
            Parcel penmarch = r.parcels().get(0);
            assertEquals("29158000AW0001", penmarch.ref().idu());
            assertEquals("Penmarch", penmarch.commune());
            assertEquals(1968, penmarch.contenance());
            Parcel chaumont = r.parcels().get(1);
            assertEquals(15100, chaumont.contenance());
            for (Parcel p : r.parcels()) {
                double area = p.geometry().getArea();
                System.out.printf("parcelle %s : %.1f m² calculés en Lambert-93, contenance %d m² (écart %.2f %%)%n",
                        p.ref(), area, p.contenance(), 100 * (area - p.contenance()) / p.contenance());
                assertEquals(p.contenance(), area, p.contenance() * 0.01, p.ref().toString());
                // in Lambert-93 metres, in mainland France
                assertTrue(p.geometry().getEnvelopeInternal().getMinX() > 100_000, p.geometry().toText());
                assertTrue(p.geometry().getEnvelopeInternal().getMinY() > 6_000_000, p.geometry().toText());
            }
            assertEquals("/api/cadastre/parcelle", s.requests().get(0).get("PATH"));
            assertEquals("0001", s.requests().get(0).get("NUMERO"));
        }
    }

    @Test
    void anUnknownParcelIsAFrenchErrorNamingIt() throws Exception {
        try (ReplayServer s = new ReplayServer(CadastreClientTest::apiCarto)) {
            ServiceException e = assertThrows(ServiceException.class, () -> client(s).parcels(ParcelRef.parse("62498 AB 123")));
            assertEquals(ServiceException.Problem.NOT_FOUND, e.problem());
            assertTrue(e.getMessage().contains("parcelle 62498 000 AB 0123 introuvable au cadastre"), e.getMessage());
        }
    }

    @Test
    void referencesAreReadAsPermitsWriteThem() {
        assertEquals(List.of("62498000AB0123", "62498000AB0124"),
                ParcelRef.parse("62498 AB 123, 124").stream().map(ParcelRef::idu).toList());
        assertEquals(List.of("62498000AB0123"), ParcelRef.parse("62498 000 AB 0123").stream().map(ParcelRef::idu).toList());
        assertEquals(List.of("62498000AB0123"), ParcelRef.parse("62498000AB0123").stream().map(ParcelRef::idu).toList());
        assertEquals(List.of("62510000AC0012", "62510000AC0013", "62510000AD0007", "621860000A0001"),
                ParcelRef.parse("62510 section AC n° 12 et 13, AD 7 ; 62186 0A 1").stream().map(ParcelRef::idu).toList());
        assertEquals(List.of("621860000A0001"), ParcelRef.parse("62186 A 1").stream().map(ParcelRef::idu).toList(),
                "a one-letter section is written 0A");
        assertEquals(List.of("2A004000AB0001"), ParcelRef.parse("2a004 ab 1").stream().map(ParcelRef::idu).toList());
        assertEquals(1, ParcelRef.parse("62498 AB 123, 123").size(), "duplicates dropped");
        assertEquals("62498 000 AB 0123", ParcelRef.parse("62498 AB 123").get(0).toString());
    }

    @Test
    void unreadableReferencesAreFrenchWithExamples() {
        for (String bad : new String[] {"", "AB 123", "62498 123", "62498 AB", "62498 AB 12345X", "62498 AB 0"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParcelRef.parse(bad), bad);
            assertTrue(e.getMessage().contains("62498 AB 123, 124"), e.getMessage());
        }
    }

    /** By point: Penmarch's parcel for a point in the far west (lon < -4), nothing elsewhere. */
    static Reply byPoint(Map<String, String> p) {
        var m = java.util.regex.Pattern.compile("\\[([-0-9.]+),([-0-9.]+)]").matcher(p.getOrDefault("GEOM", ""));
        boolean west = m.find() && Double.parseDouble(m.group(1)) < -4;
        return Reply.ok("application/json", ReplayServer.resource(west ? "apicarto-cadastre-parcelle-29158-AW-0001.json"
                : "apicarto-cadastre-parcelle-empty.json"));
    }

    @Test
    void theParcelUnderAPointIsAskedWithTheGeomFilterInWgs84() throws Exception {
        org.locationtech.jts.geom.Point inside;
        try (ReplayServer s = new ReplayServer(CadastreClientTest::apiCarto)) {
            inside = client(s).parcels(ParcelRef.parse("29158 AW 1")).parcels().get(0).geometry().getInteriorPoint();
        }
        try (ReplayServer s = new ReplayServer(CadastreClientTest::byPoint)) {
            CadastreClient.Result r = client(s).parcelsAt(inside.getX(), inside.getY());
            assertEquals(1, r.parcels().size());
            assertEquals("29158000AW0001", r.parcels().get(0).ref().idu());
            assertTrue(r.parcels().get(0).geometry().contains(inside));
            // the point sent is the one clicked, longitude first (RFC 7946)
            var m = java.util.regex.Pattern.compile("\\{\"type\":\"Point\",\"coordinates\":\\[([-0-9.]+),([-0-9.]+)]}")
                    .matcher(s.requests().get(0).get("GEOM"));
            assertTrue(m.matches(), s.requests().get(0).get("GEOM"));
            double[] back = fr.bassinminier.atlas.crs.CrsTransforms.between(fr.bassinminier.atlas.model.CrsId.WGS84,
                    fr.bassinminier.atlas.model.CrsId.LAMBERT_93).apply(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
            assertEquals(inside.getX(), back[0], 0.1);
            assertEquals(inside.getY(), back[1], 0.1);
            ServiceException none = assertThrows(ServiceException.class, () -> client(s).parcelsAt(680000, 7041000));
            assertEquals(ServiceException.Problem.NOT_FOUND, none.problem());
            assertTrue(none.getMessage().contains("aucune parcelle cadastrale au point")
                    && none.getMessage().contains("(Lambert-93)"), none.getMessage());
        }
    }
}
