package fr.bassinminier.atlas.io.shapefile;

import fr.bassinminier.atlas.model.CrsId;
import java.util.Locale;

/**
 * The .prj text for the CRS the atlas deals with, in the ESRI flavour of WKT1 that ArcGIS and
 * QGIS read and that {@link fr.bassinminier.atlas.crs.PrjRecognizer} recognises back. A CRS
 * read from a .prj that was not recognised keeps its text, which is written back unchanged.
 */
final class EsriWkt {
    private static final String GCS_RGF93 = "GEOGCS[\"GCS_RGF_1993\",DATUM[\"D_RGF_1993\","
            + "SPHEROID[\"GRS_1980\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]]";
    private static final String GCS_WGS84 = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
            + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]]";

    private EsriWkt() {
    }

    /** The WKT to write for the CRS, or null when none is known. */
    static String of(CrsId crs) {
        if (crs == null) return null;
        if (!crs.isKnown()) return crs.definition() == null || crs.definition().isBlank() ? null : crs.definition();
        int code = crs.epsgCode();
        if (code == 2154) {
            return lambert("RGF_1993_Lambert_93", 700000, 6600000, 49, 44, 46.5);
        }
        if (code >= 3942 && code <= 3950) {
            int zone = code - 3900;
            return lambert("RGF_1993_CC" + zone, 1700000, (zone - 41) * 1000000.0 + 200000, zone - 0.75,
                    zone + 0.75, zone);
        }
        return switch (code) {
            case 4171 -> GCS_RGF93;
            case 4326 -> GCS_WGS84;
            case 3857 -> "PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\"," + GCS_WGS84
                    + ",PROJECTION[\"Mercator_Auxiliary_Sphere\"],PARAMETER[\"False_Easting\",0.0],"
                    + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",0.0],"
                    + "PARAMETER[\"Standard_Parallel_1\",0.0],PARAMETER[\"Auxiliary_Sphere_Type\",0.0],"
                    + "UNIT[\"Meter\",1.0]]";
            default -> null;
        };
    }

    private static String lambert(String name, double fe, double fn, double sp1, double sp2, double lat0) {
        return String.format(Locale.ROOT, "PROJCS[\"%s\",%s,PROJECTION[\"Lambert_Conformal_Conic\"],"
                + "PARAMETER[\"False_Easting\",%.1f],PARAMETER[\"False_Northing\",%.1f],"
                + "PARAMETER[\"Central_Meridian\",3.0],PARAMETER[\"Standard_Parallel_1\",%s],"
                + "PARAMETER[\"Standard_Parallel_2\",%s],PARAMETER[\"Latitude_Of_Origin\",%s],UNIT[\"Meter\",1.0]]",
                name, GCS_RGF93, fe, fn, num(sp1), num(sp2), num(lat0));
    }

    private static String num(double d) {
        return d == Math.rint(d) ? String.format(Locale.ROOT, "%.1f", d) : Double.toString(d);
    }
}
