package fr.bassinminier.atlas.analysis;

import static fr.bassinminier.atlas.analysis.TestProjects.c;
import static fr.bassinminier.atlas.analysis.TestProjects.entry;
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
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;

class IdentifyTest {
    private static final Schema S = schema("nom:string");
    private static final LoadedProject P = project(
            projectLayer("points", "Points", "nom", layer("points", S, row("POINT (50 52)", "repère"))),
            projectLayer("lines", "Lignes", "nom", layer("lines", S, row("LINESTRING (0 60, 100 60)", "ligne"))),
            projectLayer("polys", "Polygones", "nom", layer("polys", S,
                    row("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))", "grand"),
                    row("POLYGON ((40 40, 60 40, 60 60, 40 60, 40 40))", "petit"),
                    row("POLYGON ((200 0, 300 0, 300 100, 200 100, 200 0))", "loin"),
                    row("POLYGON ((0 200, 100 200, 100 300, 0 300, 0 200), (40 240, 60 240, 60 260, 40 260, 40 240))", "troué"),
                    row(null, "sans géométrie"))),
            ProjectLayer.loaded(entry("hidden", "Cachée", "nom", false), layer("hidden", S,
                    row("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))", "caché"))));

    private static List<String> names(List<FeatureHit> hits) {
        return hits.stream().map(h -> h.feature().text("nom")).toList();
    }

    @Test
    void topLayerFirstThenSmallestPolygon() {
        List<FeatureHit> hits = Identify.at(P, c(50, 50), 5);
        assertEquals(List.of("repère", "petit", "grand"), names(hits), "line 10 m away, hidden layer and far polygon left out");
        assertEquals(2, hits.get(0).distance(), 1e-9);
        assertEquals(0, hits.get(1).distance());
        assertEquals("points", hits.get(0).layerId());
        assertEquals("Polygones", hits.get(1).layerTitle());
        assertEquals(List.of("repère", "ligne", "petit", "grand"), names(Identify.at(P, c(50, 50), 10)));
    }

    @Test
    void polygonEdgeWithinToleranceAndHoles() {
        assertEquals(List.of("grand"), names(Identify.at(P, c(103, 30), 4)));
        assertEquals(List.of(), names(Identify.at(P, c(105, 30), 4)));
        List<FeatureHit> inHole = Identify.at(P, c(50, 250), 4);
        assertEquals(List.of(), names(inHole), "a hole is not part of the polygon");
        assertEquals(List.of("troué"), names(Identify.at(P, c(50, 250), 10)));
        assertEquals(List.of("troué"), names(Identify.at(P, c(20, 250), 0)));
    }

    @Test
    void demoCiteUnderItsCentre() throws Exception {
        ProjectLayer cites = TestProjects.demoLayer("cites");
        for (String nom : List.of("Cité des Alouettes", "Cité n°9 de Lens", "Cité Declercq")) {
            Feature cite = TestProjects.byName(cites, nom);
            Coordinate centre = InteriorPointArea.getInteriorPoint(cite.geometry());
            List<FeatureHit> hits = Identify.at(TestProjects.demo(), centre, 2.0);
            assertTrue(!hits.isEmpty(), nom);
            assertEquals("cites", hits.get(0).layerId(), nom);
            assertEquals(nom, hits.get(0).feature().get("nom"));
            assertEquals(0, hits.get(0).distance());
        }
    }
}
