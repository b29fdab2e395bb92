package fr.bassinminier.atlas.io.wfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.HttpService;
import fr.bassinminier.atlas.io.ResponseCache;
import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.testsupport.ReplayServer;
import fr.bassinminier.atlas.testsupport.ReplayServer.Reply;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

class WfsClientTest {
    static final String JSON = "application/json;charset=UTF-8";
    static final String XML = "text/xml; charset=UTF-8";

    /** A GeoServer-like GeoJSON page of features first..last-1 (squares 10 m apart in Lambert-93). */
    static String jsonPage(int first, int last, Integer matched) {
        StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = first; i < last; i++) {
            double x = 688000 + i * 10;
            double y = 7037000;
            if (i > first) b.append(',');
            b.append("{\"type\":\"Feature\",\"id\":\"t.").append(i).append("\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[")
                    .append(x).append(',').append(y).append("],[").append(x + 5).append(',').append(y).append("],[")
                    .append(x + 5).append(',').append(y + 5).append("],[").append(x).append(',').append(y + 5).append("],[")
                    .append(x).append(',').append(y).append("]]]},\"properties\":{\"n\":").append(i)
                    .append(",\"nom\":\"objet ").append(i).append("\"}}");
        }
        b.append("]");
        if (matched != null) b.append(",\"numberMatched\":").append(matched).append(",\"totalFeatures\":").append(matched);
        b.append(",\"numberReturned\":").append(last - first)
                .append(",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::2154\"}}}");
        return b.toString();
    }

    static Reply pagedJson(Map<String, String> p, int total, boolean sayMatched) {
        int start = Integer.parseInt(p.getOrDefault("STARTINDEX", "0"));
        int count = Integer.parseInt(p.getOrDefault("COUNT", p.getOrDefault("MAXFEATURES", "1000")));
        int end = Math.min(total, start + count);
        return Reply.ok(JSON, jsonPage(Math.min(start, total), end, sayMatched ? total : null));
    }

    static WfsClient client(ReplayServer s, int page, long timeoutMs) {
        return new WfsClient(s.uri("/wfs"), null, new HttpService(Duration.ofMillis(timeoutMs)), page);
    }

    static final String EXCEPTION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ows:ExceptionReport xmlns:ows="
            + "\"http://www.opengis.net/ows/1.1\" version=\"2.0.0\"><ows:Exception exceptionCode=\"InvalidParameterValue\" "
            + "locator=\"typeName\"><ows:ExceptionText>Feature type wfs_sup:inconnu unknown</ows:ExceptionText>"
            + "</ows:Exception></ows:ExceptionReport>";

    @Test
    void readsTheGeoplateformeCapabilities() throws Exception {
        byte[] caps = ReplayServer.resource("geoplateforme-wfs-capabilities.xml");
        try (ReplayServer s = new ReplayServer(p -> Reply.ok(XML, caps))) {
            WfsClient c = client(s, 100, 5000);
            WfsCapabilities wc = c.capabilities();
            assertEquals("2.0.0", wc.version());
            assertEquals(436, wc.featureTypes().size());
            WfsFeatureType sup = wc.featureType("wfs_sup:assiette_sup_s").orElseThrow();
            assertEquals("Assiette de servitude d'utilité publique", sup.title());
            assertEquals("urn:ogc:def:crs:EPSG::4326", sup.defaultCrs());
            assertEquals(-63.28125, sup.wgs84().getMinX(), 1e-9);
            assertEquals(51.27109375, sup.wgs84().getMaxY(), 1e-9);
            assertEquals("Zonage du document d'urbanisme", wc.featureType("zone_urba").orElseThrow().title());
            assertTrue(wc.featureType("CADASTRALPARCELS.PARCELLAIRE_EXPRESS:parcelle").isPresent());
            assertTrue(wc.offersJson(), "no outputFormat listed: GeoJSON is tried");
            Map<String, String> asked = s.requests().get(0);
            assertEquals("GetCapabilities", asked.get("REQUEST"));
            assertEquals("WFS", asked.get("SERVICE"));
        }
    }

    @Test
    void pagingAcrossThreePagesReturnsEveryFeatureOnce() throws Exception {
        try (ReplayServer s = new ReplayServer(p -> pagedJson(p, 25, true))) {
            WfsClient.Result r = client(s, 10, 5000).getFeatures(WfsQuery.of("mbm:zt_terrils"));
            VectorLayer l = r.layer();
            assertEquals(25, l.size());
            assertEquals(25, r.numberMatched());
            assertEquals(3, r.pages());
            assertEquals(3, s.requests().size());
            Set<Integer> ns = new HashSet<>();
            for (Feature f : l.features()) ns.add((Integer) f.get("n"));
            assertEquals(25, ns.size());
            assertEquals(List.of("0", "10", "20"), s.requests().stream().map(m -> m.get("STARTINDEX")).toList());
            Map<String, String> first = s.requests().get(0);
            assertEquals("2.0.0", first.get("VERSION"));
            assertEquals("10", first.get("COUNT"));
            assertEquals("mbm:zt_terrils", first.get("TYPENAMES"));
            assertEquals("urn:ogc:def:crs:EPSG::2154", first.get("SRSNAME"));
            assertEquals("application/json", first.get("OUTPUTFORMAT"));
            assertEquals(CrsId.LAMBERT_93.code(), l.crs().code());
            assertEquals(GeometryType.POLYGON, l.geometryType());
            assertEquals(FieldType.INTEGER, l.schema().field("n").orElseThrow().type());
            assertEquals(25.0 * 25, l.features().stream().mapToDouble(f -> f.geometry().getArea()).sum(), 1e-6);
        }
    }

    @Test
    void pagingWithoutNumberMatchedStopsOnTheShortPage() throws Exception {
        try (ReplayServer s = new ReplayServer(p -> pagedJson(p, 20, false))) {
            WfsClient.Result r = client(s, 10, 5000).getFeatures(WfsQuery.of("t"));
            assertEquals(20, r.layer().size());
            assertEquals(-1, r.numberMatched());
            // pages of 10, 10, then an empty one that says the end
            assertEquals(3, s.requests().size());
        }
    }

    @Test
    void overlappingPagesKeepEachFeatureOnce() throws Exception {
        // An unstable order (no sortBy) may serve a feature on two pages: it is kept once.
        try (ReplayServer s = new ReplayServer(p -> {
            int start = Integer.parseInt(p.get("STARTINDEX"));
            return Reply.ok(JSON, jsonPage(Math.max(0, start - 2), Math.min(24, start + 10), 24));
        })) {
            VectorLayer l = client(s, 10, 5000).getFeatures(WfsQuery.of("t")).layer();
            assertEquals(24 - 0, l.features().stream().map(f -> f.get("n")).distinct().count());
            assertEquals(l.size(), l.features().stream().map(f -> f.get("n")).distinct().count());
        }
    }

    @Test
    void aServerThatIgnoresStartIndexIsAFrenchError() throws Exception {
        try (ReplayServer s = new ReplayServer(p -> Reply.ok(JSON, jsonPage(0, 10, null)))) {
            ServiceException e = assertThrows(ServiceException.class, () -> client(s, 10, 5000).getFeatures(WfsQuery.of("t")));
            assertEquals(ServiceException.Problem.BAD_RESPONSE, e.problem());
            assertTrue(e.getMessage().contains("ignore la pagination"), e.getMessage());
            assertEquals(2, s.requests().size());
        }
    }

    @Test
    void moreFeaturesThanTheLimitIsRefusedNotTruncated() throws Exception {
        try (ReplayServer s = new ReplayServer(p -> pagedJson(p, 500, true))) {
            ServiceException e = assertThrows(ServiceException.class,
                    () -> client(s, 100, 5000).getFeatures(WfsQuery.of("t").withMaxFeatures(120)));
            assertEquals(ServiceException.Problem.TOO_LARGE, e.problem());
            assertTrue(e.getMessage().contains("500 objets correspondent"), e.getMessage());
        }
    }

    static final String GML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:gml="http://www.opengis.net/gml/3.2"
                xmlns:wfs_sup="http://wfs_sup" numberMatched="2" numberReturned="2" timeStamp="2025-09-01T14:07:24Z">
              <wfs:member>
                <wfs_sup:assiette_sup_s gml:id="assiette_sup_s.1">
                  <gml:boundedBy><gml:Envelope srsName="urn:ogc:def:crs:EPSG::2154"><gml:lowerCorner>0 0</gml:lowerCorner><gml:upperCorner>1 1</gml:upperCorner></gml:Envelope></gml:boundedBy>
                  <wfs_sup:suptype>ac1</wfs_sup:suptype>
                  <wfs_sup:nomsuplitt>Abords de l'église Saint-Léger</wfs_sup:nomsuplitt>
                  <wfs_sup:gid>17</wfs_sup:gid>
                  <wfs_sup:the_geom>
                    <gml:MultiSurface srsName="urn:ogc:def:crs:EPSG::2154" srsDimension="2">
                      <gml:surfaceMember><gml:Polygon>
                        <gml:exterior><gml:LinearRing><gml:posList>688000 7037000 688100 7037000 688100 7037100 688000 7037100 688000 7037000</gml:posList></gml:LinearRing></gml:exterior>
                        <gml:interior><gml:LinearRing><gml:posList>688010 7037010 688020 7037010 688020 7037020 688010 7037020 688010 7037010</gml:posList></gml:LinearRing></gml:interior>
                      </gml:Polygon></gml:surfaceMember>
                      <gml:surfaceMember><gml:Polygon>
                        <gml:exterior><gml:LinearRing><gml:posList>688200 7037000 688300 7037000 688300 7037100 688200 7037000</gml:posList></gml:LinearRing></gml:exterior>
                      </gml:Polygon></gml:surfaceMember>
                    </gml:MultiSurface>
                  </wfs_sup:the_geom>
                </wfs_sup:assiette_sup_s>
              </wfs:member>
              <wfs:member>
                <wfs_sup:assiette_sup_s gml:id="assiette_sup_s.2">
                  <wfs_sup:suptype>ac4</wfs_sup:suptype>
                  <wfs_sup:nomsuplitt xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>
                  <wfs_sup:gid>18</wfs_sup:gid>
                  <wfs_sup:the_geom><gml:Point srsName="urn:ogc:def:crs:EPSG::2154"><gml:pos>688050 7037050</gml:pos></gml:Point></wfs_sup:the_geom>
                </wfs_sup:assiette_sup_s>
              </wfs:member>
            </wfs:FeatureCollection>
            """.strip();

    @Test
    void gml32IsTheFallbackWhenGeoJsonIsRefused() throws Exception {
        try (ReplayServer s = new ReplayServer(p -> p.get("OUTPUTFORMAT").contains("json")
                ? new Reply(400, XML, EXCEPTION.replace("typeName", "outputFormat")
                        .replace("Feature type wfs_sup:inconnu unknown", "Unknown output format application/json")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), 0)
                : Reply.ok("application/gml+xml; version=3.2", GML))) {
            WfsClient.Result r = client(s, 100, 5000).getFeatures(WfsQuery.of("wfs_sup:assiette_sup_s"));
            assertEquals("GML 3.2", r.format());
            VectorLayer l = r.layer();
            assertEquals(2, l.size());
            assertEquals(2, r.numberMatched());
            Feature ac1 = l.features().get(0);
            assertEquals("ac1", ac1.get("suptype"));
            assertEquals("Abords de l'église Saint-Léger", ac1.get("nomsuplitt"));
            assertEquals(17, ac1.get("gid"));
            assertEquals("MultiPolygon", ac1.geometry().getGeometryType());
            assertEquals(100 * 100 - 10 * 10 + 100 * 100 / 2.0, ac1.geometry().getArea(), 1e-6);
            assertEquals("Point", l.features().get(1).geometry().getGeometryType());
            assertEquals(null, l.features().get(1).get("nomsuplitt"));
            assertEquals("EPSG:2154", l.crs().code());
            assertTrue(s.requests().get(1).get("OUTPUTFORMAT").contains("gml"));
            // remembered: the next query asks GML straight away
            s.requests().clear();
            WfsClient c = client(s, 100, 5000);
            c.getFeatures(WfsQuery.of("a"));
            c.getFeatures(WfsQuery.of("b"));
            assertEquals(3, s.requests().size());
        }
    }

    @Test
    void gmlInLatitudeLongitudeOrderIsSwapped() throws Exception {
        String gml = GML.replace("urn:ogc:def:crs:EPSG::2154", "urn:ogc:def:crs:EPSG::4326")
                .replace("<gml:pos>688050 7037050</gml:pos>", "<gml:pos>50.432 2.833</gml:pos>");
        try (ReplayServer s = new ReplayServer(p -> Reply.ok(XML, gml))) {
            VectorLayer l = client(s, 100, 5000).getFeatures(WfsQuery.of("t")).layer();
            assertEquals(CrsId.WGS84.code(), l.crs().code());
            assertEquals(2.833, l.features().get(1).geometry().getCoordinate().x, 1e-9);
            assertEquals(50.432, l.features().get(1).geometry().getCoordinate().y, 1e-9);
        }
    }

    @Test
    void anExceptionReportIsOneFrenchMessage() throws Exception {
        try (ReplayServer s = new ReplayServer(p -> new Reply(400, XML, EXCEPTION.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0))) {
            ServiceException e = assertThrows(ServiceException.class,
                    () -> client(s, 100, 5000).getFeatures(WfsQuery.of("wfs_sup:inconnu")));
            assertEquals(ServiceException.Problem.SERVICE_ERROR, e.problem());
            assertEquals("Service « 127.0.0.1:" + s.uri("/").getPort() + " » : GetFeature wfs_sup:inconnu : le service a "
                    + "refusé la requête — InvalidParameterValue (typeName) : Feature type wfs_sup:inconnu unknown", e.getMessage());
        }
    }

    @Test
    void aSlowServiceTimesOutWithAFrenchMessage() throws Exception {
        try (ReplayServer s = new ReplayServer(p -> new Reply(200, JSON, jsonPage(0, 1, 1).getBytes(), 5000))) {
            long t0 = System.nanoTime();
            ServiceException e = assertThrows(ServiceException.class, () -> client(s, 100, 300).getFeatures(WfsQuery.of("t")));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(ServiceException.Problem.TIMEOUT, e.problem());
            assertTrue(e.getMessage().contains("pas de réponse au bout de 300 ms"), e.getMessage());
            assertTrue(ms < 4000, "gave up after " + ms + " ms");
        }
    }

    @Test
    void anUnreachableServiceIsAFrenchMessage() throws Exception {
        URI dead;
        try (ReplayServer s = new ReplayServer(p -> Reply.ok(JSON, "{}"))) {
            dead = s.uri("/wfs");
        }
        WfsClient c = new WfsClient(dead, null, new HttpService(Duration.ofSeconds(2)), 10);
        ServiceException e = assertThrows(ServiceException.class, c::capabilities);
        assertTrue(e.problem() == ServiceException.Problem.UNREACHABLE || e.problem() == ServiceException.Problem.TIMEOUT);
        assertTrue(e.getMessage().startsWith("Service « 127.0.0.1:"), e.getMessage());
        assertFalse(e.getMessage().contains("java."), e.getMessage());
    }

    @Test
    void entitiesInAnAnswerAreRefused() throws Exception {
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<WFS_Capabilities version=\"2.0.0\"><FeatureTypeList><FeatureType><Name>&x;</Name></FeatureType>"
                + "</FeatureTypeList></WFS_Capabilities>";
        try (ReplayServer s = new ReplayServer(p -> Reply.ok(XML, evil))) {
            ServiceException e = assertThrows(ServiceException.class, () -> client(s, 10, 5000).capabilities());
            assertEquals(ServiceException.Problem.BAD_RESPONSE, e.problem());
            assertFalse(e.getMessage().contains("root:"), e.getMessage());
        }
    }

    static final String XSD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:gml="http://www.opengis.net/gml/3.2"
                xmlns:wfs_du="http://wfs_du" targetNamespace="http://wfs_du" elementFormDefault="qualified">
              <xsd:complexType name="zone_urbaType"><xsd:complexContent><xsd:extension base="gml:AbstractFeatureType">
                <xsd:sequence>
                  <xsd:element maxOccurs="1" minOccurs="0" name="gid" nillable="true" type="xsd:int"/>
                  <xsd:element maxOccurs="1" minOccurs="0" name="libelle" nillable="true" type="xsd:string"/>
                  <xsd:element maxOccurs="1" minOccurs="0" name="datappro" nillable="true" type="xsd:date"/>
                  <xsd:element maxOccurs="1" minOccurs="0" name="the_geom" nillable="true" type="gml:MultiSurfacePropertyType"/>
                </xsd:sequence>
              </xsd:extension></xsd:complexContent></xsd:complexType>
              <xsd:element name="zone_urba" substitutionGroup="gml:AbstractFeature" type="wfs_du:zone_urbaType"/>
            </xsd:schema>
            """.strip();

    @Test
    void describeFeatureTypeGivesFieldsAndTheGeometryUsedInFilters() throws Exception {
        try (ReplayServer s = new ReplayServer(p -> "DescribeFeatureType".equals(p.get("REQUEST"))
                ? Reply.ok("application/gml+xml; version=3.2", XSD) : pagedJson(p, 3, true))) {
            WfsClient c = client(s, 100, 5000);
            WfsSchema schema = c.describe("wfs_du:zone_urba");
            assertEquals("the_geom", schema.geometryName());
            assertEquals(GeometryType.MULTIPOLYGON, schema.geometryType());
            assertEquals(List.of("gid", "libelle", "datappro"), schema.schema().fields().stream().map(f -> f.name()).toList());
            assertEquals(FieldType.INTEGER, schema.schema().field("gid").orElseThrow().type());
            assertEquals(FieldType.DATE, schema.schema().field("datappro").orElseThrow().type());

            s.requests().clear();
            Envelope box = new Envelope(688000, 688100, 7037000, 7037100);
            c.getFeatures(WfsQuery.of("wfs_du:zone_urba").withBbox(box).withEquals("typezone", "U"));
            String filter = s.requests().get(0).get("FILTER");
            assertNotNull(filter, s.requests().toString());
            assertTrue(filter.contains("<fes:And>"), filter);
            assertTrue(filter.contains("<fes:ValueReference>typezone</fes:ValueReference><fes:Literal>U</fes:Literal>"), filter);
            assertTrue(filter.contains("<fes:BBOX><fes:ValueReference>the_geom</fes:ValueReference>"), filter);
            assertTrue(filter.contains("<gml:lowerCorner>688000.0 7037000.0</gml:lowerCorner>"), filter);
            assertFalse(s.requests().get(0).containsKey("BBOX"));

            s.requests().clear();
            c.getFeatures(WfsQuery.of("wfs_du:zone_urba").withBbox(box));
            assertEquals("688000.0,7037000.0,688100.0,7037100.0,urn:ogc:def:crs:EPSG::2154", s.requests().get(0).get("BBOX"));
        }
    }

    @Test
    void version110UsesItsOwnParameterNames() throws Exception {
        String caps = "<?xml version=\"1.0\"?><wfs:WFS_Capabilities version=\"1.1.0\" xmlns:wfs=\"http://www.opengis.net/wfs\" "
                + "xmlns:ows=\"http://www.opengis.net/ows\"><ows:ServiceIdentification><ows:Title>MBM</ows:Title></ows:ServiceIdentification>"
                + "<ows:OperationsMetadata><ows:Operation name=\"GetFeature\"><ows:Parameter name=\"outputFormat\">"
                + "<ows:Value>text/xml; subtype=gml/3.1.1</ows:Value><ows:Value>application/json</ows:Value></ows:Parameter>"
                + "</ows:Operation></ows:OperationsMetadata><FeatureTypeList xmlns=\"http://www.opengis.net/wfs\"><FeatureType>"
                + "<Name>mission_bassin_minier:zt_terrils</Name><Title>Terrils</Title><DefaultSRS>EPSG:2154</DefaultSRS>"
                + "</FeatureType></FeatureTypeList></wfs:WFS_Capabilities>";
        try (ReplayServer s = new ReplayServer(p -> "GetCapabilities".equals(p.get("REQUEST")) ? Reply.ok(XML, caps)
                : pagedJson(p, 15, true))) {
            WfsClient c = client(s, 10, 5000);
            WfsCapabilities wc = c.capabilities();
            assertEquals("1.1.0", c.version());
            assertEquals("MBM", wc.title());
            assertEquals(List.of("text/xml; subtype=gml/3.1.1", "application/json"), wc.outputFormats());
            assertEquals("EPSG:2154", wc.featureType("zt_terrils").orElseThrow().defaultCrs());
            assertEquals(15, c.getFeatures(WfsQuery.of("mission_bassin_minier:zt_terrils")).layer().size());
            Map<String, String> p = s.requests().get(1);
            assertEquals("1.1.0", p.get("VERSION"));
            assertEquals("mission_bassin_minier:zt_terrils", p.get("TYPENAME"));
            assertEquals("10", p.get("MAXFEATURES"));
            assertEquals("EPSG:2154", p.get("SRSNAME"));
        }
    }

    @Test
    void answersAreCachedWithTheirDateAndServedOffline(@TempDir Path dir) throws Exception {
        ResponseCache cache = new ResponseCache(dir);
        try (ReplayServer s = new ReplayServer(p -> pagedJson(p, 5, true))) {
            HttpService http = new HttpService(Duration.ofSeconds(5)).withCache(cache);
            WfsClient c = new WfsClient(s.uri("/wfs"), null, http, 100);
            WfsClient.Result online = c.getFeatures(WfsQuery.of("t"));
            assertFalse(online.fromCache());
            http.offline(true);
            WfsClient.Result offline = c.getFeatures(WfsQuery.of("t"));
            assertTrue(offline.fromCache());
            assertEquals(online.fetchedAt(), offline.fetchedAt());
            assertEquals(5, offline.layer().size());
            assertEquals(1, s.requests().size(), "offline: nothing sent");
            ServiceException e = assertThrows(ServiceException.class, () -> c.getFeatures(WfsQuery.of("autre")));
            assertEquals(ServiceException.Problem.OFFLINE, e.problem());
            assertTrue(e.getMessage().contains("mode hors ligne"), e.getMessage());
        }
    }
}
