package fr.bassinminier.atlas.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.testsupport.GeoData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every data file of ../shared/geodata opens through the same entry point the program uses,
 * with the feature counts of its README, the right CRS, and French names decoded cleanly.
 */
class RealDataFilesTest {
    /** Feature counts per file (and per layer for multi-layer files), from the data README. */
    private static final Map<String, Integer> COUNTS = Map.ofEntries(
            Map.entry("unesco/bien-inscrit.geojson", 109), Map.entry("unesco/zone-tampon.geojson", 15),
            Map.entry("unesco/batis.geojson", 159), Map.entry("unesco/cavaliers.geojson", 14),
            Map.entry("unesco/espace-neonaturel.geojson", 5), Map.entry("unesco/bassin-minier-mbm.geojson", 1),
            Map.entry("terrils/terrils-bien-inscrit.geojson", 51), Map.entry("terrils/terrils-zone-tampon.geojson", 111),
            Map.entry("cites-minieres/cites-minieres-bien-inscrit.geojson", 159),
            Map.entry("cites-minieres/cites-minieres-zone-tampon.geojson", 162),
            Map.entry("communes/communes-mbm.geojson", 330), Map.entry("communes/epci-mbm.geojson", 9),
            Map.entry("communes/departements-59-62.geojson", 2),
            Map.entry("fixtures/terrils_zone_tampon_wgs84.geojson", 111),
            Map.entry("fixtures/shp_l93_latin1_cpg/communes_mbm_l93.shp", 330),
            Map.entry("fixtures/shp_l93_latin1_cpg/terrils_bien_inscrit_l93.shp", 51),
            Map.entry("fixtures/bassin_minier_l93.gpkg#bien_inscrit", 109),
            Map.entry("fixtures/bassin_minier_l93.gpkg#zone_tampon", 15),
            Map.entry("fixtures/bassin_minier_l93.gpkg#puits_de_mines", 636),
            Map.entry("fixtures/bassin_minier_l93.gpkg#zt_cavaliers", 1317),
            Map.entry("fixtures/bassin_minier_l93.gpkg#communes_mbm", 330));

    private static boolean isDataFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".geojson") || n.endsWith(".shp") || n.endsWith(".gpkg") || n.endsWith(".zip");
    }

    @Test
    void everyFileOpensWithItsCountsCrsAndCleanText() throws Exception {
        Path root = GeoData.require(".").normalize();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).filter(RealDataFilesTest::isDataFile).sorted().toList();
        }
        assertTrue(files.size() >= 16, "files " + files);
        int countsChecked = 0;
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            String rel = root.relativize(f).toString().replace('\\', '/');
            Dataset ds = Formats.read(f);
            assertFalse(ds.layers().isEmpty(), rel);
            boolean lambert = rel.endsWith(".shp") || rel.endsWith(".gpkg");
            for (VectorLayer l : ds.layers()) {
                String key = ds.layers().size() == 1 ? rel : rel + "#" + l.name();
                Integer expected = COUNTS.get(key);
                if (expected != null) {
                    assertEquals(expected.intValue(), l.size(), key);
                    countsChecked++;
                }
                assertEquals(lambert ? CrsId.LAMBERT_93 : CrsId.WGS84, l.crs(), key);
                for (Feature feat : l.features()) {
                    for (Object v : feat.attributes().values()) {
                        if (v instanceof String s && (s.contains("Ã") || s.contains("\uFFFD") || s.contains("Â"))) {
                            problems.add(key + " : « " + s + " »");
                        }
                    }
                }
            }
        }
        assertEquals(COUNTS.size(), countsChecked, "every file named in the data README was found and counted");
        assertTrue(problems.isEmpty(), "mojibake: " + problems);
    }

    @Test
    void frenchNamesAreDecodedInEveryFormat() throws Exception {
        assertTrue(names(GeoData.require("communes/communes-mbm.geojson"), "nom").contains("Nœux-les-Mines"));
        assertTrue(names(GeoData.require("fixtures/bassin_minier_l93.gpkg"), "nom").contains("Nœux-les-Mines"));
        List<String> shp = names(GeoData.require("fixtures/shp_l93_latin1_cpg/communes_mbm_l93.shp"), "nom");
        assertTrue(shp.contains("Liévin") && shp.contains("Hénin-Beaumont") && shp.contains("Noeux-les-Mines"), shp.toString());
    }

    private static List<String> names(Path file, String field) throws Exception {
        List<String> out = new ArrayList<>();
        for (VectorLayer l : Formats.read(file).layers()) {
            if (l.schema().indexOf(field) < 0) continue;
            for (Feature f : l.features()) out.add(f.text(field));
        }
        return out;
    }
}
