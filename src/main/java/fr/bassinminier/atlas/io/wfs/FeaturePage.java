package fr.bassinminier.atlas.io.wfs;

import fr.bassinminier.atlas.model.CrsId;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One GetFeature answer, whatever its format: the features in the order served, how many match
 * the whole query (-1 when the server does not say) and the CRS of the coordinates (null when
 * the answer does not say: the one requested).
 */
record FeaturePage(List<Item> items, long numberMatched, CrsId crs) {
    record Item(String id, Geometry geometry, Map<String, Object> properties) {
    }
}
