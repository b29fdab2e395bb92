package fr.bassinminier.atlas.analysis.search;

import static fr.bassinminier.atlas.analysis.TestProjects.layer;
import static fr.bassinminier.atlas.analysis.TestProjects.project;
import static fr.bassinminier.atlas.analysis.TestProjects.projectLayer;
import static fr.bassinminier.atlas.analysis.TestProjects.real;
import static fr.bassinminier.atlas.analysis.TestProjects.row;
import static fr.bassinminier.atlas.analysis.TestProjects.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.analysis.TestProjects;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FeatureSearchTest {
    private static FeatureSearch small;

    @BeforeAll
    static void buildSmallProject() {
        Schema cites = schema("id:string", "nom:string", "communes:string", "epci:string", "note:string");
        Schema terrils = schema("numero:string", "nom:string", "commune:string");
        Schema communes = schema("nom:string", "insee:string");
        String p = "POINT (0 0)";
        LoadedProject project = project(
                projectLayer("communes", "Communes", "nom", layer("communes", communes,
                        row(p, "Lens", "62498"), row(p, "Nœux-les-Mines", "62617"),
                        row(p, "Bully-les-Mines", "62186"), row(p, "Lensoise-sur-Mer", "99999"))),
                projectLayer("cites", "Cités minières", "nom", layer("cites", cites,
                        row(p, "t1-9", "Cité des Alouettes", "Bully-les-Mines / Grenay", "CALL", "près de Lens"),
                        row(p, "t1-11", "Cité n°9 de Lens", "Lens", "CALL", null),
                        row(p, "t1-96", "Cité 4 de Lens", "Lens", "CALL", null),
                        row(p, "t2-5", "Cité des Brebis", "Bully-les-Mines / Mazingarbe", "CALL", null),
                        row(p, "t9-9", "Cité du Rond-Point de l'Abbaye", "Lens", "CALL", null))),
                projectLayer("terrils", "Terrils", "nom", layer("terrils", terrils,
                        row(p, "74A", "Terril 74A (jumeau)", "Loos-en-Gohelle"),
                        row(p, "74", "Terril 74 (jumeau)", "Loos-en-Gohelle"),
                        row(p, "T115", "2 du téléphérique", "Libercourt"),
                        row(p, "T074b", "Base 11/19", "Loos-en-Gohelle"))));
        small = FeatureSearch.of(project);
    }

    private static List<String> names(List<SearchHit> hits) {
        return hits.stream().map(h -> h.feature().text("nom")).toList();
    }

    @Test
    void wordsInAnyOrderAcrossNameAndCommunes() {
        List<SearchHit> hits = small.search("alouettes bully", 10);
        assertEquals(List.of("Cité des Alouettes"), names(hits));
        SearchHit h = hits.get(0);
        assertEquals("cites", h.layerId());
        assertEquals("Cités minières", h.layerTitle());
        assertEquals("Cité des Alouettes — Bully-les-Mines / Grenay", h.displayText());
        assertEquals("nom", h.matchedField());
        assertEquals(names(hits), names(small.search("BULLY, Alouettes !", 10)));
    }

    @Test
    void accentsLigaturesAndSmallWordsDoNotCount() {
        assertEquals("Cité n°9 de Lens", names(small.search("cite 9 lens", 10)).get(0));
        assertEquals("Cité n°9 de Lens", names(small.search("Cité du n° 9, Lens", 10)).get(0));
        assertEquals("Nœux-les-Mines", names(small.search("noeux", 10)).get(0));
        assertEquals("Nœux-les-Mines", names(small.search("NŒUX LES MINES", 10)).get(0));
        assertEquals("Cité du Rond-Point de l'Abbaye", names(small.search("rond point abbaye", 10)).get(0));
        assertEquals("2 du téléphérique", names(small.search("telepherique", 10)).get(0));
    }

    @Test
    void everyWordMustMatchTheStartOfAWord() {
        assertTrue(small.search("alouettes mazingarbe", 10).isEmpty());
        assertTrue(small.search("ouettes", 10).isEmpty(), "no match inside a word");
        assertEquals(List.of("Cité des Alouettes"), names(small.search("alou", 10)));
        assertTrue(small.search("   ", 10).isEmpty());
        assertTrue(small.search("lens", 0).isEmpty());
        assertTrue(small.search(null, 10).isEmpty());
    }

    @Test
    void terrilNumbersWithOrWithoutTheLayerWordAndTheT() {
        assertEquals(List.of("Terril 74 (jumeau)", "Terril 74A (jumeau)", "Base 11/19"),
                names(small.search("terril 74", 10)), "exact number first; T074b is 74b");
        assertEquals("Terril 74 (jumeau)", names(small.search("T74", 10)).get(0));
        assertEquals("Terril 74 (jumeau)", names(small.search("t 74", 10)).get(0));
        assertEquals("Terril 74A (jumeau)", names(small.search("74A", 10)).get(0));
        assertEquals("Base 11/19", names(small.search("terrils T74B", 10)).get(0));
        SearchHit t115 = small.search("T115", 10).get(0);
        assertEquals("2 du téléphérique", t115.feature().text("nom"));
        assertEquals("numero", t115.matchedField());
        assertEquals("2 du téléphérique (T115) — Libercourt", t115.displayText());
        assertEquals("Terril 74 (jumeau) — Loos-en-Gohelle",
                small.search("terril 74", 1).get(0).displayText(), "the number is already in the name");
    }

    @Test
    void layerWordAloneListsTheLayer() {
        List<SearchHit> hits = small.search("terrils", 10);
        assertEquals(4, hits.size());
        assertTrue(hits.stream().allMatch(h -> h.layerId().equals("terrils")));
        assertNull(hits.stream().filter(h -> h.feature().text("nom").startsWith("Base")).findFirst()
                .orElseThrow().matchedField(), "only the layer's name matched");
    }

    @Test
    void rankingExactThenLabelThenShorterName() {
        List<SearchHit> hits = small.search("lens", 10);
        // Exact in the label (the commune), then exact in another field or in a label, shorter
        // names first; the prefix match "Lensoise" comes last.
        assertEquals("Lens", hits.get(0).feature().text("nom"));
        assertEquals("communes", hits.get(0).layerId());
        assertEquals("Lens", hits.get(0).displayText());
        assertEquals(List.of("Cité 4 de Lens", "Cité n°9 de Lens"), names(hits.subList(1, 3)));
        assertEquals("Cité du Rond-Point de l'Abbaye", hits.get(3).feature().text("nom"));
        assertEquals("communes", hits.get(3).matchedField());
        assertEquals("Lensoise-sur-Mer", hits.get(hits.size() - 1).feature().text("nom"));
        assertFalse(names(hits).contains("Cité des Alouettes"), "notes are not searched");
        assertEquals(2, small.search("lens", 2).size());
    }

    @Test
    void fieldsSearchedAreNamesPlacesAndNumbers() {
        Schema s = schema("id:string", "id_mbm:string", "nom:string", "communes:string", "commune_principale:string",
                "epci:string", "source:string", "note:string", "logements:integer", "nombre:integer", "NO_TERRIL:string");
        ProjectLayer pl = projectLayer("x", "X", "nom", layer("x", s,
                row("POINT (0 0)", "t1-1", "1", "A", "B", "B", "CALL", "rapport", "note", 3, 4, "T001")));
        assertEquals(List.of("nom", "id_mbm", "communes", "commune_principale", "NO_TERRIL"), FeatureSearch.indexedFields(pl));
        ProjectLayer terrils = projectLayer("t", "T", "nom", layer("t", schema("id:string", "nom:string"),
                row("POINT (0 0)", "T190", "Pont du Sarteau")));
        assertEquals(List.of("nom", "id"), FeatureSearch.indexedFields(terrils));
    }

    @Test
    void numbersAreComparedWithoutTAndLeadingZeros() {
        assertEquals("74", FeatureSearch.canonicalNumber("t074"));
        assertEquals("74", FeatureSearch.canonicalNumber("074"));
        assertEquals("115a", FeatureSearch.canonicalNumber("t115a"));
        assertEquals("0", FeatureSearch.canonicalNumber("t0"));
        assertEquals("74", FeatureSearch.canonicalNumber("74"));
        assertNull(FeatureSearch.canonicalNumber("lens"));
        assertNull(FeatureSearch.canonicalNumber("t"));
        assertNull(FeatureSearch.canonicalNumber("9bis"));
        assertEquals(List.of("cite", "n", "9", "de", "lens", "noeux", "aerien"),
                TextNormalizer.tokens("Cité n°9 de LENS — Nœux, Ǽrien"));
    }

    @Test
    void skipsLayersThatFailedToLoad() {
        ProjectLayer failed = ProjectLayer.failed(TestProjects.entry("x", "X", "nom", true), "Couche « X » : introuvable");
        FeatureSearch s = new FeatureSearch(List.of(failed));
        assertEquals(0, s.size());
        assertTrue(s.search("x", 5).isEmpty());
    }

    // --- the demo map -------------------------------------------------------------------------

    @Test
    void demoProject() throws Exception {
        FeatureSearch s = FeatureSearch.of(TestProjects.demo());
        SearchHit alouettes = s.search("alouettes bully", 5).get(0);
        assertEquals("Cité des Alouettes", alouettes.feature().get("nom"));
        assertEquals("Cité des Alouettes — Bully-les-Mines / Grenay", alouettes.displayText());

        SearchHit t74 = s.search("terril 74", 5).get(0);
        assertEquals("terrils", t74.layerId());
        assertEquals("74", t74.feature().get("numero"));

        SearchHit cite9 = s.search("cite 9 lens", 5).get(0);
        assertEquals("cites", cite9.layerId());
        assertEquals("Cité n°9 de Lens", cite9.feature().get("nom"));

        SearchHit noeux = s.search("noeux", 5).get(0);
        assertEquals("reperes", noeux.layerId());
        assertEquals("Nœux-les-Mines", noeux.feature().get("nom"));

        SearchHit d3 = s.search("D3", 5).get(0);
        assertEquals("bien-inscrit", d3.layerId());
        assertEquals("Cité n°9 de Lens (D3) — Lens", d3.displayText());
    }

    // --- the real open data -------------------------------------------------------------------

    @Test
    void realTerrilNumbers() throws Exception {
        FeatureSearch s = FeatureSearch.of(project(
                real("terrils", "Terrils du bien inscrit", "terrils/terrils-bien-inscrit.geojson"),
                real("terrils-zt", "Terrils de la zone tampon", "terrils/terrils-zone-tampon.geojson"),
                real("bien", "Bien inscrit UNESCO", "unesco/bien-inscrit.geojson")));
        SearchHit t115 = s.search("T115", 5).get(0);
        assertEquals("2 du téléphérique", t115.feature().get("nom"));
        assertEquals("no_terril", t115.matchedField());
        assertEquals("2 du téléphérique (T115) — Libercourt", t115.displayText());

        List<SearchHit> t74 = s.search("terril 74", 10);
        assertEquals("T074", t74.get(0).feature().get("no_terril"), "74 = T074");
        assertEquals(List.of("T074", "T074a", "T074b", "T080"),
                t74.subList(0, 4).stream().map(h -> h.feature().get("no_terril")).toList(), "T080 is UNESCO object 74A");
        SearchHit garennes = t74.get(4);
        assertEquals("bien", garennes.layerId(), "element 74 « Terril et cités des Garennes » after the terrils");
        assertEquals("Terril et cités des Garennes (74)", garennes.displayText());
        assertEquals("T190", s.search("terril 190", 5).get(0).feature().get("id"), "the zone tampon's numbers are in id");
    }

    @Test
    void realUnescoObjectIds() throws Exception {
        LoadedProject p = project(
                real("terrils", "Terrils du bien inscrit", "terrils/terrils-bien-inscrit.geojson"),
                real("terrils-zt", "Terrils de la zone tampon", "terrils/terrils-zone-tampon.geojson"),
                real("cites", "Cités minières du bien inscrit", "cites-minieres/cites-minieres-bien-inscrit.geojson"),
                real("batis", "Bâtis", "unesco/batis.geojson"),
                real("cavaliers", "Cavaliers", "unesco/cavaliers.geojson"),
                real("neo", "Espaces néo-naturels", "unesco/espace-neonaturel.geojson"),
                real("bien", "Bien inscrit UNESCO", "unesco/bien-inscrit.geojson"));
        FeatureSearch s = FeatureSearch.of(p);
        List<SearchHit> hits = s.search("38A", 20);
        assertEquals(List.of("2 du téléphérique (T115) — Libercourt", "7 de Noeux ouest (T038a) — BARLIN"),
                hits.stream().map(SearchHit::displayText).toList(), "the object 38A, then the terril T038a");
        assertEquals("38A", hits.get(0).feature().get("id_unesco"));
        assertEquals("id_unesco", hits.get(0).matchedField());
        assertEquals("Cité de la Faisanderie (38B) — Libercourt",
                s.search("faisanderie libercourt", 5).get(0).displayText());
    }
}
