package fr.bassinminier.atlas.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.project.ProjectLoader;
import fr.bassinminier.atlas.io.sld.SldFiles;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.style.Rule;
import fr.bassinminier.atlas.model.style.Style;
import fr.bassinminier.atlas.model.style.TextSymbolizer;
import fr.bassinminier.atlas.style.sld.Legend;
import fr.bassinminier.atlas.style.sld.Styles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StyleEditorTest {
    @TempDir
    Path dir;

    @Test
    void classesByRenovationStatusRoundTripThroughSld() throws Exception {
        var project = ProjectLoader.open(fr.bassinminier.atlas.analysis.TestProjects.legacyDemo());
        var cites = project.layer("cites").orElseThrow().data();
        List<String> values = StyleEditor.values(cites.features(), "statut_renovation");
        assertTrue(values.contains("livrée") && values.contains("non renseigné"), values.toString());
        Style s = new StyleEditor("#999999", 1, 0.8, "nom", 60000, "statut_renovation")
                .build(cites.geometryType(), cites.features());
        assertEquals(values.size() + 1, s.featureTypeStyles().get(0).rules().size(), "one class per value, plus Autres");
        assertEquals(2, s.featureTypeStyles().size(), "labels in their own pass");
        // Every cité falls in exactly one class, the one named after its status.
        for (Feature f : cites.features()) {
            List<Rule> rules = Styles.rulesFor(s.featureTypeStyles().get(0), f, 25000);
            assertEquals(1, rules.size(), f.text("nom"));
            assertEquals(f.text("statut_renovation"), rules.get(0).name());
        }
        Path file = dir.resolve("styles").resolve("cites.sld");
        SldFiles.write(file, s);
        Style back = SldFiles.read(file);
        assertEquals(s.rules().size(), back.rules().size());
        assertEquals(Legend.entries(s, 25000).stream().map(Legend.Entry::label).toList(),
                Legend.entries(back, 25000).stream().map(Legend.Entry::label).toList());
        assertTrue(back.rules().stream().flatMap(r -> r.symbolizers().stream()).anyMatch(x -> x instanceof TextSymbolizer));
        // The label rule stops at the chosen scale.
        Rule label = back.featureTypeStyles().get(1).rules().get(0);
        assertTrue(label.appliesAt(25000) && !label.appliesAt(100000));
    }

    @Test
    void darkerOutlineOfAColour() {
        assertEquals("#996600", StyleEditor.darker("#ffaa00"));
    }
}
