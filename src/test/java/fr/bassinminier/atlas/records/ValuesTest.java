package fr.bassinminier.atlas.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesTest {
    @Test
    void datesKeepTheirPrecisionAndReadWhatFrenchExcelWrites() {
        assertEquals("2022", Values.date("2022"));
        assertEquals("2022-12", Values.date("2022-12"));
        assertEquals("2023-01-16", Values.date("2023-1-16"));
        assertEquals("2023-01-16", Values.date("16/01/2023"));
        assertEquals("2022-12", Values.date("12/2022"));
        assertNull(Values.date("  "));
        assertTrue(assertThrows(InvalidValueException.class, () -> Values.date("2023-02-30")).getMessage()
                .contains("date impossible"));
        assertTrue(assertThrows(InvalidValueException.class, () -> Values.date("janvier")).getMessage()
                .contains("date mal formée"));
    }

    @Test
    void dwellingsAreWholeAndNotNegative() {
        assertEquals(1185, Values.dwellings("1 185"));
        assertEquals(822, Values.dwellings("822,0"));
        assertTrue(assertThrows(InvalidValueException.class, () -> Values.dwellings("-3")).getMessage()
                .contains("négatif"));
        assertTrue(assertThrows(InvalidValueException.class, () -> Values.dwellings("12,5")).getMessage()
                .contains("non entier"));
        assertTrue(assertThrows(InvalidValueException.class, () -> Values.dwellings("beaucoup")).getMessage()
                .contains("nombre attendu"));
    }

    @Test
    void costsAreCentsWithADecimalComma() {
        assertEquals(125_000_050L, Values.cost("1 250 000,50 €"));
        assertEquals(125_000_050L, Values.cost("1250000.5"));
        assertEquals("1250000,5", Values.formatCost(125_000_050L));
        assertEquals("300", Values.formatCost(30_000L));
        assertThrows(InvalidValueException.class, () -> Values.cost("1,001"));
    }

    @Test
    void listsRoundTripThroughTheirCells() {
        Cite c = RecordsTestData.chateau();
        assertEquals("Lens (62498) / Liévin", c.cells().get(Cite.COMMUNES));
        assertEquals("Maisons et Cités : 400 / SIA : 205", c.cells().get(Cite.OWNERS));
        assertEquals("ERBM / FEDER", c.cells().get(Cite.PROGRAMMES));
        assertEquals(c, Cite.fromCells(c.cells()));
        assertEquals(List.of(new Owner("SIA", null)), Owner.parseList("SIA"));
        assertEquals("en partie", UnescoStatus.parse("Unesco en partie").orElseThrow().label());
        assertEquals(TrancheStatus.TRAVAUX_EN_COURS, TrancheStatus.parse("Travaux en cours").orElseThrow());
        assertEquals(TrancheStatus.A_L_ETUDE, TrancheStatus.parse("a l'etude").orElseThrow());
        assertEquals(Programme.NPNRU_REGIONAL, Programme.parse("NPNRU regional").orElseThrow());
    }

    @Test
    void badValuesNameTheirColumn() {
        var cells = RecordsTestData.chateau().cells();
        cells.put(Cite.UNESCO, "classé");
        String m = assertThrows(InvalidValueException.class, () -> Cite.fromCells(cells)).getMessage();
        assertTrue(m.startsWith("unesco : statut UNESCO « classé » inconnu"), m);
        cells.put(Cite.UNESCO, "");
        cells.put(Cite.COMMUNES, "Lens (6249)");
        m = assertThrows(InvalidValueException.class, () -> Cite.fromCells(cells)).getMessage();
        assertTrue(m.contains("code INSEE mal formé"), m);
    }
}
