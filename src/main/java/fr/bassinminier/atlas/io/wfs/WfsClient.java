package fr.bassinminier.atlas.io.wfs;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.HttpService;
import fr.bassinminier.atlas.io.HttpService.Answer;
import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.io.ServiceException.Problem;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.VectorLayer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A WFS 2.0.0 / 1.1.0 client over KVP GET: capabilities, DescribeFeatureType, and GetFeature
 * in GeoJSON (what GeoServer — the Géoplateforme, geo2france — serves fastest) with GML as the
 * fallback when the server refuses or ignores the JSON output format; BBOX and attribute
 * filters; paging with count/startIndex until numberMatched, each feature kept once. Every
 * failure is one French {@link ServiceException} naming the service and the request.
 */
public final class WfsClient {
    public static final String V2 = "2.0.0";
    public static final String V1_1 = "1.1.0";
    public static final int DEFAULT_PAGE = 1000;

    private final URI endpoint;
    private final HttpService http;
    private final int pageSize;
    private volatile String version;
    private volatile WfsCapabilities capabilities;
    private volatile boolean jsonRefused;
    private final Map<String, WfsSchema> schemas = new HashMap<>();

    /**
     * @param endpoint the service address, with or without a query ("https://data.geopf.fr/wfs")
     * @param version  "2.0.0", "1.1.0", or null to take the server's from its capabilities (2.0.0 until then)
     */
    public WfsClient(URI endpoint, String version, HttpService http, int pageSize) {
        this.endpoint = endpoint;
        this.version = version == null ? V2 : version;
        this.http = http;
        this.pageSize = pageSize > 0 ? pageSize : DEFAULT_PAGE;
    }

    public WfsClient(URI endpoint, Duration timeout) {
        this(endpoint, null, new HttpService(timeout), DEFAULT_PAGE);
    }

    public URI endpoint() {
        return endpoint;
    }

    public String version() {
        return version;
    }

    /** A GetFeature result: the layer, how many the server said match, pages fetched, and the answer's date. */
    public record Result(VectorLayer layer, long numberMatched, int pages, String format, Instant fetchedAt,
                         boolean fromCache) {
    }

    /** GetCapabilities, negotiating 2.0.0 then 1.1.0; remembered. */
    public WfsCapabilities capabilities() throws ServiceException {
        WfsCapabilities c = capabilities;
        if (c != null) return c;
        Map<String, String> p = new LinkedHashMap<>();
        p.put("SERVICE", "WFS");
        p.put("REQUEST", "GetCapabilities");
        p.put("ACCEPTVERSIONS", V2 + "," + V1_1);
        URI uri = HttpService.withQuery(endpoint, p);
        Answer a = http.get(uri, "GetCapabilities");
        try {
            XMLStreamReader r = WfsXml.open(a.body());
            String root = WfsXml.root(r);
            if (WfsXml.isExceptionReport(root)) throw refused(uri, "GetCapabilities", WfsXml.exceptionReport(r));
            if (!"WFS_Capabilities".equals(root)) {
                throw new ServiceException(uri, Problem.BAD_RESPONSE, Localization.text("io.getcapabilitiesAnswerInsteadWfs", root));
            }
            c = WfsCapabilities.read(r);
        } catch (XMLStreamException | RuntimeException e) {
            throw badXml(uri, "GetCapabilities", e);
        }
        if (V1_1.equals(c.version()) || V2.equals(c.version())) version = c.version();
        capabilities = c;
        return c;
    }

    /** DescribeFeatureType: fields and geometry property of a type; remembered. */
    public WfsSchema describe(String typeName) throws ServiceException {
        synchronized (schemas) {
            WfsSchema s = schemas.get(typeName);
            if (s != null) return s;
        }
        Map<String, String> p = base("DescribeFeatureType");
        p.put(V2.equals(version) ? "TYPENAMES" : "TYPENAME", typeName);
        URI uri = HttpService.withQuery(endpoint, p);
        Answer a = http.get(uri, "DescribeFeatureType " + typeName);
        WfsSchema s;
        try {
            XMLStreamReader r = WfsXml.open(a.body());
            String root = WfsXml.root(r);
            if (WfsXml.isExceptionReport(root)) throw refused(uri, "DescribeFeatureType " + typeName, WfsXml.exceptionReport(r));
            s = WfsSchema.read(typeName, r);
        } catch (XMLStreamException | RuntimeException e) {
            throw badXml(uri, "DescribeFeatureType " + typeName, e);
        }
        synchronized (schemas) {
            schemas.put(typeName, s);
        }
        return s;
    }

    /** GetFeature, every page, as one layer in the query's CRS. */
    public Result getFeatures(WfsQuery q) throws ServiceException {
        String geometryName = null;
        if (q.bbox() != null && !q.equals().isEmpty()) {
            // A FILTER that holds a BBOX names the geometry property on most servers.
            try {
                geometryName = describe(q.typeName()).geometryName();
            } catch (ServiceException e) {
                geometryName = null;
            }
        }
        String what = "GetFeature " + q.typeName();
        List<FeaturePage.Item> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long matched = -1;
        int pages = 0;
        long start = 0;
        CrsId crs = null;
        String format = null;
        Instant oldest = null;
        boolean fromCache = false;
        while (true) {
            int count = (int) Math.min(pageSize, (long) q.maxFeatures() + 1 - items.size());
            Page page = page(q, geometryName, start, count);
            pages++;
            format = page.format;
            fromCache |= page.answer.fromCache();
            if (oldest == null || page.answer.fetchedAt().isBefore(oldest)) oldest = page.answer.fetchedAt();
            if (crs == null) crs = page.data.crs();
            if (matched < 0 && page.data.numberMatched() >= 0) matched = page.data.numberMatched();
            if (matched > q.maxFeatures()) throw tooMany(page.uri, what, matched, q.maxFeatures());
            int fresh = 0;
            int i = 0;
            for (FeaturePage.Item it : page.data.items()) {
                String key = it.id() != null ? it.id() : "#" + (start + i);
                i++;
                if (seen.add(key)) {
                    items.add(it);
                    fresh++;
                }
            }
            if (items.size() > q.maxFeatures()) throw tooMany(page.uri, what, items.size(), q.maxFeatures());
            int got = page.data.items().size();
            if (got == 0) break;
            start += got;
            if (matched >= 0 ? start >= matched : got < count) break;
            if (fresh == 0) {
                throw new ServiceException(page.uri, Problem.BAD_RESPONSE, Localization.text("io.pageFeatureHoldsOnly", what, (start - got + 1)));
            }
            if (pages > 10_000) throw new ServiceException(page.uri, Problem.BAD_RESPONSE, Localization.text("io.endlessPaging", what));
        }
        VectorLayer layer = layer(q.typeName(), crs != null ? crs : q.crs(), items);
        return new Result(layer, matched, pages, format, oldest, fromCache);
    }

    private record Page(URI uri, FeaturePage data, String format, Answer answer) {
    }

    private Page page(WfsQuery q, String geometryName, long start, int count) throws ServiceException {
        String what = "GetFeature " + q.typeName();
        boolean json = !jsonRefused && (capabilities == null || capabilities.offersJson());
        URI uri = HttpService.withQuery(endpoint, getFeatureParams(q, geometryName, start, count, json));
        Answer a = http.get(uri, what);
        try {
            if (!a.isXml()) {
                if (a.status() / 100 != 2) {
                    throw new ServiceException(uri, Problem.HTTP_ERROR, Localization.text("io.serviceAnsweredHttp", what, a.status()));
                }
                return new Page(uri, GeoJsonPageReader.read(a.body()), "GeoJSON", a);
            }
            XMLStreamReader r = WfsXml.open(a.body());
            String root = WfsXml.root(r);
            if (WfsXml.isExceptionReport(root)) {
                String report = WfsXml.exceptionReport(r);
                if (json && report.toLowerCase(Locale.ROOT).replace(" ", "").contains("outputformat")) {
                    jsonRefused = true; // this server has no GeoJSON: GML from now on
                    return page(q, geometryName, start, count);
                }
                throw refused(uri, what, report);
            }
            if (!"FeatureCollection".equals(root)) {
                throw new ServiceException(uri, Problem.BAD_RESPONSE, Localization.text("io.answerInsteadFeatureCollection", what, root));
            }
            return new Page(uri, GmlFeatureReader.read(r), V2.equals(version) ? "GML 3.2" : "GML 3.1.1", a);
        } catch (IOException e) {
            throw new ServiceException(uri, Problem.BAD_RESPONSE, Localization.text("io.unreadableGeojsonAnswer", what, e.getMessage()), e);
        } catch (XMLStreamException | RuntimeException e) {
            throw badXml(uri, what, e);
        }
    }

    Map<String, String> getFeatureParams(WfsQuery q, String geometryName, long start, int count, boolean json) {
        boolean v2 = V2.equals(version);
        Map<String, String> p = base("GetFeature");
        p.put(v2 ? "TYPENAMES" : "TYPENAME", q.typeName());
        p.put("SRSNAME", srsName(q.crs(), v2));
        if (json) p.put("OUTPUTFORMAT", "application/json");
        else p.put("OUTPUTFORMAT", v2 ? "application/gml+xml; version=3.2" : "text/xml; subtype=gml/3.1.1");
        p.put(v2 ? "COUNT" : "MAXFEATURES", Integer.toString(count));
        p.put("STARTINDEX", Long.toString(start));
        if (!q.equals().isEmpty()) {
            p.put("FILTER", v2 ? fes20(q, geometryName) : filter11(q, geometryName));
        } else if (q.bbox() != null) {
            Envelope b = q.bbox();
            p.put("BBOX", b.getMinX() + "," + b.getMinY() + "," + b.getMaxX() + "," + b.getMaxY() + ","
                    + srsName(q.crs(), v2));
        }
        return p;
    }

    private Map<String, String> base(String request) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("SERVICE", "WFS");
        p.put("VERSION", version);
        p.put("REQUEST", request);
        return p;
    }

    /** Projected CRSs in URN form (axis order east, north either way). */
    static String srsName(CrsId crs, boolean v2) {
        if (!crs.isKnown()) return crs.code();
        return v2 ? "urn:ogc:def:crs:EPSG::" + crs.epsgCode() : "EPSG:" + crs.epsgCode();
    }

    private static String fes20(WfsQuery q, String geometryName) {
        StringBuilder b = new StringBuilder("<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\" "
                + "xmlns:gml=\"http://www.opengis.net/gml/3.2\">");
        int terms = q.equals().size() + (q.bbox() != null ? 1 : 0);
        if (terms > 1) b.append("<fes:And>");
        q.equals().forEach((k, v) -> b.append("<fes:PropertyIsEqualTo><fes:ValueReference>").append(esc(k))
                .append("</fes:ValueReference><fes:Literal>").append(esc(v)).append("</fes:Literal></fes:PropertyIsEqualTo>"));
        if (q.bbox() != null) {
            b.append("<fes:BBOX>");
            if (geometryName != null) b.append("<fes:ValueReference>").append(esc(geometryName)).append("</fes:ValueReference>");
            b.append(envelope(q, "urn:ogc:def:crs:EPSG::" + q.crs().epsgCode())).append("</fes:BBOX>");
        }
        if (terms > 1) b.append("</fes:And>");
        return b.append("</fes:Filter>").toString();
    }

    private static String filter11(WfsQuery q, String geometryName) {
        StringBuilder b = new StringBuilder("<ogc:Filter xmlns:ogc=\"http://www.opengis.net/ogc\" "
                + "xmlns:gml=\"http://www.opengis.net/gml\">");
        int terms = q.equals().size() + (q.bbox() != null ? 1 : 0);
        if (terms > 1) b.append("<ogc:And>");
        q.equals().forEach((k, v) -> b.append("<ogc:PropertyIsEqualTo><ogc:PropertyName>").append(esc(k))
                .append("</ogc:PropertyName><ogc:Literal>").append(esc(v)).append("</ogc:Literal></ogc:PropertyIsEqualTo>"));
        if (q.bbox() != null) {
            b.append("<ogc:BBOX>");
            if (geometryName != null) b.append("<ogc:PropertyName>").append(esc(geometryName)).append("</ogc:PropertyName>");
            b.append(envelope(q, "EPSG:" + q.crs().epsgCode())).append("</ogc:BBOX>");
        }
        if (terms > 1) b.append("</ogc:And>");
        return b.append("</ogc:Filter>").toString();
    }

    private static String envelope(WfsQuery q, String srs) {
        Envelope e = q.bbox();
        return "<gml:Envelope srsName=\"" + srs + "\"><gml:lowerCorner>" + e.getMinX() + " " + e.getMinY()
                + "</gml:lowerCorner><gml:upperCorner>" + e.getMaxX() + " " + e.getMaxY()
                + "</gml:upperCorner></gml:Envelope>";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static ServiceException refused(URI uri, String what, String report) {
        return new ServiceException(uri, Problem.SERVICE_ERROR, Localization.text("io.serviceRefusedRequest", what, report));
    }

    private static ServiceException badXml(URI uri, String what, Exception e) {
        if (e instanceof ServiceException se) return se;
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ");
        return new ServiceException(uri, Problem.BAD_RESPONSE, Localization.text("io.unreadableXmlAnswer", what, m), e);
    }

    private static ServiceException tooMany(URI uri, String what, long matched, int max) {
        return new ServiceException(uri, Problem.TOO_LARGE, Localization.text("io.featuresMatchMoreThan", what, matched, max));
    }

    /** Fields in order of first appearance, typed by their values (GML text that reads as numbers becomes numbers). */
    static VectorLayer layer(String name, CrsId crs, List<FeaturePage.Item> items) {
        Map<String, FieldType> types = new LinkedHashMap<>();
        for (FeaturePage.Item it : items) {
            it.properties().forEach((k, v) -> {
                FieldType seen = typeOf(v);
                FieldType known = types.get(k);
                types.put(k, known == null ? seen : seen == null ? known : widen(known, seen));
            });
        }
        List<Field> fields = new ArrayList<>();
        types.forEach((k, t) -> fields.add(new Field(k, t == null ? FieldType.STRING : t)));
        Schema schema = new Schema(fields);
        List<Feature> features = new ArrayList<>(items.size());
        GeometryType gt = GeometryType.NONE;
        long id = 1;
        for (FeaturePage.Item it : items) {
            Object[] values = new Object[fields.size()];
            for (int j = 0; j < values.length; j++) values[j] = convert(it.properties().get(fields.get(j).name()), fields.get(j).type());
            Geometry g = it.geometry();
            if (g != null && !g.isEmpty()) gt = gt.merge(GeometryType.of(g));
            features.add(new Feature(id++, g, schema, values));
        }
        return new VectorLayer(name, gt, crs, schema, features);
    }

    private static FieldType typeOf(Object v) {
        if (v == null) return null;
        if (v instanceof Boolean) return FieldType.BOOLEAN;
        if (v instanceof Integer) return FieldType.INTEGER;
        if (v instanceof Long) return FieldType.LONG;
        if (v instanceof Double) return FieldType.DOUBLE;
        String s = v.toString();
        if (s.isEmpty()) return null;
        // Leading zeros mark codes ("0001", "000"): kept as text.
        if (s.matches("-?(0|[1-9]\\d{0,8})")) return FieldType.INTEGER;
        if (s.matches("-?(0|[1-9]\\d{0,17})")) return FieldType.LONG;
        if (s.matches("-?(0|[1-9]\\d*)\\.\\d+([eE][-+]?\\d+)?")) return FieldType.DOUBLE;
        return FieldType.STRING;
    }

    private static FieldType widen(FieldType a, FieldType b) {
        if (a == b) return a;
        if ((a == FieldType.INTEGER || a == FieldType.LONG) && (b == FieldType.INTEGER || b == FieldType.LONG)) return FieldType.LONG;
        if (isNumber(a) && isNumber(b)) return FieldType.DOUBLE;
        return FieldType.STRING;
    }

    private static boolean isNumber(FieldType t) {
        return t == FieldType.INTEGER || t == FieldType.LONG || t == FieldType.DOUBLE;
    }

    private static Object convert(Object v, FieldType t) {
        if (v == null) return null;
        if (v instanceof String s && s.isEmpty() && t != FieldType.STRING) return null;
        return switch (t) {
            case INTEGER -> v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString());
            case LONG -> v instanceof Number n ? n.longValue() : Long.parseLong(v.toString());
            case DOUBLE -> v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString());
            case BOOLEAN -> v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString());
            default -> v.toString();
        };
    }
}
