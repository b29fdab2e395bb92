package fr.bassinminier.atlas.io.wfs;

import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * A feature type as the capabilities list it.
 *
 * @param name       the qualified name to request ("wfs_du:zone_urba")
 * @param title      its title, or the name
 * @param summary    its abstract, may be empty
 * @param defaultCrs the default CRS as written ("urn:ogc:def:crs:EPSG::4326")
 * @param otherCrs   other CRSs offered
 * @param wgs84      its extent in WGS 84 (lon/lat), null when not given
 */
public record WfsFeatureType(String name, String title, String summary, String defaultCrs, List<String> otherCrs,
                             Envelope wgs84) {
    public WfsFeatureType {
        otherCrs = List.copyOf(otherCrs);
    }
}
