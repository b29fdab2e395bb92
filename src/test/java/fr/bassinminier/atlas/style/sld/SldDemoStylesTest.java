package fr.bassinminier.atlas.style.sld;

import fr.bassinminier.atlas.model.style.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.bassinminier.atlas.io.Formats;
import fr.bassinminier.atlas.model.Feature;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The cartographer's styles in styles/: one per demo layer, clean, and covering the demo data. */
class SldDemoStylesTest {
    private static final Path PROJECT = Path.of(System.getProperty("atlas.projectDir", "."));
    private static final Path STYLES = PROJECT.resolve("styles");

    private static Style style(String id) throws Exception {
        Path f = STYLES.resolve(id + ".sld");
        if (!Files.exists(f)) f = PROJECT.resolve("src/test/resources/legacy-demo/styles").resolve(id + ".sld");
        try (InputStream in = Files.newInputStream(f)) {
            return SldParser.parse(in, "styles/" + id + ".sld").style();
        }
    }

    private static List<Feature> data(String file) throws Exception {
        return Formats.read(PROJECT.resolve("src/test/resources/legacy-demo/maps/data").resolve(file)).layers().get(0)
                .features();
    }

    @Test
    void everyStyleParsesWithoutWarnings() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(STYLES)) {
            files = s.filter(p -> p.toString().endsWith(".sld")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path p : files) {
            try (InputStream in = Files.newInputStream(p)) {
                SldDocument doc = SldParser.parse(in, "styles/" + p.getFileName());
                assertEquals(List.of(), doc.warnings(), p.toString());
                assertEquals(p.getFileName().toString().replace(".sld", ""), doc.style().name());
                Style back = SldParser.parse(new java.io.ByteArrayInputStream(
                        SldWriter.toXml(doc.style()).getBytes(java.nio.charset.StandardCharsets.UTF_8)), "x").style();
                assertEquals(doc.style(), back, p + " survives the writer");
            }
        }
    }

    @Test
    void oneStylePerDemoLayer() throws Exception {
        JsonNode project = new ObjectMapper().readTree(PROJECT.resolve("maps/bassin-minier.atlas.json").toFile());
        TreeSet<String> ids = new TreeSet<>();
        // Every style file is one the default map uses, and every style it names exists.
        project.get("layers").forEach(l -> {
            if (l.has("sld")) ids.add(l.get("sld").asText().replace("../styles/", "").replace(".sld", ""));
        });
        TreeSet<String> styles = new TreeSet<>();
        try (Stream<Path> s = Files.list(STYLES)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sld"))
                    .forEach(n -> styles.add(n.substring(0, n.length() - 4)));
        }
        assertEquals(ids, styles);
    }

    @Test
    void citesHaveOneClassEachWithTheFiveLegendLabels() throws Exception {
        Style s = style("cites");
        assertEquals(List.of("Livrée", "Travaux en cours", "Programmée", "À l'étude", "Non renseigné"),
                Legend.entries(s, 100_000).stream().map(Legend.Entry::label).toList());
        for (Feature f : data("cites.geojson")) {
            List<Rule> at100k = Styles.rulesFor(s, f, 100_000);
            assertEquals(1, at100k.size(), f.text("nom"));
            String statut = f.text("statut_renovation");
            String expected = switch (statut) {
                case "livrée" -> "Livrée";
                case "programmée" -> "Programmée";
                default -> "Non renseigné";
            };
            assertEquals(expected, at100k.get(0).legendLabel(), f.text("nom"));
            List<Rule> at25k = Styles.rulesFor(s, f, 25_000);
            assertEquals(2, at25k.size(), "fill and name below 1:60 000");
            assertEquals(f.text("nom"), ((TextSymbolizer) at25k.get(1).symbolizers().get(0)).textFor(f));
        }
    }

    @Test
    void everyBulleLineHasItsOwnColour() throws Exception {
        Style s = style("bulles");
        List<String> seen = new ArrayList<>();
        for (Feature f : data("bulles.geojson")) {
            List<Rule> rules = Styles.rulesFor(s, f, 100_000);
            Rule line = rules.get(0);
            assertFalse(line.elseFilter(), f.text("ligne") + " has a rule of its own");
            Stroke stroke = ((LineSymbolizer) line.symbolizers().get(line.symbolizers().size() - 1)).stroke();
            assertEquals(f.text("couleur").toLowerCase(), stroke.colorFor(f).toLowerCase(), f.text("ligne"));
            seen.add(f.text("ligne"));
            assertTrue(rules.stream().anyMatch(r -> r.symbolizers().get(0) instanceof TextSymbolizer t
                    && t.textFor(f).equals(f.text("ligne"))), "labelled with ligne");
        }
        assertEquals(6, seen.size());
    }

    @Test
    void labelScalesAsTheCartographerAsked() throws Exception {
        Map<String, Double> labelMax = Map.of("cites", 60_000.0, "terrils", 80_000.0);
        for (Map.Entry<String, Double> e : labelMax.entrySet()) {
            Rule labels = style(e.getKey()).rules().stream()
                    .filter(r -> r.symbolizers().get(0) instanceof TextSymbolizer).findFirst().orElseThrow();
            assertEquals(e.getValue(), labels.maxScale(), e.getKey());
        }
        Style reperes = style("reperes");
        Rule names = reperes.rules().stream().filter(r -> r.symbolizers().get(0) instanceof TextSymbolizer)
                .findFirst().orElseThrow();
        assertFalse(names.isScaleDependent(), "town names always");
        assertTrue(((TextSymbolizer) names.symbolizers().get(0)).fontOrDefault().isBoldFor(null));
        Mark hatch = ((PolygonSymbolizer) style("zone-tampon").rules().get(0).symbolizers().get(1)).fill()
                .graphicFillMark();
        assertTrue(hatch.isHatch());
        assertFalse(((PolygonSymbolizer) style("parcs").rules().get(0).symbolizers().get(0)).stroke().dashArray()
                .isEmpty(), "parks have a dashed outline");
    }
}
