package fr.bassinminier.atlas.crs;

import fr.bassinminier.atlas.model.CrsId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the CRS of a WKT1 text (a shapefile's .prj, ESRI- or OGC-flavoured) as an EPSG
 * code. Written by hand because Proj4J has no WKT parser and Apache SIS is too heavy to start
 * (see README). Order: an AUTHORITY["EPSG",n] on the outer CRS, then well-known names, then the
 * Lambert conformal conic parameters of the French projections (Lambert-93, CC42–CC50,
 * Lambert II étendu), which is how files from MapInfo or old ArcGIS versions come.
 */
public final class PrjRecognizer {
    private static final Pattern OUTER_AUTHORITY =
            Pattern.compile("AUTHORITY\\[\\s*\"EPSG\"\\s*,\\s*\"?(\\d+)\"?\\s*\\]\\s*\\]\\s*$");
    private static final Pattern PARAM =
            Pattern.compile("PARAMETER\\[\\s*\"([^\"]+)\"\\s*,\\s*([-+0-9.eE]+)\\s*\\]");
    private static final Pattern NAME = Pattern.compile("^\\s*(PROJCS|GEOGCS|PROJCRS|GEOGCRS)\\[\\s*\"([^\"]*)\"");

    private static final Map<String, Integer> NAMES = new HashMap<>();

    static {
        for (String n : new String[] {"RGF93_Lambert_93", "RGF_1993_Lambert_93", "RGF93 / Lambert-93",
                "RGF93 v1 / Lambert-93", "RGF93_v1_Lambert_93", "Lambert_93", "Lambert-93", "RGF93 Lambert 93"}) {
            NAMES.put(norm(n), 2154);
        }
        for (String n : new String[] {"GCS_WGS_1984", "WGS 84", "WGS84", "WGS_1984"}) {
            NAMES.put(norm(n), 4326);
        }
        for (String n : new String[] {"WGS_1984_Web_Mercator_Auxiliary_Sphere", "WGS 84 / Pseudo-Mercator",
                "WGS_84_Pseudo_Mercator", "Popular Visualisation CRS / Mercator"}) {
            NAMES.put(norm(n), 3857);
        }
        for (String n : new String[] {"GCS_RGF_1993", "RGF93", "RGF93 v1"}) {
            NAMES.put(norm(n), 4171);
        }
        for (String n : new String[] {"NTF_Paris_Lambert_II_Extended", "NTF (Paris) / Lambert zone II",
                "NTF_Paris_Lambert_zone_II", "Lambert II etendu", "NTF (Paris) / Lambert II etendu"}) {
            NAMES.put(norm(n), 27572);
        }
        for (int zone = 42; zone <= 50; zone++) {
            int code = 3900 + zone;
            NAMES.put(norm("RGF93_CC" + zone), code);
            NAMES.put(norm("RGF93 / CC" + zone), code);
            NAMES.put(norm("RGF93 v1 / CC" + zone), code);
            NAMES.put(norm("RGF_1993_CC" + zone), code);
        }
    }

    private PrjRecognizer() {
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The CRS of the WKT; {@link CrsId#unknown(String)} carrying the text when not recognised. */
    public static CrsId recognize(String wkt) {
        OptionalInt code = epsgOf(wkt);
        return code.isPresent() ? CrsId.epsg(code.getAsInt()) : CrsId.unknown(wkt);
    }

    public static OptionalInt epsgOf(String wkt) {
        if (wkt == null || wkt.isBlank()) return OptionalInt.empty();
        String text = wkt.strip();
        Matcher auth = OUTER_AUTHORITY.matcher(text);
        if (auth.find()) return OptionalInt.of(Integer.parseInt(auth.group(1)));
        Matcher name = NAME.matcher(text);
        if (name.find()) {
            Integer byName = NAMES.get(norm(name.group(2)));
            if (byName != null) return OptionalInt.of(byName);
        }
        return byParameters(text);
    }

    private static OptionalInt byParameters(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.contains("lambert_conformal_conic") && !lower.contains("lambert conic conformal")) {
            return OptionalInt.empty();
        }
        Map<String, Double> p = new HashMap<>();
        Matcher m = PARAM.matcher(text);
        while (m.find()) {
            try {
                p.put(norm(m.group(1)), Double.parseDouble(m.group(2)));
            } catch (NumberFormatException ignored) {
                // A malformed parameter simply does not count towards recognition.
            }
        }
        double fe = p.getOrDefault("falseeasting", Double.NaN);
        double fn = p.getOrDefault("falsenorthing", Double.NaN);
        double sp1 = p.getOrDefault("standardparallel1", Double.NaN);
        double sp2 = p.getOrDefault("standardparallel2", Double.NaN);
        double cm = p.getOrDefault("centralmeridian", p.getOrDefault("longitudeofcenter", Double.NaN));
        if (near(fe, 700000) && near(fn, 6600000) && nearPair(sp1, sp2, 44, 49) && near(cm, 3)) {
            return OptionalInt.of(2154);
        }
        for (int zone = 42; zone <= 50; zone++) {
            if (near(fe, 1700000) && near(fn, (zone - 41) * 1000000.0 + 200000)
                    && nearPair(sp1, sp2, zone - 0.75, zone + 0.75) && near(cm, 3)) {
                return OptionalInt.of(3900 + zone);
            }
        }
        if (near(fe, 600000) && near(fn, 2200000)) return OptionalInt.of(27572);
        return OptionalInt.empty();
    }

    private static boolean near(double a, double b) {
        return !Double.isNaN(a) && Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(b));
    }

    private static boolean nearPair(double a, double b, double x, double y) {
        return (near(a, x) && near(b, y)) || (near(a, y) && near(b, x));
    }
}
