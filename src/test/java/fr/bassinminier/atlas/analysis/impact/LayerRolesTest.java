package fr.bassinminier.atlas.analysis.impact;

import static fr.bassinminier.atlas.analysis.TestProjects.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.bassinminier.atlas.model.GeometryType;
import org.junit.jupiter.api.Test;

/** The rules of README "Heritage impact check", on the names official files really use. */
class LayerRolesTest {
    private static final GeometryType POLY = GeometryType.MULTIPOLYGON;

    @Test
    void officialShapefileNames() {
        // "UNESCO - L93 2018": field names with spaces and accents, cut to 10 characters.
        assertEquals(HeritageRole.PROPERTY, LayerRoles.classify(schema("No element:string", "Nom:string",
                "Section:string", "No section:string"), POLY, "Bien Inscrit UNESCO BM", "UNESCO - L93 2018.zip"));
        assertEquals(HeritageRole.BUFFER, LayerRoles.classify(schema("ID:integer"), POLY, "Zone Tampon",
                "UNESCO - L93 2018.zip"));
        assertEquals(HeritageRole.BUILDING, LayerRoles.classify(schema("Typologie:string", "Dénominat:string",
                "Classé_MH:string"), POLY, "batis"));
        assertEquals(HeritageRole.CAVALIER, LayerRoles.classify(schema("id_unesco:string", "longueur_m:double"), POLY,
                "cavaliers"));
        assertEquals(HeritageRole.NEO_NATURAL, LayerRoles.classify(schema("nom:string", "id_unesco:string"), POLY,
                "espaces neo-naturels"));
        assertEquals(HeritageRole.TERRIL, LayerRoles.classify(schema("id:string", "nom:string", "forme:string"), POLY,
                "terrils-zone-tampon"));
        assertEquals(HeritageRole.CITE, LayerRoles.classify(schema("nom:string", "commune_1:string",
                "id_unesco:string"), POLY, "cites minieres"));
    }

    @Test
    void theLayerNameDecidesBeforeTheFileName() {
        // A zip named after both perimeters: the layer's own name decides.
        assertEquals(HeritageRole.PROPERTY, LayerRoles.classify(schema("id:integer"), POLY, "Bien inscrit",
                "perimetre_bien_inscrit_et_zone_tampon.zip"));
        assertEquals(HeritageRole.BUFFER, LayerRoles.classify(schema("id:integer"), POLY, "Zone tampon",
                "perimetre_bien_inscrit_et_zone_tampon.zip"));
    }

    @Test
    void otherLayersHaveNoRole() {
        assertNull(LayerRoles.classify(schema("insee:string", "nom:string", "population:integer"), POLY, "communes_mbm"));
        assertNull(LayerRoles.classify(schema("ligne:string"), GeometryType.LINESTRING, "bulles"));
        // A buffer zone must be polygons.
        assertNull(LayerRoles.classify(schema("id:string"), GeometryType.LINESTRING, "zone tampon"));
    }
}
