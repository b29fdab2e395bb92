package fr.bassinminier.atlas.analysis.impact;

/**
 * A layer an impact answer rests on, as the answer must cite it.
 *
 * @param role        what the layer was used as
 * @param layerId     the project layer id (or the id given to a file's layer)
 * @param title       the layer's title
 * @param file        the data file, as given (null when unknown)
 * @param layerName   the layer inside the file (GeoPackage table, zip member), null for single-layer files
 * @param date        the date the source states (ISO yyyy-MM-dd), null when unknown
 * @param dateOrigin  where that date comes from ("métadonnées GeoPackage (last_change)", "date du fichier"…)
 * @param indicative  whether the layer's geometry is only indicative (demo data, not official)
 * @param attribution the producer and licence the project gives, null when none
 * @param features    number of features in the layer
 * @param precision   what the copy is worth ("simplifié ≈ 10 m"), null when as published
 * @param simplified  whether the geometry was simplified from the official one
 * @param officialUrl where the full-precision official data can be had, null when unknown
 */
public record HeritageSource(HeritageRole role, String layerId, String title, String file, String layerName,
                             String date, String dateOrigin, boolean indicative, String attribution, int features,
                             String precision, boolean simplified, String officialUrl) {
}
