package fr.bassinminier.atlas.style.sld;

import fr.bassinminier.atlas.model.style.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.style.Filter.Comparison;
import fr.bassinminier.atlas.model.style.Filter.Op;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Filters against features built in code: accents, numbers against text, nulls, scales, ElseFilter. */
class SldFilterTest {
    private static Comparison cmp(Op op, String property, String literal) {
        return new Comparison(op, Expression.property(property), Expression.literal(literal), true);
    }

    @Test
    void accentedValuesMatchWhateverTheirUnicodeForm() {
        Filter livree = cmp(Op.EQUAL, "statut_renovation", "livrée");
        assertTrue(livree.test(Features.cite("Cité 9", "livrée", 100)));
        String decomposed = Normalizer.normalize("livrée", Normalizer.Form.NFD);
        assertEquals(7, decomposed.length(), "e + combining acute accent");
        assertTrue(livree.test(Features.cite("Cité 9", decomposed, 100)), "typed on a Mac");
        assertFalse(livree.test(Features.cite("Cité 9", "livree", 100)), "an accent is not optional");
        assertFalse(livree.test(Features.cite("Cité 9", "Livrée", 100)), "case matters by default");
        assertTrue(new Comparison(Op.EQUAL, Expression.property("statut_renovation"), Expression.literal("LIVRÉE"),
                false).test(Features.cite("Cité 9", "livrée", 100)), "matchCase=false folds É to é");
        assertTrue(cmp(Op.EQUAL, "statut_renovation", "à l'étude").test(Features.cite("x", "à l’étude", 1)),
                "typographic apostrophe pasted from a report");
    }

    @Test
    void numbersCompareAsNumbersAndTextAsFrenchText() {
        Feature f = Features.cite("Cité Bruno", "livrée", 823);
        assertTrue(cmp(Op.GREATER, "logements", "500").test(f));
        assertTrue(cmp(Op.GREATER, "logements", "99").test(f), "823 > 99 numerically, not as text");
        assertTrue(cmp(Op.EQUAL, "logements", "823.0").test(f));
        assertTrue(cmp(Op.LESS_OR_EQUAL, "logements", "823").test(f));
        assertFalse(cmp(Op.LESS, "logements", "823").test(f));
        assertTrue(cmp(Op.GREATER_OR_EQUAL, "logements", "823").test(f));
        assertTrue(cmp(Op.NOT_EQUAL, "logements", "822").test(f));
        assertTrue(cmp(Op.EQUAL, "code", "62").test(Features.of("code", "062")), "both read as numbers");
        assertTrue(cmp(Op.NOT_EQUAL, "code", "2A").test(Features.of("code", "02A")), "not numbers: text");
        assertTrue(cmp(Op.LESS, "nom", "Évin-Malmaison").test(Features.of("nom", "Douai")));
        assertTrue(cmp(Op.LESS, "nom", "Fouquières").test(Features.of("nom", "Évin-Malmaison")),
                "É sorts with E, not after Z");
    }

    @Test
    void nullsAreNeverEqualNorUnequal() {
        Feature noStatus = Features.cite("Cité X", null, null);
        assertFalse(cmp(Op.EQUAL, "statut_renovation", "livrée").test(noStatus));
        assertFalse(cmp(Op.NOT_EQUAL, "statut_renovation", "livrée").test(noStatus));
        assertFalse(cmp(Op.GREATER, "logements", "0").test(noStatus));
        assertFalse(cmp(Op.EQUAL, "absent", "").test(noStatus), "a missing attribute is null too");
        assertTrue(new Filter.IsNull(Expression.property("statut_renovation")).test(noStatus));
        assertFalse(new Filter.IsNull(Expression.property("nom")).test(noStatus));
        assertTrue(new Filter.Not(cmp(Op.EQUAL, "statut_renovation", "livrée")).test(noStatus));
        assertFalse(new Filter.Between(Expression.property("logements"), Expression.literal("1"),
                Expression.literal("9")).test(noStatus));
    }

    @Test
    void likeWithQgisAndGeoServerWildcards() {
        Filter.Like qgis = new Filter.Like(Expression.property("nom"), "cité du 1_%", '%', '_', '\\', false);
        assertTrue(qgis.test(Features.of("nom", "Cité du 11/19")));
        assertTrue(qgis.test(Features.of("nom", "CITÉ DU 12")));
        assertFalse(qgis.test(Features.of("nom", "Cité du 9")));
        Filter.Like geoserver = new Filter.Like(Expression.property("nom"), "Cité *");
        assertTrue(geoserver.test(Features.of("nom", "Cité Bruno")));
        assertFalse(geoserver.test(Features.of("nom", "cité Bruno")), "matchCase by default");
        Filter.Like escaped = new Filter.Like(Expression.property("taux"), "100!%*", '*', '.', '!', true);
        assertTrue(escaped.test(Features.of("taux", "100% livrés")));
        assertFalse(escaped.test(Features.of("taux", "1000 livrés")));
        Filter.Like regexChars = new Filter.Like(Expression.property("nom"), "Cité (A+B)*");
        assertTrue(regexChars.test(Features.of("nom", "Cité (A+B) nord")), "regex syntax in data is literal");
        assertFalse(new Filter.Like(Expression.property("nom"), "*").test(Features.of("nom", null)));
        assertTrue(new Filter.Like(Expression.property("n"), "8*").test(Features.of("n", 823)), "numbers as text");
    }

    @Test
    void betweenIsInclusive() {
        Filter b = new Filter.Between(Expression.property("logements"), Expression.literal("100"),
                Expression.literal("500"));
        assertTrue(b.test(Features.of("logements", 100)));
        assertTrue(b.test(Features.of("logements", 500.0)));
        assertTrue(b.test(Features.of("logements", "250")));
        assertFalse(b.test(Features.of("logements", 501)));
        assertFalse(b.test(Features.of("logements", 99L)));
    }

    @Test
    void ruleBasedFixtureAgainstCites() throws Exception {
        List<Rule> rules = Features.parse("qgis-cites-regles.sld").style().rules();
        Feature bruno = Features.cite("Cité Bruno", "livrée", 823);
        Feature moyenne = Features.cite("Cité du 12", "programmée", 300);
        assertTrue(rules.get(0).filter().test(bruno));
        assertFalse(rules.get(0).filter().test(moyenne));
        assertTrue(rules.get(1).filter().test(moyenne));
        assertTrue(rules.get(2).filter().test(moyenne));
        assertTrue(rules.get(3).filter().test(bruno), "Lens is in the IN list");
        assertFalse(rules.get(3).filter().test(Features.of("commune_principale", "Douai")));
        assertFalse(rules.get(4).filter().test(bruno), "programme is ERBM prioritaire");
        Feature horsErbm = Features.of("statut_urbain", null, "programme", "hors ERBM");
        assertTrue(rules.get(4).filter().test(horsErbm));
        Feature petite = Features.cite("Cité 4", "livrée", 40);
        assertTrue(rules.get(5).filter().test(petite));
        assertFalse(rules.get(5).filter().test(Features.cite("Cité 5", "non renseigné", 40)));
    }

    @Test
    void rulesByScaleMinInclusiveMaxExclusive() throws Exception {
        Style s = Features.parse("qgis-cites-regles.sld").style();
        Feature moyenne = Features.cite("Cité du 12", "programmée", 300);
        List<String> at25k = Styles.rulesFor(s, moyenne, 25_000).stream().map(Rule::name).toList();
        List<String> at250k = Styles.rulesFor(s, moyenne, 250_000).stream().map(Rule::name).toList();
        assertEquals(List.of("Cités de taille moyenne", "Cité (nom)", "Lens, Liévin ou Loos", "Étiquette"), at25k);
        assertEquals(List.of("Cité (nom)", "Lens, Liévin ou Loos"), at250k);
        Rule moyenneRule = s.rules().get(1);
        assertTrue(moyenneRule.appliesAt(99_999.9));
        assertFalse(moyenneRule.appliesAt(100_000), "max exclusive");
        Rule likeRule = s.rules().get(2);
        assertTrue(likeRule.appliesAt(25_000), "min inclusive");
        assertFalse(likeRule.appliesAt(24_999));
        assertTrue(likeRule.isScaleDependent());
    }

    @Test
    void elseFilterOnlyWhenNoRegularRuleMatched() throws Exception {
        Style s = Features.parse("qgis-cites-statut.sld").style();
        assertEquals(List.of("Livrée"), labels(s, Features.cite("a", "livrée", 1)));
        assertEquals(List.of("Non renseigné"), labels(s, Features.cite("b", "non renseigné", 1)));
        assertEquals(List.of("Non renseigné"), labels(s, Features.cite("c", null, 1)));
        assertEquals(List.of("Programmée"), labels(s, Features.cite("d", "programmé", 1)));
        assertEquals(List.of("À l'étude"), labels(s, Features.cite("e", "à l'étude", 1)));
    }

    @Test
    void elseFilterIsPerFeatureTypeStyleAndOutOfScaleRulesDoNotCount() {
        Symbolizer line = new LineSymbolizer(Stroke.of("#000000", 1), null);
        Rule zoomedIn = new Rule("proche", null, null, null, false, 0, 50_000, List.of(line));
        Rule otherwise = new Rule("sinon", null, null, null, true, 0, Double.POSITIVE_INFINITY, List.of(line));
        Rule second = Rule.of("deuxième passe", List.of(line));
        Style s = new Style("t", null, List.of(new FeatureTypeStyle(null, List.of(zoomedIn, otherwise)),
                new FeatureTypeStyle(null, List.of(second))));
        Feature f = Features.of("nom", "x");
        assertEquals(List.of("proche", "deuxième passe"), Styles.rulesFor(s, f, 25_000).stream()
                .map(Rule::legendLabel).toList());
        assertEquals(List.of("sinon", "deuxième passe"), Styles.rulesFor(s, f, 250_000).stream()
                .map(Rule::legendLabel).toList());
    }

    @Test
    void legendEntriesFollowScaleAndSkipLabelOnlyRules() throws Exception {
        Style reperes = Features.parse("geoserver-reperes-points.sld").style();
        List<Legend.Entry> all = Legend.entries(reperes, 25_000);
        assertEquals(List.of("Sous-préfecture", "Centre historique minier", "Autre ville"),
                all.stream().map(Legend.Entry::label).toList(), "the label rule draws no swatch");
        assertEquals(1, all.get(0).symbolizers().size());

        Style regles = Features.parse("qgis-cites-regles.sld").style();
        List<String> at250k = Legend.entries(regles, 250_000).stream().map(Legend.Entry::label).toList();
        List<String> at25k = Legend.entries(regles, 25_000).stream().map(Legend.Entry::label).toList();
        assertEquals(List.of("Grandes cités livrées", "Cité (nom)", "Lens, Liévin ou Loos",
                "Statut urbain inconnu hors ERBM prioritaire", "Petites cités"), at250k);
        assertEquals(List.of("Grandes cités livrées", "Cités de taille moyenne", "Cité (nom)", "Lens, Liévin ou Loos",
                "Statut urbain inconnu hors ERBM prioritaire", "Petites cités"), at25k);
        assertEquals(6, Legend.entries(regles).size());
    }

    private static List<String> labels(Style s, Feature f) {
        return Styles.rulesFor(s, f, 50_000).stream().map(Rule::legendLabel).toList();
    }
}
