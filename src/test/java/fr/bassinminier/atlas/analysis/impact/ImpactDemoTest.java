package fr.bassinminier.atlas.analysis.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.analysis.TestProjects;
import fr.bassinminier.atlas.analysis.impact.ImpactReport.CiteStatus;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

/** The check on the demo map: right layers by id, renovation states, and the indicative-data warning. */
class ImpactDemoTest {
    private static HeritageIndex demo() throws Exception {
        return HeritageIndex.build(HeritageLayers.fromProject(TestProjects.demo()));
    }

    @Test
    void demoLayersByIdAndContent() throws Exception {
        HeritageLayers l = HeritageLayers.fromProject(TestProjects.demo());
        assertEquals("bien-inscrit", l.withRole(HeritageRole.PROPERTY).get(0).layer().entry().id());
        assertEquals("zone-tampon", l.withRole(HeritageRole.BUFFER).get(0).layer().entry().id());
        assertEquals("cites", l.withRole(HeritageRole.CITE).get(0).layer().entry().id());
        assertEquals("terrils", l.withRole(HeritageRole.TERRIL).get(0).layer().entry().id());
        // Towns, bus lines and parks are not heritage.
        assertEquals(4, l.layers().size(), l.layers().toString());
    }

    @Test
    void insideADemoComponentWarnsThatTheDataAreIndicative() throws Exception {
        ProjectLayer bien = TestProjects.demoLayer("bien-inscrit");
        Feature site = TestProjects.byName(bien, "Site minier du 11/19");
        Point inside = site.geometry().getInteriorPoint();
        ImpactReport r = demo().check(new Footprint(inside, "test", "EPSG:2154"), ImpactOptions.DEFAULT);
        assertEquals(ImpactReport.Situation.BIEN, r.situation());
        assertEquals("D1", r.property().components().get(0).number());
        assertTrue(r.indicative());
        assertTrue(r.sources().stream().allMatch(HeritageSource::indicative));
        assertTrue(r.warnings().get(0).startsWith("Données indicatives"), r.warnings().toString());
        String text = ImpactText.format(r, ReportInfo.today("PC 1", null));
        assertTrue(text.contains("DONNÉES INDICATIVES"), text);
        assertTrue(text.contains("ATTENTION : Données indicatives"), text);
    }

    @Test
    void citesWithTheirRenovationState() throws Exception {
        ProjectLayer cites = TestProjects.demoLayer("cites");
        Feature alouettes = TestProjects.byName(cites, "Cité des Alouettes");
        Point inside = alouettes.geometry().getInteriorPoint();
        ImpactReport r = demo().check(new Footprint(inside, "test", "EPSG:2154"), ImpactOptions.DEFAULT);
        CiteStatus c = r.cites().stream().filter(s -> "Cité des Alouettes".equals(s.element().name())).findFirst()
                .orElseThrow();
        assertEquals(0, c.element().distance());
        assertTrue(c.renovationRecorded());
        assertEquals("livrée", c.record().renovation());
        assertEquals("2022-12", c.record().statusDate());
        assertTrue(ImpactText.cite(c).contains("réhabilitation des logements : livrée (état au 2022-12)"),
                ImpactText.cite(c));
    }
}
