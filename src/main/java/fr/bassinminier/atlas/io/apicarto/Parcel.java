package fr.bassinminier.atlas.io.apicarto;

import org.locationtech.jts.geom.Geometry;

/**
 * A cadastral parcel as the cadastre serves it.
 *
 * @param ref        its reference
 * @param commune    the commune's name (nom_com)
 * @param contenance its area as the cadastre records it, m² (the tax area, not a survey)
 * @param geometry   its outline in Lambert-93
 */
public record Parcel(ParcelRef ref, String commune, long contenance, Geometry geometry) {
}
