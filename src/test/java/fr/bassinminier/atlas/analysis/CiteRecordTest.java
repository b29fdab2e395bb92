package fr.bassinminier.atlas.analysis;

import static fr.bassinminier.atlas.analysis.TestProjects.layer;
import static fr.bassinminier.atlas.analysis.TestProjects.projectLayer;
import static fr.bassinminier.atlas.analysis.TestProjects.row;
import static fr.bassinminier.atlas.analysis.TestProjects.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.util.List;
import org.junit.jupiter.api.Test;

class CiteRecordTest {
    @Test
    void demoCiteWithItsSources() throws Exception {
        CiteRecord r = CiteRecord.of(TestProjects.byName(TestProjects.demoLayer("cites"), "Cité des Alouettes"));
        assertEquals("Cité des Alouettes", r.name());
        assertEquals(List.of("Bully-les-Mines", "Grenay"), r.communes());
        assertEquals("Bully-les-Mines / Grenay", r.communesText());
        assertEquals("CALL", r.epci());
        assertEquals("Maisons et Cités", r.owners());
        assertEquals(804, r.dwellings());
        assertEquals("Non", r.unesco());
        assertNull(r.unescoId());
        assertEquals("ERBM prioritaire", r.programme());
        assertEquals("livrée", r.renovation());
        assertNull(r.urbanRenewal());
        assertEquals("2022-12", r.statusDate());
        assertTrue(r.source().startsWith("Rapport interministériel"), r.source());
        assertTrue(r.statusSource().startsWith("Communiqué"), r.statusSource());
        CiteRecord.Fact renovation = r.facts().stream().filter(f -> f.label().equals("Réhabilitation des logements"))
                .findFirst().orElseThrow();
        assertEquals("livrée", renovation.value());
        assertEquals(r.statusSource(), renovation.source());
        CiteRecord.Fact dwellings = r.facts().stream().filter(f -> f.label().equals("Logements")).findFirst().orElseThrow();
        assertEquals("804", dwellings.value());
        assertEquals(r.source(), dwellings.source());
        assertFalse(r.facts().stream().anyMatch(f -> f.label().equals("Rénovation urbaine")), "unknown: left out");
    }

    @Test
    void whichDemoLayersAreCites() throws Exception {
        for (ProjectLayer l : TestProjects.demo().layers()) {
            assertEquals(l.entry().id().equals("cites"), CiteRecord.isCite(l), l.entry().id());
        }
        assertFalse(CiteRecord.isCite(ProjectLayer.failed(TestProjects.entry("x", "X", null, true), "erreur")));
    }

    @Test
    void realInventoryOfTheMissionBassinMinier() throws Exception {
        ProjectLayer cites = TestProjects.real("cites", "Cités minières", "cites-minieres/cites-minieres-bien-inscrit.geojson");
        assertTrue(CiteRecord.isCite(cites));
        assertTrue(CiteRecord.isCite(TestProjects.real("cites-zt", "Cités (zone tampon)",
                "cites-minieres/cites-minieres-zone-tampon.geojson")));
        assertFalse(CiteRecord.isCite(TestProjects.real("terrils", "Terrils", "terrils/terrils-bien-inscrit.geojson")));
        assertFalse(CiteRecord.isCite(TestProjects.real("batis", "Bâtis", "unesco/batis.geojson")));
        assertFalse(CiteRecord.isCite(TestProjects.real("communes", "Communes", "communes/communes-mbm.geojson")));
        assertFalse(CiteRecord.isCite(TestProjects.real("bien", "Bien inscrit", "unesco/bien-inscrit.geojson")));

        CiteRecord r = CiteRecord.of(TestProjects.byName(cites, "Cité de la Faisanderie"));
        assertEquals(List.of("Libercourt"), r.communes());
        assertEquals("38B", r.unescoId());
        assertEquals("Inscrit", r.unesco());
        assertEquals("Cité moderne", r.type());
        assertEquals("Groupe d'Oignies", r.company());
        assertNull(r.dwellings());
        assertNull(r.source());
        assertTrue(r.facts().stream().anyMatch(f -> f.value().equals("Inscrit (élément 38B)")));
    }

    @Test
    void shapefileNamesUpperCaseAndCut() {
        ProjectLayer l = projectLayer("c", "C", "NOM", layer("c", schema("NOM:string", "COMMUNE_1:string", "COMMUNE_2:string",
                        "LOGEMENTS:string", "STATUT_REN:string", "STATUT_SOU:string"),
                row(null, "Cité Foch", "Hénin-Beaumont", " ", "1 204", "programmée", "Note ERBM")));
        assertTrue(CiteRecord.isCite(l));
        Feature f = l.data().features().get(0);
        CiteRecord r = CiteRecord.of(f);
        assertEquals("Cité Foch", r.name());
        assertEquals(List.of("Hénin-Beaumont"), r.communes());
        assertEquals(1204, r.dwellings());
        assertEquals("programmée", r.renovation());
        assertEquals("Note ERBM", r.statusSource());
        assertNull(r.epci());
        assertEquals("1\u202f204", r.facts().stream().filter(x -> x.label().equals("Logements")).findFirst().orElseThrow().value());
    }
}
