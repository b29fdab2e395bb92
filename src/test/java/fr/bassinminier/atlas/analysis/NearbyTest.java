package fr.bassinminier.atlas.analysis;

import static fr.bassinminier.atlas.analysis.TestProjects.layer;
import static fr.bassinminier.atlas.analysis.TestProjects.project;
import static fr.bassinminier.atlas.analysis.TestProjects.projectLayer;
import static fr.bassinminier.atlas.analysis.TestProjects.row;
import static fr.bassinminier.atlas.analysis.TestProjects.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.util.List;
import org.junit.jupiter.api.Test;

class NearbyTest {
    private static final Schema S = schema("nom:string");

    private static List<String> names(List<FeatureHit> hits) {
        return hits.stream().map(h -> h.feature().text("nom")).toList();
    }

    @Test
    void withinRadiusNearestFirstInTheChosenLayers() {
        ProjectLayer cites = projectLayer("cites", "Cités", "nom", layer("cites", S,
                row("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))", "cité"),
                row("POLYGON ((0 150, 100 150, 100 250, 0 250, 0 150))", "voisine")));
        LoadedProject p = project(cites,
                projectLayer("terrils", "Terrils", "nom", layer("terrils", S,
                        row("POLYGON ((1700 0, 1800 0, 1800 100, 1700 100, 1700 0))", "à 1 600 m"),
                        row("POLYGON ((600 0, 700 0, 700 100, 600 100, 600 0))", "à 500 m"),
                        row("POLYGON ((50 50, 150 50, 150 150, 50 150, 50 50))", "chevauche"))),
                projectLayer("unesco", "Bien inscrit", "nom", layer("unesco", S,
                        row("POINT (1100 50)", "à 1 000 m"))),
                projectLayer("autre", "Autre", "nom", layer("autre", S, row("POINT (110 50)", "à 10 m"))));
        Feature cite = cites.data().features().get(0);
        List<FeatureHit> hits = Nearby.around(p, cite, List.of("terrils", "unesco", "cites"));
        assertEquals(List.of("chevauche", "voisine", "à 500 m", "à 1 000 m"), names(hits), "the cité itself left out");
        assertEquals(List.of(0.0, 50.0, 500.0, 1000.0), hits.stream().map(FeatureHit::distance).toList());
        assertEquals("Bien inscrit", hits.get(3).layerTitle());
        assertEquals(List.of("chevauche"), names(Nearby.around(p, cite, List.of("terrils"), 100)));
        assertEquals(List.of(), Nearby.around(p, cite, List.of("absente")));
    }

    @Test
    void demoCite9OfLensSeesTheTwinTerrilsOf11_19() throws Exception {
        LoadedProject demo = TestProjects.demo();
        Feature cite9 = TestProjects.byName(TestProjects.demoLayer("cites"), "Cité n°9 de Lens");
        List<FeatureHit> hits = Nearby.around(demo, cite9, List.of("bien-inscrit", "terrils"), 4000);
        List<String> names = names(hits);
        assertTrue(names.contains("Terril 74 (terrils jumeaux du 11/19)"), names.toString());
        assertTrue(names.contains("Terril 74A (terrils jumeaux du 11/19)"), names.toString());
        FeatureHit component = hits.get(0);
        assertEquals("bien-inscrit", component.layerId(), "its own UNESCO component first");
        assertEquals("D3", component.feature().get("no_element"));
        assertEquals(0, component.distance());
        for (int i = 1; i < hits.size(); i++) assertTrue(hits.get(i - 1).distance() <= hits.get(i).distance());
        FeatureHit t74 = hits.stream().filter(h -> "74".equals(h.feature().get("numero"))).findFirst().orElseThrow();
        assertTrue(t74.distance() > 500 && t74.distance() < 4000, "distance " + t74.distance());
        System.out.println("Cité n°9 de Lens → " + hits.stream()
                .map(h -> h.feature().text("nom") + " " + Measure.formatDistance(h.distance())).toList());
    }
}
