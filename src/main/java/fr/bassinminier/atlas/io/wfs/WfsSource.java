package fr.bassinminier.atlas.io.wfs;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.HttpService;
import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.model.CrsId;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.StringJoiner;
import org.locationtech.jts.geom.Envelope;

/**
 * A WFS layer named by one string, as the command line and project files take it:
 * {@code wfs:https://data.geopf.fr/wfs?typeName=wfs_du:zone_urba&bbox=684000,7034000,690000,7040000}.
 * The client's own parameters (typeName(s), bbox in Lambert-93, maxFeatures — the most accepted —,
 * count — the page size —, version) are
 * taken out of the query; what is left (a map=, a key) stays in the endpoint. Without a type
 * name the source stands for the service itself (its list of layers).
 */
public record WfsSource(URI endpoint, String typeName, Envelope bbox, int maxFeatures, int pageSize, String version) {
    public static final String PREFIX = "wfs:";

    public static boolean isWfs(String s) {
        return s != null && s.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /**
     * @throws IllegalArgumentException with a French message and an example
     */
    public static WfsSource parse(String text) {
        if (!isWfs(text)) throw new IllegalArgumentException(Localization.text("io.wfsSourceExpected", example()));
        // A path-typed argument collapses "https://" to "https:/": put the slash back.
        String url = text.substring(PREFIX.length()).strip().replaceFirst("^(?i)(https?):/+", "$1://");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Localization.text("io.invalidWfsAddress", url, example()));
        }
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http") || uri.getHost() == null) {
            throw new IllegalArgumentException(Localization.text("io.wfsAddressHttpHttps", url, example()));
        }
        String type = null;
        Envelope box = null;
        int max = 0;
        int page = 0;
        String version = null;
        StringJoiner rest = new StringJoiner("&");
        if (uri.getRawQuery() != null) {
            for (String kv : uri.getRawQuery().split("&")) {
                if (kv.isEmpty()) continue;
                int eq = kv.indexOf('=');
                String k = (eq < 0 ? kv : kv.substring(0, eq)).toLowerCase(Locale.ROOT);
                String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
                switch (k) {
                    case "typename", "typenames", "layer" -> type = v;
                    case "bbox" -> box = bbox(v);
                    case "maxfeatures", "count" -> {
                        try {
                            if ("count".equals(k)) page = Integer.parseInt(v.trim());
                            else max = Integer.parseInt(v.trim());
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException(Localization.text("io.wholeNumber", k, v));
                        }
                    }
                    case "version" -> version = v;
                    case "service", "request", "outputformat", "srsname" -> { } // the client sets these
                    default -> rest.add(kv);
                }
            }
        }
        String base = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        URI endpoint = URI.create(rest.length() == 0 ? base : base + "?" + rest);
        return new WfsSource(endpoint, type == null || type.isBlank() ? null : type.strip(), box, max, page, version);
    }

    private static Envelope bbox(String v) {
        String[] p = v.split(",");
        if (p.length < 4) throw new IllegalArgumentException(Localization.text("io.bboxMinxMinyMaxx", v));
        try {
            double[] d = new double[4];
            for (int i = 0; i < 4; i++) d[i] = Double.parseDouble(p[i].trim());
            if (d[0] >= d[2] || d[1] >= d[3]) throw new IllegalArgumentException(Localization.text("io.bboxMinxMaxxMiny", v));
            return new Envelope(d[0], d[2], d[1], d[3]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Localization.text("io.bboxFourNumbersExpected", v));
        }
    }

    private static String example() {
        return Localization.get("io.wfsHttpsDataGeopf");
    }

    public WfsClient client(HttpService http) {
        return new WfsClient(endpoint, version, http, pageSize > 0 ? pageSize : WfsClient.DEFAULT_PAGE);
    }

    public WfsClient client(Duration timeout) {
        return client(new HttpService(timeout));
    }

    /** The layer in Lambert-93 (every page). */
    public WfsClient.Result load(WfsClient client) throws ServiceException {
        if (typeName == null) throw new IllegalStateException("no type name");
        WfsQuery q = new WfsQuery(typeName, bbox, null, CrsId.LAMBERT_93, maxFeatures);
        return client.getFeatures(q);
    }

    @Override
    public String toString() {
        return PREFIX + endpoint + (typeName != null ? (endpoint.getQuery() == null ? "?" : "&") + "typeName=" + typeName : "");
    }
}
