package fr.bassinminier.atlas.io.shapefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.Dataset;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.testsupport.GeoData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** The Lambert-93 Latin-1 shapefiles of ../shared/geodata/fixtures, read in place. */
class ShapefileRealDataTest {
    private static final String DIR = "fixtures/shp_l93_latin1_cpg/";

    private final List<String> warnings = new ArrayList<>();

    private VectorLayer read(String name) throws Exception {
        Path shp = GeoData.require(DIR + name);
        VectorLayer layer = new ShapefileReader().readLayer(new ShapefileFiles(shp), warnings::add);
        assertTrue(warnings.isEmpty(), "no warning expected on clean official data: " + warnings);
        return layer;
    }

    @Test
    void communes() throws Exception {
        VectorLayer layer = read("communes_mbm_l93.shp");
        assertEquals("communes_mbm_l93", layer.name());
        assertEquals(330, layer.size());
        assertEquals("EPSG:2154", layer.crs().code());
        assertTrue(layer.geometryType().family() == GeometryType.Family.POLYGON, layer.geometryType().toString());

        List<String> fields = layer.schema().fields().stream().map(f -> f.name()).toList();
        assertEquals(List.of("id", "insee", "nom", "statut", "population", "surface_km", "epci_siren", "epci_nom"),
                fields);
        assertTrue(fields.stream().allMatch(n -> n.length() <= 10), "dBASE names are cut to 10 characters");
        assertEquals(FieldType.INTEGER, layer.schema().field("population").orElseThrow().type());
        assertEquals(FieldType.DOUBLE, layer.schema().field("surface_km").orElseThrow().type());

        Set<String> names = layer.features().stream().map(f -> f.text("nom")).collect(Collectors.toSet());
        assertTrue(names.contains("Liévin"), "Liévin decoded from ISO-8859-1");
        assertTrue(names.contains("Hénin-Beaumont"));
        assertTrue(names.contains("Éleu-dit-Leauwette"));
        assertTrue(names.contains("Courcelles-lès-Lens"));
        assertTrue(names.contains("Noeux-les-Mines"), "transliterated in the Latin-1 copy (see README)");
        assertTrue(names.stream().noneMatch(n -> n.contains("Ã") || n.contains("\uFFFD")), "no mojibake");

        Feature lens = layer.features().stream().filter(f -> f.text("nom").equals("Lens")).findFirst().orElseThrow();
        assertEquals("62498", lens.get("insee"));
        assertEquals("Sous-Préfecture", lens.get("statut"));
        assertTrue((Integer) lens.get("population") > 20_000);

        // Every commune of the basin lies in Lambert-93 around Lens, Douai and Valenciennes.
        Envelope basin = new Envelope(600_000, 800_000, 6_950_000, 7_100_000);
        for (Feature f : layer.features()) {
            Geometry g = f.geometry();
            assertNotNull(g, f.toString());
            assertTrue(basin.covers(g.getEnvelopeInternal()), f.toString());
            assertTrue(g.getArea() > 0);
        }
        // Ring grouping: the total area agrees with the surface attribute (km²) within 2 %.
        double area = layer.features().stream().mapToDouble(f -> f.geometry().getArea()).sum() / 1e6;
        double declared = layer.features().stream().mapToDouble(f -> (Double) f.get("surface_km")).sum();
        assertEquals(declared, area, declared * 0.02);
    }

    @Test
    void terrilsOfTheInscribedProperty() throws Exception {
        VectorLayer layer = read("terrils_bien_inscrit_l93.shp");
        assertEquals(51, layer.size());
        assertEquals("EPSG:2154", layer.crs().code());
        assertEquals(GeometryType.POLYGON, layer.geometryType());
        Feature first = layer.features().get(0);
        assertEquals("T115", first.get("no_terril"));
        assertEquals("2 du téléphérique", first.get("nom"));
        assertEquals("Typologie particulière", first.get("forme"));
        assertEquals("38A", first.get("id_unesco"));
        assertTrue(layer.features().stream().allMatch(f -> f.geometry() != null && f.geometry().isValid()));
    }

    @Test
    void readsThroughTheFormatReaderInterface() throws Exception {
        Path shp = GeoData.require(DIR + "terrils_bien_inscrit_l93.shp");
        ShapefileReader reader = new ShapefileReader();
        assertTrue(reader.canRead(shp));
        Dataset ds = reader.read(shp);
        assertEquals(1, ds.layers().size());
        assertEquals(51, ds.layer("terrils_bien_inscrit_l93").orElseThrow().size());
    }
}
