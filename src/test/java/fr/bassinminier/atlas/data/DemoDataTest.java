package fr.bassinminier.atlas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.io.Formats;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.testsupport.GeoData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The demo data against the seeds' facts and against the real commune outlines: every demo
 * feature that names a commune lies in it. The outlines are read from ../shared/geodata and
 * nothing of them is kept in the project.
 */
class DemoDataTest {
    private static Path data(String name) {
        return Path.of(System.getProperty("atlas.projectDir", "."), "src", "test", "resources", "legacy-demo").resolve("maps/data").resolve(name);
    }

    private static VectorLayer layer(Path p) throws Exception {
        return CrsTransforms.transform(Formats.read(p).layers().get(0), CrsId.LAMBERT_93);
    }

    private static Feature find(VectorLayer l, String nom) {
        return l.features().stream().filter(f -> nom.equals(f.get("nom"))).findFirst()
                .orElseThrow(() -> new AssertionError("absent : " + nom));
    }

    @Test
    void everyTableOfTheReportIsThere() throws Exception {
        VectorLayer cites = layer(data("cites.geojson"));
        Map<Object, Long> byTable = cites.features().stream()
                .collect(Collectors.groupingBy(f -> f.get("tableau"), Collectors.counting()));
        // Rows of tables 1–5 of the 2016 report (table 2 announces 20 cités but lists 19 rows).
        assertEquals(25L, byTable.get(1));
        assertEquals(19L, byTable.get(2));
        assertEquals(7L, byTable.get(3));
        assertEquals(13L, byTable.get(4));
        assertEquals(4L, byTable.get(5));
        long t1Dwellings = cites.features().stream().filter(f -> Integer.valueOf(1).equals(f.get("tableau")))
                .mapToLong(f -> ((Number) f.get("logements")).longValue()).sum();
        // Table 1's heading says "11 607 logements estimés"; its rows add up to this.
        assertEquals(11607, t1Dwellings, 30);
    }

    @Test
    void erbmStatusesComeFromTheNotes() throws Exception {
        VectorLayer cites = layer(data("cites.geojson"));
        Feature alouettes = find(cites, "Cité des Alouettes");
        assertEquals(804, alouettes.get("logements"));
        assertEquals("livrée", alouettes.get("statut_renovation"));
        assertEquals("livrée", find(cites, "Cité des Genettes").get("statut_renovation"));
        assertEquals("achevée", find(cites, "Cité des Acacias Ancienne").get("statut_urbain"));
        Feature hautsPres = cites.features().stream().filter(f -> f.text("nom").contains("Hauts Pr")).findFirst().orElseThrow();
        assertEquals(272, hautsPres.get("logements"));
        assertEquals("Lallaing", hautsPres.get("commune_principale"));
        for (Feature f : cites.features()) {
            assertNotNull(f.get("source"), f.text("nom"));
            assertEquals(Boolean.TRUE, f.get("indicatif"), f.text("nom"));
        }
    }

    @Test
    void eachDemoFeatureLiesInTheCommuneItNames() throws Exception {
        Path communesFile = GeoData.require("communes/communes-mbm.geojson");
        Map<String, Geometry> communes = new HashMap<>();
        for (Feature c : layer(communesFile).features()) communes.put(c.text("nom"), c.geometry());
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        // A cité may straddle the communes it lists ("Sallaumines / Méricourt"): it must lie in one of them.
        for (String[] spec : new String[][] {{"cites.geojson", "communes"}, {"terrils.geojson", "commune"},
                {"unesco-bien-inscrit.geojson", "commune"}, {"communes-reperes.geojson", "nom"}}) {
            for (Feature f : layer(data(spec[0])).features()) {
                String name = f.text(spec[1]);
                Geometry g = f.geometry();
                Geometry probe = g.getDimension() == 2
                        ? new GeometryFactory().createPoint(InteriorPointArea.getInteriorPoint(g)) : g;
                checked++;
                boolean inside = false;
                for (String one : name.split("\\s*/\\s*")) {
                    Geometry commune = communes.get(one);
                    if (commune == null) wrong.add(spec[0] + " : « " + f.text("nom") + " » nomme une commune inconnue « " + one + " »");
                    else inside |= commune.covers(probe);
                }
                if (!inside) wrong.add(spec[0] + " : « " + f.text("nom") + " » hors de " + name);
            }
        }
        assertTrue(checked > 100, "checked " + checked);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
