package fr.bassinminier.atlas.style.sld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.project.LabelRule;
import fr.bassinminier.atlas.model.project.LayerStyle;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsed SLD that the map does not draw is listed, so that nothing is dropped silently. */
class StylesNotDrawnTest {
    private static SldDocument read(String name) throws Exception {
        try (InputStream in = StylesNotDrawnTest.class.getResourceAsStream("/sld/" + name)) {
            return SldParser.parse(in, name);
        }
    }

    private static boolean mentions(List<String> notDrawn, String element) {
        return notDrawn.stream().anyMatch(s -> s.contains(element));
    }

    @Test
    void labelPlacementFontFamilyAndLineOffsetAreReported() throws Exception {
        List<String> points = read("geoserver-reperes-points.sld").notDrawn();
        assertTrue(mentions(points, "LabelPlacement"), points.toString());
        assertTrue(mentions(points, "font-family"), points.toString());
        List<String> lines = read("qgis-bulles-tirets.sld").notDrawn();
        assertTrue(mentions(lines, "PerpendicularOffset"), lines.toString());
        // Once each, however many rules use it.
        assertEquals(points.size(), points.stream().distinct().count());
    }

    @Test
    void aSimpleStyleCompiledToSldIsDrawnWhole() {
        var simple = new LayerStyle("#e07b1a", 0.85, "#7a3e05", 0.8, new double[] {4, 2}, 6, "diagonal");
        var label = new LabelRule("nom", 50_000, 9, "#222222", 2, true);
        for (GeometryType t : List.of(GeometryType.POLYGON, GeometryType.LINESTRING, GeometryType.POINT)) {
            assertEquals(List.of(), Styles.notDrawn(Styles.fromSimple(simple, label, t)), t.toString());
        }
    }
}
