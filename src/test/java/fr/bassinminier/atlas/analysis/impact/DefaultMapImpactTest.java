package fr.bassinminier.atlas.analysis.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.bassinminier.atlas.io.project.DemoProject;
import fr.bassinminier.atlas.io.project.ProjectLoader;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.project.LoadedProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/** The heritage check on the map users open: the official perimeters, whatever else is loaded. */
class DefaultMapImpactTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private static LoadedProject project;
    private static HeritageIndex index;

    @BeforeAll
    static void load() throws Exception {
        project = ProjectLoader.open(Path.of(System.getProperty("atlas.projectDir", "."), "maps", DemoProject.FILE));
        index = HeritageIndex.build(HeritageLayers.fromProject(project));
    }

    private static ImpactReport check(HeritageIndex idx, Geometry g) {
        return idx.check(new Footprint(g, "test", "EPSG:2154"), ImpactOptions.DEFAULT);
    }

    @Test
    void aPointInsideEachOfThe109ElementsIsInTheProperty() {
        List<Feature> elements = project.layer("bien-inscrit").orElseThrow().data().features();
        assertEquals(109, elements.size());
        List<String> wrong = new ArrayList<>();
        for (Feature f : elements) {
            Point p = f.geometry().getInteriorPoint();
            ImpactReport r = check(index, p);
            if (r.situation() != ImpactReport.Situation.BIEN) wrong.add(f.get("no_element") + " → " + r.situation());
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theAnswerNamesTheOfficialSimplifiedLayersItUsed() {
        ImpactReport r = check(index, GF.createPoint(new Coordinate(688117, 7037177)));
        assertFalse(r.indicative());
        HeritageSource prop = r.sources().stream().filter(s -> s.role() == HeritageRole.PROPERTY).findFirst()
                .orElseThrow();
        assertEquals("bien-inscrit", prop.layerId());
        assertTrue(prop.simplified());
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("Copie simplifiée")), r.warnings().toString());
        // Bus lines and parks are indicative but play no heritage role, so they do not taint the answer.
        assertTrue(r.sources().stream().noneMatch(HeritageSource::indicative));
    }

    @Test
    void addingTheOfficialFilesChangesNoAnswerTheyGiveAlone() throws Exception {
        Path gpkg = Path.of(System.getProperty("atlas.geodata", "../shared/geodata"), "fixtures",
                "bassin_minier_l93.gpkg");
        assumeTrue(Files.isRegularFile(gpkg), "../shared/geodata absent : test sauté (" + gpkg + ")");
        HeritageIndex alone = HeritageIndex.build(HeritageLayers.fromFiles(List.of(gpkg)));
        HeritageLayers both = HeritageLayers.withFiles(project, List.of(gpkg), Map.of());
        HeritageIndex mixed = HeritageIndex.build(both);
        // The user's full-precision files win each role they cover; the shipped copy is set aside, not merged.
        assertTrue(both.setAside().stream().anyMatch(a -> a.role() == HeritageRole.PROPERTY
                && a.title().startsWith("Bien inscrit (109")), both.setAside().toString());
        assertEquals(1, both.withRole(HeritageRole.PROPERTY).size());
        // Points inside, outside and near the edges of every property element and buffer-zone part.
        List<Geometry> probes = new ArrayList<>();
        for (String layer : List.of("bien-inscrit", "zone-tampon")) {
            for (Feature f : project.layer(layer).orElseThrow().data().features()) {
                Geometry g = f.geometry();
                probes.add(g.getInteriorPoint());
                Coordinate c = g.getCoordinates()[0];
                for (double d : new double[] {-12, -3, 0, 3, 12}) probes.add(GF.createPoint(new Coordinate(c.x + d, c.y + d)));
                probes.add(GF.createPoint(new Coordinate(g.getEnvelopeInternal().getMaxX() + 300, g.getCentroid().getY())));
            }
        }
        int differ = 0;
        for (Geometry p : probes) {
            ImpactReport a = check(alone, p);
            ImpactReport m = check(mixed, p);
            if (a.situation() != m.situation() || Math.abs(a.property().distance() - m.property().distance()) > 1e-6) {
                differ++;
            }
        }
        assertEquals(0, differ, "sur " + probes.size() + " points");
        // The same point the first users saw answered wrongly: 50.43958 N 2.73272 E.
        Geometry p = fr.bassinminier.atlas.crs.CrsTransforms.transform(GF.createPoint(new Coordinate(2.73272, 50.43958)),
                CrsId.WGS84, CrsId.LAMBERT_93);
        assertEquals(check(alone, p).situation(), check(mixed, p).situation());
    }
}
