package fr.bassinminier.atlas.io.geopackage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.Dataset;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.VectorLayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/**
 * The real GeoPackage of ../shared/geodata/fixtures, read in place (never copied into the
 * project). Expected figures were taken from the file with Python's sqlite3 module.
 */
class GeoPackageRealDataTest {
    /** Layer → feature count, in gpkg_contents order. */
    private static final Map<String, Integer> COUNTS = new LinkedHashMap<>();

    static {
        COUNTS.put("bien_inscrit", 109);
        COUNTS.put("zone_tampon", 15);
        COUNTS.put("terrils_bien_inscrit", 51);
        COUNTS.put("terrils_zone_tampon", 111);
        COUNTS.put("cites_minieres_bien_inscrit", 159);
        COUNTS.put("cites_minieres_zone_tampon", 162);
        COUNTS.put("puits_de_mines", 636);
        COUNTS.put("zt_cavaliers", 1317);
        COUNTS.put("communes_mbm", 330);
    }

    @TempDir
    Path tmp;

    /** The shared geodata folder, or the test is skipped (a clone without ../shared beside it). */
    private static Path geodata() {
        String prop = System.getProperty("atlas.geodata");
        Path dir = prop == null ? Path.of("../shared/geodata") : Path.of(prop);
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared/geodata absent : test ignoré");
        return dir;
    }

    private static Path fixture() {
        Path file = geodata().resolve("fixtures/bassin_minier_l93.gpkg");
        Assumptions.assumeTrue(Files.isRegularFile(file), file + " absent : test ignoré");
        return file;
    }

    @Test
    void readsTheNineLayersOfTheMiningBasin() throws Exception {
        Path file = fixture();
        GeoPackageReader reader = new GeoPackageReader();
        assertTrue(reader.canRead(file));
        Dataset ds = reader.read(file);

        assertEquals(List.copyOf(COUNTS.keySet()), ds.layers().stream().map(VectorLayer::name).toList());
        for (VectorLayer layer : ds.layers()) {
            assertEquals(COUNTS.get(layer.name()), layer.size(), layer.name());
            assertEquals(CrsId.LAMBERT_93, layer.crs(), layer.name());
            Envelope b = layer.bounds();
            // Lambert-93 over the Nord-Pas-de-Calais mining basin.
            assertTrue(b.getMinX() > 600_000 && b.getMaxX() < 760_000, layer.name() + " " + b);
            assertTrue(b.getMinY() > 6_900_000 && b.getMaxY() < 7_100_000, layer.name() + " " + b);
        }
        VectorLayer puits = ds.layer("puits_de_mines").orElseThrow();
        assertEquals(GeometryType.POINT, puits.geometryType());
        assertTrue(puits.features().stream().allMatch(f -> f.geometry() != null
                && "Point".equals(f.geometry().getGeometryType())));
        assertEquals(FieldType.DOUBLE, puits.schema().field("profondeur").orElseThrow().type());
        assertEquals(25, puits.features().stream().filter(f -> f.get("profondeur") == null).count());
        Feature first = puits.features().get(0);
        assertEquals(1, first.id());
        assertEquals("Annezin", first.get("commune"));
        assertEquals(384.0, first.get("profondeur"));
        assertEquals("1857", first.get("creusement"));

        VectorLayer cavaliers = ds.layer("zt_cavaliers").orElseThrow();
        assertEquals(GeometryType.MULTILINESTRING, cavaliers.geometryType());
        List<Feature> nulls = cavaliers.features().stream().filter(f -> f.geometry() == null).toList();
        assertEquals(1, nulls.size(), "one cavalier without geometry");
        assertEquals(1317, nulls.get(0).id());
        assertEquals("1316", nulls.get(0).get("id"));
        assertNull(nulls.get(0).get("nom"));

        VectorLayer communes = ds.layer("communes_mbm").orElseThrow();
        assertEquals(GeometryType.MULTIPOLYGON, communes.geometryType());
        Feature noeux = communes.features().stream()
                .filter(f -> "62617".equals(f.get("insee"))).findFirst().orElseThrow();
        assertEquals("Nœux-les-Mines", noeux.get("nom"));
        assertEquals(107, noeux.id());
        assertEquals(FieldType.INTEGER, communes.schema().field("population").orElseThrow().type());
        assertEquals(11418, noeux.get("population"));
        assertEquals(1_352_111L, communes.features().stream()
                .mapToLong(f -> ((Integer) f.get("population")).longValue()).sum());
        assertTrue(communes.features().stream().anyMatch(f -> "Annœullin".equals(f.get("nom"))));

        // zone_tampon's primary key is "id", not "fid": it is the feature id, not an attribute.
        VectorLayer zone = ds.layer("zone_tampon").orElseThrow();
        assertEquals(List.of("surface_ha"), zone.schema().fields().stream().map(f -> f.name()).toList());
        assertEquals(List.of(1L, 2L, 3L), zone.features().stream().limit(3).map(Feature::id).toList());

        VectorLayer bien = ds.layer("bien_inscrit").orElseThrow();
        double ha = bien.features().stream().mapToDouble(f -> (Double) f.get("surface_ha")).sum();
        assertEquals(3974.84, ha, 1e-6);
        // ≈ 3,969 ha of the inscribed property, from the geometries themselves.
        double area = bien.features().stream().mapToDouble(f -> f.geometry().getArea()).sum() / 10_000;
        assertEquals(3969, area, 40);
    }

    @Test
    void readingLeavesTheFileAndItsFolderUntouched() throws Exception {
        Path file = fixture();
        byte[] before = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        FileTime modified = Files.getLastModifiedTime(file);
        List<Path> siblings;
        try (Stream<Path> s = Files.list(file.getParent())) {
            siblings = s.sorted().toList();
        }
        new GeoPackageReader().read(file);
        new GeoPackageReader().read(file);
        assertArrayEquals(before, MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertEquals(modified, Files.getLastModifiedTime(file));
        try (Stream<Path> s = Files.list(file.getParent())) {
            assertEquals(siblings, s.sorted().toList(), "no journal or other file left beside it");
        }
    }

    @Test
    void writingTheRealLayersBackKeepsThem() throws Exception {
        GeoPackageReader reader = new GeoPackageReader();
        Dataset original = reader.read(fixture());
        Path copy = tmp.resolve("bassin_minier_copie.gpkg");
        new GeoPackageWriter().write(copy, original.layers());
        Dataset back = reader.read(copy);
        assertEquals(original.layers().size(), back.layers().size());
        for (VectorLayer o : original.layers()) {
            VectorLayer b = back.layer(o.name()).orElseThrow();
            assertEquals(o.size(), b.size(), o.name());
            assertEquals(o.geometryType(), b.geometryType(), o.name());
            assertEquals(o.crs(), b.crs(), o.name());
            assertEquals(o.schema().fields(), b.schema().fields(), o.name());
            assertEquals(o.bounds(), b.bounds(), o.name());
            for (int i = 0; i < o.size(); i++) {
                Feature fo = o.features().get(i);
                Feature fb = b.features().get(i);
                assertEquals(fo.id(), fb.id());
                assertEquals(fo.attributes(), fb.attributes(), o.name() + " " + fo.id());
                if (fo.geometry() == null) {
                    assertNull(fb.geometry());
                } else {
                    assertTrue(fo.geometry().equalsExact(fb.geometry()), o.name() + " " + fo.id());
                }
            }
        }
        assertFalse(Files.exists(tmp.resolve("bassin_minier_copie.gpkg-journal")));
    }
}
