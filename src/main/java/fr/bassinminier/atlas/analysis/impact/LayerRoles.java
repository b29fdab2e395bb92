package fr.bassinminier.atlas.analysis.impact;

import fr.bassinminier.atlas.analysis.CiteRecord;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.Schema;

/**
 * Recognises what a layer is from its content, because official files come under many names
 * ("Bien Inscrit UNESCO BM.shp", "bien_inscrit" in a GeoPackage, "bien-inscrit.geojson") while
 * their fields are those of the Mission Bassin Minier inventory. Fields decide first; names only
 * decide what fields cannot (the buffer zone has no telling field; cavaliers and néo-natural
 * spaces share theirs with other layers). The rules, in order (also in README, "Heritage impact
 * check"):
 * <ol>
 * <li>fields: {@code typologie} or {@code denomination} → buildings; {@code no_terril} or
 *     {@code forme} → terrils; what {@link CiteRecord#isCite(Schema)} accepts → cités;
 *     {@code puits} and {@code fosse} → mine shafts; polygons with {@code no_element} and
 *     {@code section} or {@code no_section} → the property;</li>
 * <li>then each name in turn (layer name before file name): "terril", "cite" (with a {@code nom}
 *     field), "cavalier", "naturel", "puits"; for polygons "tampon" or "buffer" → buffer zone,
 *     then "bien inscrit" or "perimetre" → the property.</li>
 * </ol>
 */
public final class LayerRoles {
    private LayerRoles() {
    }

    /**
     * The role of a layer, or null when it has none.
     *
     * @param names the layer name, its file name, its title: whatever names it
     */
    public static HeritageRole classify(Schema s, GeometryType type, String... names) {
        boolean polygons = type.family() == GeometryType.Family.POLYGON || type == GeometryType.GEOMETRY;
        if (Fields.has(s, "typologie", "denomination")) return HeritageRole.BUILDING;
        if (Fields.has(s, "no_terril", "forme")) return HeritageRole.TERRIL;
        if (CiteRecord.isCite(s)) return HeritageRole.CITE;
        if (Fields.has(s, "puits") && Fields.has(s, "fosse")) return HeritageRole.SHAFT;
        if (polygons && Fields.has(s, "no_element") && Fields.has(s, "section", "no_section")) {
            return HeritageRole.PROPERTY;
        }
        // The layer's own name first: a file "perimetre_bien_inscrit_et_zone_tampon.zip" holds both perimeters.
        for (String name : names) {
            if (name == null) continue;
            HeritageRole r = byName(Fields.fold(name), s, polygons);
            if (r != null) return r;
        }
        return null;
    }

    private static HeritageRole byName(String n, Schema s, boolean polygons) {
        if (n.contains("terril")) return HeritageRole.TERRIL;
        if (n.contains("cite") && Fields.has(s, "nom")) return HeritageRole.CITE;
        if (n.contains("cavalier")) return HeritageRole.CAVALIER;
        if (n.contains("neonaturel") || n.contains("neo_naturel") || n.contains("naturel")) {
            return HeritageRole.NEO_NATURAL;
        }
        if (n.contains("puits")) return HeritageRole.SHAFT;
        if (!polygons) return null;
        if (n.contains("tampon") || n.contains("buffer")) return HeritageRole.BUFFER;
        if (n.contains("bien_inscrit") || n.contains("perimetre")) return HeritageRole.PROPERTY;
        return null;
    }
}
