package fr.bassinminier.atlas.io.wfs;

import fr.bassinminier.atlas.l10n.Localization;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.bassinminier.atlas.io.geojson.GeoJsonGeometry;
import fr.bassinminier.atlas.model.CrsId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A GetFeature answer in GeoJSON as GeoServer writes it: a FeatureCollection with
 * {@code numberMatched} (or {@code totalFeatures}) and a {@code crs} member naming the CRS asked
 * for with srsName.
 */
final class GeoJsonPageReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern EPSG = Pattern.compile("EPSG:{1,2}(?:[\\d.]*:)?(\\d+)$", Pattern.CASE_INSENSITIVE);

    private GeoJsonPageReader() {
    }

    static FeaturePage read(byte[] body) throws IOException {
        JsonNode root = MAPPER.readTree(body);
        if (root == null || !root.isObject() || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new IOException(Localization.get("io.geojsonFeaturecollection"));
        }
        long matched = root.path("numberMatched").canConvertToLong() && root.path("numberMatched").isNumber()
                ? root.path("numberMatched").asLong()
                : root.path("totalFeatures").isNumber() ? root.path("totalFeatures").asLong() : -1;
        CrsId crs = null;
        JsonNode name = root.path("crs").path("properties").path("name");
        if (name.isTextual()) {
            String s = name.asText().trim();
            Matcher m = EPSG.matcher(s);
            if (s.endsWith("CRS84")) crs = CrsId.WGS84;
            else if (m.find()) crs = CrsId.epsg(Integer.parseInt(m.group(1)));
            else crs = CrsId.unknown(s);
        }
        JsonNode features = root.get("features");
        if (features == null || !features.isArray()) throw new IOException(Localization.get("io.featuresMissing"));
        GeometryFactory gf = new GeometryFactory();
        List<FeaturePage.Item> items = new ArrayList<>(features.size());
        int n = 0;
        for (JsonNode f : features) {
            n++;
            JsonNode id = f.get("id");
            Map<String, Object> props = new LinkedHashMap<>();
            JsonNode pr = f.get("properties");
            if (pr != null && pr.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> it = pr.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    props.put(e.getKey(), value(e.getValue()));
                }
            }
            try {
                items.add(new FeaturePage.Item(id == null || id.isNull() ? null : id.asText(),
                        GeoJsonGeometry.read(f.get("geometry"), gf), props));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IOException("objet n° " + n + " : " + e.getMessage(), e);
            }
        }
        return new FeaturePage(items, matched, crs);
    }

    private static Object value(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return v.asBoolean();
        if (v.isIntegralNumber()) return v.canConvertToInt() ? (Object) v.asInt() : (Object) v.asLong();
        if (v.isNumber()) return v.asDouble();
        if (v.isTextual()) return v.asText();
        return v.toString();
    }
}
