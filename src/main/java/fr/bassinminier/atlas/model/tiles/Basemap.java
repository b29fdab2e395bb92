package fr.bassinminier.atlas.model.tiles;

import java.nio.charset.StandardCharsets;

/**
 * A background map: where its tiles come from and how it is shown. Pure description, no I/O:
 * io.tiles fetches or reads the tiles, render draws them under the vector layers.
 *
 * @param id          stable identifier, also the cache's name for the source
 * @param url         WMTS: the GetTile endpoint (KVP); XYZ: the template with {z} {x} {y}; PACK: the file
 * @param layer       WMTS layer identifier (null otherwise)
 * @param style       WMTS style identifier
 * @param format      MIME type of the tiles
 * @param attribution shown on screen and printed, e.g. "© IGN – Plan IGN v2"
 * @param greyscale   drawn in shades of grey (heritage maps are read over a grey Plan IGN)
 */
public record Basemap(String id, String title, Kind kind, String url, String layer, String style, String format,
                      TileMatrixSet matrixSet, String attribution, boolean greyscale, double opacity) {
    public enum Kind { WMTS, XYZ, PACK }

    public Basemap {
        if (opacity < 0 || opacity > 1 || Double.isNaN(opacity)) opacity = 1;
    }

    public Basemap withGreyscale(boolean grey) {
        return new Basemap(id, title, kind, url, layer, style, format, matrixSet, attribution, grey, opacity);
    }

    public Basemap withOpacity(double o) {
        return new Basemap(id, title, kind, url, layer, style, format, matrixSet, attribution, greyscale, o);
    }

    public Basemap withUrl(String u) {
        return new Basemap(id, title, kind, u, layer, style, format, matrixSet, attribution, greyscale, opacity);
    }

    /** The address of one tile: a KVP GetTile request for WMTS, the filled template for XYZ. */
    public String tileUrl(TileKey k) {
        TileMatrix m = matrixSet.matrix(k.level());
        return switch (kind) {
            case WMTS -> url + (url.contains("?") ? (url.endsWith("?") || url.endsWith("&") ? "" : "&") : "?")
                    + "SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=" + enc(layer) + "&STYLE=" + enc(style)
                    + "&FORMAT=" + enc(format) + "&TILEMATRIXSET=" + enc(matrixSet.id()) + "&TILEMATRIX="
                    + enc(m.id()) + "&TILEROW=" + k.row() + "&TILECOL=" + k.col();
            case XYZ -> url.replace("{z}", m.id()).replace("{x}", Long.toString(k.col()))
                    .replace("{y}", Long.toString(k.row()))
                    .replace("{-y}", Long.toString(m.matrixHeight() - 1 - k.row()));
            case PACK -> throw new IllegalStateException("pas d'adresse pour une tuile de paquet : " + url);
        };
    }

    /** Percent-encoding of a query value (RFC 3986 unreserved characters kept). */
    static String enc(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
