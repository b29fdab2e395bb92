package fr.bassinminier.atlas.analysis.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.bassinminier.atlas.io.Formats;
import fr.bassinminier.atlas.io.project.DemoProject;
import fr.bassinminier.atlas.io.project.LayerImport;
import fr.bassinminier.atlas.io.project.ProjectLoader;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.OfficialSets;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The official files a user adds are recognised, attributed and styled by themselves. */
class OfficialSetProjectTest {
    private static Path fixture(String rel) {
        Path p = Path.of(System.getProperty("atlas.geodata", "../shared/geodata"), rel);
        assumeTrue(Files.exists(p), "../shared/geodata absent : test sauté (" + p + ")");
        return p;
    }

    @Test
    void theOfficialGeoPackageOpensWithTheSixThemesAndItsAttribution() throws Exception {
        Path gpkg = fixture("fixtures/bassin_minier_l93.gpkg");
        LoadedProject template = ProjectLoader.open(Path.of(System.getProperty("atlas.projectDir", "."), "maps",
                DemoProject.FILE));
        LoadedProject p = OfficialSetProject.open(List.of(gpkg), template);
        ProjectLayer bien = p.layers().stream().filter(l -> HeritageLayers.roleOf(l) == HeritageRole.PROPERTY)
                .findFirst().orElseThrow();
        assertTrue(bien.entry().sld().endsWith("bien-inscrit.sld"), bien.entry().sld());
        assertNotNull(bien.style());
        assertEquals(OfficialSets.ATTRIBUTION, bien.entry().attribution());
        assertFalse(bien.entry().provenance().simplified());
        assertTrue(p.indicativeShown().isEmpty(), "official data carry no indicative mark");
        assertTrue(p.layers().stream().anyMatch(l -> HeritageLayers.roleOf(l) == HeritageRole.CITE
                && l.entry().sld() != null && l.entry().sld().endsWith("cites.sld")));
    }

    @Test
    void anAddedShapefileIsAttributedByItsFieldsElseByItsName() throws Exception {
        Path shp = fixture("fixtures/shp_l93_latin1_cpg/terrils_bien_inscrit_l93.shp");
        List<ProjectLayer> ls = LayerImport.toProjectLayers(Formats.read(shp), null, CrsId.LAMBERT_93);
        assertEquals(OfficialSets.ATTRIBUTION, ls.get(0).entry().credit());
        Path communes = fixture("fixtures/shp_l93_latin1_cpg/communes_mbm_l93.shp");
        ProjectLayer c = LayerImport.toProjectLayers(Formats.read(communes), null, CrsId.LAMBERT_93).get(0);
        assertFalse(c.entry().provenance().isKnown());
        assertTrue(c.entry().credit().contains("communes_mbm_l93.shp"), c.entry().credit());
    }
}
