package fr.bassinminier.atlas.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.ConflictException;
import fr.bassinminier.atlas.records.RecordsSnapshot;
import fr.bassinminier.atlas.records.RecordsTestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two editor windows on the same cité (two users): the second save is refused with mine and
 * theirs, nothing overwritten; re-applying keeps both users' changes.
 */
class RecordsConflictViewModelTest {
    @TempDir
    Path dir;

    @Test
    void theSecondEditorIsToldAndCanReapply() throws Exception {
        Path project = RecordsTestData.copyDemo(dir);
        RecordsViewModel vm = new RecordsViewModel();
        try {
            RecordsSnapshot s = vm.open(project);
            assertNull(vm.readOnlyReason());
            vm.publish(s);
            Cite c = s.cites().get(0);
            CiteEditorModel first = new CiteEditorModel(c, vm.tranchesOf(c.id()));
            CiteEditorModel second = new CiteEditorModel(c, vm.tranchesOf(c.id()));
            first.set(Cite.NOTE, "première fenêtre");
            second.set(Cite.NOTE, "seconde fenêtre");
            second.set(Cite.EPCI, "CA Test");
            vm.save(first, null);
            ConflictException e = assertThrows(ConflictException.class, () -> vm.save(second, null));
            ConflictException.Field note = e.fields().stream().filter(f -> f.name().equals(Cite.NOTE)).findFirst()
                    .orElseThrow();
            assertEquals("seconde fenêtre", note.mine());
            assertEquals("première fenêtre", note.theirs());
            RecordsSnapshot after = vm.reapply(second, e, "fusion");
            Cite stored = after.cite(c.id()).orElseThrow();
            assertEquals("seconde fenêtre", stored.note());
            assertEquals("CA Test", stored.epci());
            // Saving again from the first window, still based on the original, is refused too.
            first.set(Cite.SOURCE, "x");
            assertThrows(ConflictException.class, () -> vm.save(first, null));
        } finally {
            vm.close();
        }
    }
}
