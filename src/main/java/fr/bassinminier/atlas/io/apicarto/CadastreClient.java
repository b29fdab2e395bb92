package fr.bassinminier.atlas.io.apicarto;

import fr.bassinminier.atlas.l10n.Localization;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.io.HttpService;
import fr.bassinminier.atlas.io.HttpService.Answer;
import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.io.ServiceException.Problem;
import fr.bassinminier.atlas.io.geojson.GeoJsonGeometry;
import fr.bassinminier.atlas.model.CrsId;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Cadastral parcels by reference from IGN's API Carto (module cadastre, keyless): one request
 * per parcel, answers in WGS 84 turned into Lambert-93 outlines. A reference the cadastre does
 * not know is a French error naming it, not an empty footprint.
 */
public final class CadastreClient {
    public static final URI DEFAULT_ENDPOINT = URI.create("https://apicarto.ign.fr/api/cadastre/");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI endpoint;
    private final HttpService http;

    public CadastreClient(URI endpoint, HttpService http) {
        String s = endpoint.toString();
        this.endpoint = URI.create(s.endsWith("/") ? s : s + "/");
        this.http = http;
    }

    public CadastreClient(Duration timeout) {
        this(DEFAULT_ENDPOINT, new HttpService(timeout));
    }

    /** Parcels found, with the oldest answer's date (cached answers keep theirs). */
    public record Result(List<Parcel> parcels, Instant fetchedAt, boolean fromCache) {
    }

    public Result parcels(List<ParcelRef> refs) throws ServiceException {
        List<Parcel> out = new ArrayList<>();
        Instant oldest = null;
        boolean cached = false;
        for (ParcelRef ref : refs) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("code_insee", ref.insee());
            p.put("section", ref.section());
            p.put("numero", ref.number());
            if (!"000".equals(ref.prefix())) p.put("com_abs", ref.prefix());
            URI uri = HttpService.withQuery(endpoint.resolve("parcelle"), p);
            Answer a = http.get(uri, "parcelle " + ref);
            cached |= a.fromCache();
            if (oldest == null || a.fetchedAt().isBefore(oldest)) oldest = a.fetchedAt();
            List<Parcel> found = read(uri, ref, a);
            if (found.isEmpty()) {
                throw new ServiceException(uri, Problem.NOT_FOUND, Localization.text("io.parcelFoundCadastreCommune", ref, ref.insee(), ref.section(), ref.number()));
            }
            out.addAll(found);
        }
        return new Result(out, oldest, cached);
    }

    /**
     * The parcel under a point (Lambert-93), as a click on the map asks for it: API Carto's
     * {@code geom} filter with the point in WGS 84. No parcel there (a road, a river) is a French
     * error saying so, with the point.
     */
    public Result parcelsAt(double x, double y) throws ServiceException {
        double[] ll = CrsTransforms.between(CrsId.LAMBERT_93, CrsId.WGS84).apply(x, y);
        String point = String.format(java.util.Locale.ROOT, "{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]}", ll[0], ll[1]);
        String where = String.format(java.util.Locale.FRANCE, "point %,.0f  %,.0f (Lambert-93)", x, y);
        URI uri = HttpService.withQuery(endpoint.resolve("parcelle"), Map.of("geom", point));
        Answer a = http.get(uri, "parcelle au " + where);
        List<Parcel> found = read(uri, null, a);
        if (found.isEmpty()) {
            throw new ServiceException(uri, Problem.NOT_FOUND, Localization.text("io.cadastralParcelRoadWatercourse", where));
        }
        return new Result(found, a.fetchedAt(), a.fromCache());
    }

    /** @param asked the reference asked for (its parts fill what the answer leaves out); null for a search by point */
    static List<Parcel> read(URI uri, ParcelRef asked, Answer a) throws ServiceException {
        String what = asked == null ? Localization.get("io.parcel") : Localization.text("io.parcel2", asked);
        JsonNode root;
        try {
            root = MAPPER.readTree(a.body());
        } catch (IOException e) {
            throw new ServiceException(uri, Problem.BAD_RESPONSE, Localization.text("io.unreadableAnswer", what, e.getMessage()), e);
        }
        if (a.status() / 100 != 2) {
            String m = root.path("message").asText(root.toString());
            throw new ServiceException(uri, Problem.SERVICE_ERROR, Localization.text("io.serviceRefusedRequestHttp", what, a.status(), (m.length() > 300 ? m.substring(0, 300) + "…" : m)));
        }
        JsonNode features = root.get("features");
        if (features == null || !features.isArray()) {
            throw new ServiceException(uri, Problem.BAD_RESPONSE, Localization.text("io.answerWithoutFeatures", what));
        }
        GeometryFactory gf = new GeometryFactory();
        List<Parcel> out = new ArrayList<>();
        for (JsonNode f : features) {
            JsonNode pr = f.path("properties");
            Geometry wgs;
            try {
                wgs = GeoJsonGeometry.read(f.get("geometry"), gf);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ServiceException(uri, Problem.BAD_RESPONSE, Localization.text("io.unreadableGeometry", what, e.getMessage()), e);
            }
            if (wgs == null || wgs.isEmpty()) continue;
            ParcelRef ref;
            try {
                ref = new ParcelRef(pr.path("code_insee").asText(asked == null ? null : asked.insee()),
                        pr.path("com_abs").asText(asked == null ? "000" : asked.prefix()),
                        pr.path("section").asText(asked == null ? null : asked.section()),
                        pr.path("numero").asText(asked == null ? null : asked.number()));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ServiceException(uri, Problem.BAD_RESPONSE, Localization.text("io.unreadableParcelReferenceAnswer", what, e.getMessage()), e);
            }
            // RFC 7946 order (longitude, latitude) whatever the crs member says: GeoServer's JSON is lon/lat.
            Geometry l93 = CrsTransforms.transform(wgs, CrsId.WGS84, CrsId.LAMBERT_93);
            out.add(new Parcel(ref, pr.path("nom_com").asText(null), pr.path("contenance").asLong(0), l93));
        }
        return out;
    }
}
