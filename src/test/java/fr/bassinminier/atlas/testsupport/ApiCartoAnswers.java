package fr.bassinminier.atlas.testsupport;

import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.model.CrsId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** API Carto cadastre answers shaped like the real ones in ../shared/services, for a parcel drawn in Lambert-93. */
public final class ApiCartoAnswers {
    private ApiCartoAnswers() {
    }

    /** Parcel 62563 000 AB 0123 (Mazingarbe, contenance 1 187 m²) with the given Lambert-93 ring, in WGS 84. */
    public static String parcel(double[][] ringL93) {
        var t = CrsTransforms.between(CrsId.LAMBERT_93, CrsId.WGS84);
        List<String> ring = new ArrayList<>();
        for (double[] p : ringL93) {
            double[] ll = t.apply(p[0], p[1]);
            ring.add(String.format(Locale.ROOT, "[%.8f,%.8f]", ll[0], ll[1]));
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"parcelle.1\",\"geometry\":"
                + "{\"type\":\"MultiPolygon\",\"coordinates\":[[[" + String.join(",", ring) + "]]]},\"properties\":"
                + "{\"numero\":\"0123\",\"feuille\":1,\"section\":\"AB\",\"code_dep\":\"62\",\"nom_com\":\"Mazingarbe\","
                + "\"code_com\":\"563\",\"com_abs\":\"000\",\"code_arr\":\"000\",\"idu\":\"62563000AB0123\","
                + "\"contenance\":1187,\"code_insee\":\"62563\"}}],\"totalFeatures\":1,\"numberMatched\":1,"
                + "\"numberReturned\":1}";
    }
}
