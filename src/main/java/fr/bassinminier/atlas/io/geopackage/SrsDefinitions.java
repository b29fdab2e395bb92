package fr.bassinminier.atlas.io.geopackage;

/**
 * The gpkg_spatial_ref_sys rows this program writes for the CRS it knows by heart, as EPSG WKT1
 * (the form GDAL and QGIS write and read). NGA's {@code getOrCreateCode("EPSG", 2154)} fails:
 * its built-in table has no Lambert-93, so the row is written from here.
 */
final class SrsDefinitions {
    /** A row of gpkg_spatial_ref_sys. */
    record Srs(String name, int srsId, String organization, int organizationCoordsysId,
               String definition, String description) {
    }

    static final Srs LAMBERT_93 = new Srs("RGF93 v1 / Lambert-93", 2154, "EPSG", 2154,
            "PROJCS[\"RGF93 v1 / Lambert-93\",GEOGCS[\"RGF93 v1\","
                    + "DATUM[\"Reseau_Geodesique_Francais_1993_v1\","
                    + "SPHEROID[\"GRS 1980\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"7019\"]],"
                    + "AUTHORITY[\"EPSG\",\"6171\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
                    + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
                    + "AUTHORITY[\"EPSG\",\"4171\"]],PROJECTION[\"Lambert_Conformal_Conic_2SP\"],"
                    + "PARAMETER[\"latitude_of_origin\",46.5],PARAMETER[\"central_meridian\",3],"
                    + "PARAMETER[\"standard_parallel_1\",49],PARAMETER[\"standard_parallel_2\",44],"
                    + "PARAMETER[\"false_easting\",700000],PARAMETER[\"false_northing\",6600000],"
                    + "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Easting\",EAST],"
                    + "AXIS[\"Northing\",NORTH],AUTHORITY[\"EPSG\",\"2154\"]]",
            "Lambert-93 (RGF93), projection légale en France métropolitaine");

    static final Srs WGS84 = new Srs("WGS 84 geodetic", 4326, "EPSG", 4326,
            "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
                    + "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],"
                    + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
                    + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
                    + "AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]",
            "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid");

    static final Srs WEB_MERCATOR = new Srs("WGS 84 / Pseudo-Mercator", 3857, "EPSG", 3857,
            "PROJCS[\"WGS 84 / Pseudo-Mercator\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\","
                    + "SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],"
                    + "AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
                    + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
                    + "AUTHORITY[\"EPSG\",\"4326\"]],PROJECTION[\"Mercator_1SP\"],"
                    + "PARAMETER[\"central_meridian\",0],PARAMETER[\"scale_factor\",1],"
                    + "PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],"
                    + "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Easting\",EAST],"
                    + "AXIS[\"Northing\",NORTH],EXTENSION[\"PROJ4\",\"+proj=merc +a=6378137 +b=6378137 "
                    + "+lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs\"],"
                    + "AUTHORITY[\"EPSG\",\"3857\"]]",
            "Web Mercator (tuiles OpenStreetMap, Google…)");

    /** The undefined Cartesian SRS that every GeoPackage holds (srs_id -1). */
    static final int UNDEFINED_CARTESIAN = -1;

    private SrsDefinitions() {
    }

    /** The known row for an EPSG code, or null. */
    static Srs known(int epsg) {
        return switch (epsg) {
            case 2154 -> LAMBERT_93;
            case 4326 -> WGS84;
            case 3857 -> WEB_MERCATOR;
            default -> null;
        };
    }
}
