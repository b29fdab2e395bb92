package fr.bassinminier.atlas.io.wfs;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.model.CrsId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * What to ask GetFeature for.
 *
 * @param typeName    the feature type ("wfs_sup:assiette_sup_s")
 * @param bbox        only features whose geometry meets this box (in {@link #crs}), or null
 * @param equals      attribute = value filters, all of them must hold (ANDed with the box)
 * @param crs         the CRS of the box and of the answer (srsName); Lambert-93 by default
 * @param maxFeatures at most this many features over all pages; a query matching more fails
 *                    rather than return a silently truncated layer
 */
public record WfsQuery(String typeName, Envelope bbox, Map<String, String> equals, CrsId crs, int maxFeatures) {
    public static final int DEFAULT_MAX_FEATURES = 50_000;

    public WfsQuery {
        if (typeName == null || typeName.isBlank()) throw new IllegalArgumentException(Localization.get("io.wfsFeatureTypeMissing"));
        equals = equals == null ? Map.of() : new LinkedHashMap<>(equals);
        crs = crs == null ? CrsId.LAMBERT_93 : crs;
        if (maxFeatures <= 0) maxFeatures = DEFAULT_MAX_FEATURES;
    }

    public static WfsQuery of(String typeName) {
        return new WfsQuery(typeName, null, Map.of(), CrsId.LAMBERT_93, DEFAULT_MAX_FEATURES);
    }

    public WfsQuery withBbox(Envelope box) {
        return new WfsQuery(typeName, box, equals, crs, maxFeatures);
    }

    public WfsQuery withEquals(String property, String value) {
        Map<String, String> m = new LinkedHashMap<>(equals);
        m.put(property, value);
        return new WfsQuery(typeName, bbox, m, crs, maxFeatures);
    }

    public WfsQuery withMaxFeatures(int max) {
        return new WfsQuery(typeName, bbox, equals, crs, max);
    }
}
