package fr.bassinminier.atlas.model.tiles;

import java.util.List;
import java.util.Optional;

/**
 * The Géoplateforme's public (keyless) base maps, described as their capabilities do, so that
 * they work with no capabilities request (and from the cache when offline). The endpoint can be
 * changed (tests point it at a local server).
 */
public final class Basemaps {
    public static final String GEOPLATEFORME_WMTS = "https://data.geopf.fr/wmts";

    private Basemaps() {
    }

    /** The presets, with their tiles from {@code endpoint} (the Géoplateforme's WMTS, normally). */
    public static List<Basemap> presets(String endpoint) {
        return List.of(
                new Basemap("plan-ign", "Plan IGN", Basemap.Kind.WMTS, endpoint, "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2",
                        "normal", "image/png", TileMatrixSet.webMercator("PM_0_19", 0, 19), "© IGN – Plan IGN v2",
                        false, 1),
                new Basemap("plan-ign-gris", "Plan IGN gris", Basemap.Kind.WMTS, endpoint,
                        "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "normal", "image/png",
                        TileMatrixSet.webMercator("PM_0_19", 0, 19), "© IGN – Plan IGN v2", true, 1),
                new Basemap("photos", "Photographies aériennes", Basemap.Kind.WMTS, endpoint,
                        "ORTHOIMAGERY.ORTHOPHOTOS", "normal", "image/jpeg", TileMatrixSet.webMercator("PM_0_21", 0, 21),
                        "© IGN – Photographies aériennes", false, 1),
                new Basemap("parcelles", "Parcelles cadastrales", Basemap.Kind.WMTS, endpoint,
                        "CADASTRALPARCELS.PARCELLAIRE_EXPRESS", "normal", "image/png",
                        TileMatrixSet.webMercator("PM_0_19", 0, 19), "© IGN – Parcellaire Express (PCI)", false, 1));
    }

    public static Optional<Basemap> preset(String id, String endpoint) {
        return presets(endpoint).stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /** A plain XYZ template ({z}/{x}/{y}, or {-y} for TMS rows) in Web Mercator. */
    public static Basemap xyz(String template, String attribution, int maxLevel) {
        return new Basemap("xyz-" + Integer.toHexString(template.hashCode()), template, Basemap.Kind.XYZ, template,
                null, null, template.toLowerCase().contains(".jp") ? "image/jpeg" : "image/png",
                TileMatrixSet.webMercator("xyz", 0, maxLevel), attribution, false, 1);
    }
}
