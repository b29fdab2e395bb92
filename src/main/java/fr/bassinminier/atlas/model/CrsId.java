package fr.bassinminier.atlas.model;

import java.util.Locale;
import java.util.Objects;

/**
 * Identifies a coordinate reference system by authority code ("EPSG:2154"). An unknown CRS
 * keeps the original definition text (e.g. the WKT of a .prj) so that it can be reported.
 */
public record CrsId(String code, String definition) {
    public static final CrsId LAMBERT_93 = new CrsId("EPSG:2154", null);
    public static final CrsId WGS84 = new CrsId("EPSG:4326", null);
    public static final CrsId WEB_MERCATOR = new CrsId("EPSG:3857", null);

    public CrsId {
        if (code != null) code = code.toUpperCase(Locale.ROOT);
    }

    public static CrsId epsg(int code) {
        return new CrsId("EPSG:" + code, null);
    }

    public static CrsId unknown(String definition) {
        return new CrsId(null, definition);
    }

    public boolean isKnown() {
        return code != null;
    }

    /** EPSG number, or -1 when the CRS is not an EPSG one. */
    public int epsgCode() {
        if (code == null || !code.startsWith("EPSG:")) return -1;
        try {
            return Integer.parseInt(code.substring(5));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public boolean sameAs(CrsId other) {
        return other != null && code != null && Objects.equals(code, other.code);
    }

    @Override
    public String toString() {
        return code != null ? code : "inconnu";
    }
}
