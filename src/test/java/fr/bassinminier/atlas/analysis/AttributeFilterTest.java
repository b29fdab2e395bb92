package fr.bassinminier.atlas.analysis;

import static fr.bassinminier.atlas.analysis.TestProjects.layer;
import static fr.bassinminier.atlas.analysis.TestProjects.row;
import static fr.bassinminier.atlas.analysis.TestProjects.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.VectorLayer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeFilterTest {
    private static final VectorLayer L = layer("cites", schema("nom:string", "commune:string", "logements:integer",
                    "surface:double", "unesco:string", "numero:string", "date:date"),
            row(null, "Cité n°12 de Lens", "Lens", 605, 12.5, "Inscrit", "74A", LocalDate.of(2023, 1, 5)),
            row(null, "Cité Notre-Dame", "Waziers", 204, null, "Inscrit", "114", null),
            row(null, "Cité des Genettes", "Liévin", null, 3.25, "Non", "74", LocalDate.of(2022, 12, 1)),
            row(null, "Cité n°4 de Lens", "Lens", 1200, 8.0, "Non", null, LocalDate.of(2021, 6, 30)),
            row(null, "Cité Cornuault", "Évin-Malmaison", 534, 1.0, "Inscrit", "T2", null),
            row(null, "cité Bellevue", "Harnes", 483, 2.0, null, "9", null));

    private static List<String> names(List<Feature> fs) {
        return fs.stream().map(f -> f.text("nom")).toList();
    }

    @Test
    void everyWordSomewhereIgnoringCaseAndAccents() {
        AttributeFilter f = AttributeFilter.of(L);
        assertEquals(List.of("Cité des Genettes"), names(f.filter("LIEVIN")));
        assertEquals(List.of("Cité Notre-Dame"), names(f.filter("notre dame")));
        assertEquals(List.of("Cité Notre-Dame"), names(f.filter("notre-dame")));
        assertEquals(List.of("Cité n°12 de Lens"), names(f.filter("lens inscrit")));
        assertEquals(List.of("Cité des Genettes", "Cité Cornuault"), names(f.filter("évin")), "a substring: Li-évin");
        assertEquals(List.of("Cité n°12 de Lens"), names(f.filter("12,5")));
        assertEquals(List.of("Cité n°12 de Lens"), names(f.filter("2023-01")));
        assertEquals(6, f.filter("  ").size());
        assertEquals(6, f.filter(null).size());
        assertTrue(f.filter("lens waziers").isEmpty(), "words may not come from two rows");
        assertTrue(AttributeFilter.matches(L.features().get(1), "WAZ"));
        assertFalse(AttributeFilter.matches(L.features().get(1), "lens"));
    }

    @Test
    void sortNumbersByValueEmptyCellsLastBothWays() {
        assertEquals(List.of("Inscrit", "Inscrit", "Inscrit", "Non", "Non"),
                values(AttributeFilter.sort(L.features(), "unesco", true), "unesco").subList(0, 5));
        assertEquals("cité Bellevue", AttributeFilter.sort(L.features(), "unesco", false).get(5).text("nom"), "null last");
        assertEquals(List.of(204, 483, 534, 605, 1200), values(AttributeFilter.sort(L.features(), "logements", true), "logements").subList(0, 5));
        assertEquals(List.of(1200, 605, 534, 483, 204), values(AttributeFilter.sort(L.features(), "logements", false), "logements").subList(0, 5));
        assertEquals("Cité des Genettes", AttributeFilter.sort(L.features(), "logements", false).get(5).text("nom"), "null last");
        assertEquals("Cité Notre-Dame", AttributeFilter.sort(L.features(), "surface", true).get(5).text("nom"));
        List<Object> dates = values(AttributeFilter.sort(L.features(), "date", true), "date");
        assertEquals(List.of(LocalDate.of(2021, 6, 30), LocalDate.of(2022, 12, 1), LocalDate.of(2023, 1, 5)), dates.subList(0, 3));
        assertEquals(names(L.features()), names(AttributeFilter.sort(L.features(), "absent", true)), "unknown field: order kept");
    }

    @Test
    void sortTextInFrenchOrderWithNumbersByValue() {
        assertEquals(List.of("9", "74", "74A", "114", "T2", "(vide)"),
                values(AttributeFilter.sort(L.features(), "numero", true), "numero").stream()
                        .map(v -> v == null ? "(vide)" : v.toString()).toList());
        assertEquals(List.of("Cité n°4 de Lens", "Cité n°12 de Lens"),
                names(AttributeFilter.sort(L.features(), "nom", true)).stream().filter(n -> n.contains("Lens")).toList());
        List<String> communes = values(AttributeFilter.sort(L.features(), "commune", true), "commune").stream()
                .map(Object::toString).toList();
        assertEquals(List.of("Évin-Malmaison", "Harnes", "Lens", "Lens", "Liévin", "Waziers"), communes,
                "É sorts with E, not after Z");
        List<Feature> copy = new ArrayList<>(L.features());
        copy.sort(AttributeFilter.comparator("commune", false));
        assertEquals("Waziers", copy.get(0).text("commune"));
        assertEquals(List.of("Cité n°12 de Lens", "Cité n°4 de Lens"),
                names(copy).stream().filter(n -> n.contains("Lens")).toList(), "equal values keep their order");
    }

    private static List<Object> values(List<Feature> fs, String field) {
        List<Object> out = new ArrayList<>();
        for (Feature f : fs) out.add(f.get(field));
        return out;
    }
}
