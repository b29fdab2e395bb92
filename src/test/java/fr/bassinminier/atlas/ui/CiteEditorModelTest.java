package fr.bassinminier.atlas.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.Tranche;
import fr.bassinminier.atlas.records.TrancheStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CiteEditorModelTest {
    private static Cite cite() {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put(Cite.ID, "t0-hauts-pres");
        cells.put(Cite.NAME, "Cité des Hauts Prés");
        cells.put(Cite.COMMUNES, "Lallaing");
        cells.put(Cite.DWELLINGS, "272");
        return Cite.fromCells(cells);
    }

    private static Tranche tranche() {
        return new Tranche(7, 3, 1, 89, TrancheStatus.PROGRAMMEE, null, null, null, null, null, "ERBM");
    }

    @Test
    void editsAreValidatedUndoneAndRedone() {
        CiteEditorModel m = new CiteEditorModel(cite(), List.of(tranche()));
        assertFalse(m.isDirty());
        m.set(Cite.DWELLINGS, "-5");
        assertNotNull(m.problem(Cite.DWELLINGS), "negative dwellings are refused");
        assertThrows(IllegalArgumentException.class, m::result);
        m.set(Cite.DWELLINGS, "275");
        assertNull(m.problem(Cite.DWELLINGS));
        assertEquals(275, m.result().dwellings());
        m.undo();
        assertEquals("-5", m.value(Cite.DWELLINGS));
        m.undo();
        assertEquals("272", m.value(Cite.DWELLINGS));
        assertFalse(m.isDirty());
        assertTrue(m.canRedo());
        m.redo();
        m.redo();
        assertEquals(275, m.result().dwellings());
        // A new edit after undo drops what could be redone.
        m.undo();
        m.set(Cite.NOTE, "visite du 12/10");
        assertFalse(m.canRedo());
    }

    @Test
    void trancheStatusChangesAreSavedSeparately() {
        CiteEditorModel m = new CiteEditorModel(cite(), List.of(tranche()));
        m.setTrancheStatus(7, TrancheStatus.TRAVAUX_EN_COURS.label());
        assertTrue(m.isDirty());
        List<Tranche> changed = m.changedTranches();
        assertEquals(1, changed.size());
        assertEquals(TrancheStatus.TRAVAUX_EN_COURS, changed.get(0).status());
        m.undo();
        assertTrue(m.changedTranches().isEmpty());
    }
}
