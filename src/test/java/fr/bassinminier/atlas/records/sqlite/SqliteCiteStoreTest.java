package fr.bassinminier.atlas.records.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.HistoryEntry;
import fr.bassinminier.atlas.records.Operation;
import fr.bassinminier.atlas.records.Programme;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.records.RecordsTestData;
import fr.bassinminier.atlas.records.Tranche;
import fr.bassinminier.atlas.records.TrancheStatus;
import fr.bassinminier.atlas.records.UrbanWork;
import fr.bassinminier.atlas.records.UrbanWorkStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCiteStoreTest {
    @TempDir
    Path dir;

    private static String field(List<HistoryEntry> h, String field) {
        return h.stream().filter(e -> e.field().equals(field)).map(e -> e.oldValue() + " → " + e.newValue())
                .reduce((a, b) -> a + " | " + b).orElse(null);
    }

    @Test
    void everyEditIsInTheHistoryWithWhoWhenFieldOldAndNew() throws Exception {
        Path f = dir.resolve("p.records.sqlite");
        try (SqliteCiteStore s = SqliteCiteStore.open(f)) {
            assertEquals(2, s.schemaVersion());
            Cite c = RecordsTestData.chateau();
            long e1 = s.edit("Claire", "saisie", tx -> tx.saveCite(c));
            assertTrue(e1 > 0);
            assertEquals(c, s.cite("c-1").orElseThrow(), "stored and read back whole");

            long e2 = s.edit("Marc", null, tx -> tx.saveCite(tx.cite("c-1").orElseThrow()
                    .with(Cite.DWELLINGS, "610").with(Cite.OWNERS, "Maisons et Cités : 405 / SIA : 205")));
            List<HistoryEntry> h = s.history(HistoryEntry.CITE, "c-1");
            assertEquals("null → Cité du Château", field(h, Cite.NAME), "creation lists every field");
            assertEquals("null → 605 | 605 → 610", field(h, Cite.DWELLINGS));
            assertEquals("null → Maisons et Cités : 400 / SIA : 205 | Maisons et Cités : 400 / SIA : 205 → "
                    + "Maisons et Cités : 405 / SIA : 205", field(h, Cite.OWNERS));
            HistoryEntry last = h.get(h.size() - 1);
            assertEquals("Marc", last.user());
            assertEquals(e2, last.changeSet());
            assertTrue(last.at().isAfter(java.time.Instant.now().minusSeconds(60)));

            assertEquals(0, s.edit("Marc", null, tx -> tx.saveCite(tx.cite("c-1").orElseThrow())),
                    "saving the same values records no edit");

            // Operation, tranche, urban works: created, changed, deleted, all traced.
            long[] ids = new long[3];
            s.edit("Claire", null, tx -> {
                Operation op = tx.saveOperation(new Operation(0, "c-1", "Réhabilitation ERBM", Programme.ERBM, "SIA"));
                ids[0] = op.id();
                ids[1] = tx.saveTranche(new Tranche(0, op.id(), 1, 89, TrancheStatus.PROGRAMMEE, "2023-03", null, "F",
                        "B", 250_000_000L, "fiche lot 5")).id();
                ids[2] = tx.saveUrbanWork(new UrbanWork(0, "c-1", "Espaces publics", UrbanWorkStatus.A_L_ETUDE, null,
                        null, null, null)).id();
            });
            s.edit("Marc", null, tx -> {
                tx.saveTranche(tx.tranche(ids[1]).orElseThrow().with(Tranche.STATUS, "travaux en cours")
                        .with(Tranche.START, "03/2023"));
                tx.saveOperation(new Operation(ids[0], "c-1", "Réhabilitation ERBM", Programme.ERBM, "Maisons et Cités"));
            });
            List<HistoryEntry> th = s.history(HistoryEntry.TRANCHE, Long.toString(ids[1]));
            assertEquals("null → programmée | programmée → travaux en cours", field(th, Tranche.STATUS));
            assertEquals("null → 2023-03", field(th, Tranche.START), "03/2023 read as 2023-03, unchanged");
            assertEquals("null → 2500000", field(th, Tranche.COST));
            assertEquals("null → SIA | SIA → Maisons et Cités",
                    field(s.history(HistoryEntry.OPERATION, Long.toString(ids[0])), Operation.OWNER));
            s.edit("Marc", "doublon", tx -> tx.deleteUrbanWork(ids[2]));
            List<HistoryEntry> wh = s.history(HistoryEntry.URBAN_WORK, Long.toString(ids[2]));
            HistoryEntry gone = wh.get(wh.size() - 1);
            assertEquals(HistoryEntry.DELETED, gone.field());
            assertTrue(gone.oldValue().contains("intitule=Espaces publics"), gone.oldValue());
            assertEquals("doublon", gone.comment());
            assertTrue(s.recentHistory(1).get(0).field().equals(HistoryEntry.DELETED));
        }
        // Reopened: everything is still there.
        try (SqliteCiteStore s = SqliteCiteStore.open(f)) {
            assertEquals(1, s.snapshot().tranches().size());
            assertEquals(0, s.snapshot().urbanWorks().size());
            assertTrue(s.editCount() >= 5);
            assertEquals("ok", s.integrityCheck());
        }
    }

    @Test
    void anEditIsAllOrNothing() throws Exception {
        try (SqliteCiteStore s = SqliteCiteStore.open(dir.resolve("a.records.sqlite"))) {
            s.edit("Claire", null, tx -> tx.saveCite(RecordsTestData.chateau()));
            long before = s.editCount();
            RecordsException e = assertThrows(RecordsException.class, () -> s.edit("Claire", null, tx -> {
                tx.saveCite(tx.cite("c-1").orElseThrow().with(Cite.NAME, "Nom changé"));
                Operation op = tx.saveOperation(new Operation(0, "c-1", "Op", null, null));
                tx.saveTranche(new Tranche(0, op.id(), 1, 10, TrancheStatus.LIVREE, null, null, null, null, null, null));
                tx.saveTranche(new Tranche(0, op.id(), 1, 12, TrancheStatus.LIVREE, null, null, null, null, null, null));
            }));
            assertEquals(RecordsException.Kind.INVALID, e.kind());
            assertTrue(e.getMessage().contains("a déjà une tranche n°1"), e.getMessage());
            assertEquals("Cité du Château", s.cite("c-1").orElseThrow().name(), "first change rolled back");
            assertTrue(s.snapshot().operations().isEmpty());
            assertEquals(before, s.editCount());

            assertTrue(assertThrows(RecordsException.class, () -> s.edit(" ", null, tx -> { }))
                    .getMessage().contains("Nom d'utilisateur manquant"));
            assertTrue(assertThrows(RecordsException.class, () -> s.edit("Claire", null, tx ->
                    tx.saveUrbanWork(new UrbanWork(0, "inconnue", "x", UrbanWorkStatus.ACHEVEE, null, null, null, null))))
                    .getMessage().contains("Cité « inconnue » inconnue"));
        }
    }
}
