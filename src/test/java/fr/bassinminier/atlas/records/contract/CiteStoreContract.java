package fr.bassinminier.atlas.records.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.CiteStore;
import fr.bassinminier.atlas.records.ConflictException;
import fr.bassinminier.atlas.records.HistoryEntry;
import fr.bassinminier.atlas.records.Operation;
import fr.bassinminier.atlas.records.Programme;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.records.RecordsTestData;
import fr.bassinminier.atlas.records.Tranche;
import fr.bassinminier.atlas.records.TrancheStatus;
import fr.bassinminier.atlas.records.UrbanWork;
import fr.bassinminier.atlas.records.UrbanWorkStatus;
import fr.bassinminier.atlas.records.Versioned;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CiteStore} does, whatever holds the records: run by one subclass per store
 * (SQLite file, PostgreSQL server) so that both behave the same.
 */
public abstract class CiteStoreContract {
    /** A new, empty store. */
    protected abstract CiteStore newStore() throws Exception;

    /** The same store opened again (another program, or after a restart). */
    protected abstract CiteStore reopen() throws Exception;

    private static String field(List<HistoryEntry> h, String field) {
        return h.stream().filter(e -> e.field().equals(field)).map(e -> e.oldValue() + " → " + e.newValue())
                .reduce((a, b) -> a + " | " + b).orElse(null);
    }

    @Test
    void everyEditIsInTheHistoryWithWhoWhenFieldOldAndNew() throws Exception {
        try (CiteStore s = newStore()) {
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
            assertEquals("saisie", h.get(0).comment());

            assertEquals(0, s.edit("Marc", null, tx -> tx.saveCite(tx.cite("c-1").orElseThrow())),
                    "saving the same values records no edit");

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
            assertEquals("null → 2023-03", field(th, Tranche.START));
            assertEquals("null → 2500000", field(th, Tranche.COST));
            assertEquals("null → SIA | SIA → Maisons et Cités",
                    field(s.history(HistoryEntry.OPERATION, Long.toString(ids[0])), Operation.OWNER));
            s.edit("Marc", "doublon", tx -> tx.deleteUrbanWork(ids[2]));
            List<HistoryEntry> wh = s.history(HistoryEntry.URBAN_WORK, Long.toString(ids[2]));
            HistoryEntry gone = wh.get(wh.size() - 1);
            assertEquals(HistoryEntry.DELETED, gone.field());
            assertTrue(gone.oldValue().contains("intitule=Espaces publics"), gone.oldValue());
            assertEquals("doublon", gone.comment());
            assertEquals(HistoryEntry.DELETED, s.recentHistory(1).get(0).field());
            s.edit("Claire", null, tx -> tx.putMeta("objectif", "1200"));
            assertEquals("1200", s.snapshot().meta().get("objectif"));
        }
        try (CiteStore s = reopen()) {
            assertEquals(1, s.snapshot().tranches().size());
            assertEquals(0, s.snapshot().urbanWorks().size());
            assertEquals(6, s.editCount());
            assertEquals(RecordsTestData.chateau().with(Cite.DWELLINGS, "610")
                    .with(Cite.OWNERS, "Maisons et Cités : 405 / SIA : 205"), s.cite("c-1").orElseThrow());
        }
    }

    @Test
    void anEditIsAllOrNothing() throws Exception {
        try (CiteStore s = newStore()) {
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
            assertThrows(IllegalStateException.class, () -> s.edit("Claire", null, tx -> {
                tx.saveCite(tx.cite("c-1").orElseThrow().with(Cite.NAME, "Autre nom"));
                throw new IllegalStateException("boom");
            }), "a failing work's own exception comes out, after rollback");
            assertEquals("Cité du Château", s.cite("c-1").orElseThrow().name());
            assertEquals(before, s.editCount());
        }
    }

    @Test
    void aStaleSaveIsRefusedWithMineAndTheirsFieldByField() throws Exception {
        try (CiteStore a = newStore(); CiteStore b = reopen()) {
            a.edit("Claire", null, tx -> tx.saveCite(RecordsTestData.chateau()));
            Versioned<Cite> readByA = a.versionedCite("c-1").orElseThrow();
            Versioned<Cite> readByB = b.versionedCite("c-1").orElseThrow();
            assertEquals(readByA, readByB, "same record, same version in both programs");

            b.edit("Marc", null, tx -> tx.saveCite(readByB, readByB.value().with(Cite.DWELLINGS, "620")
                    .with(Cite.EPCI, "CAHC")));
            Cite mine = readByA.value().with(Cite.DWELLINGS, "611").with(Cite.NOTE, "vu sur place");
            ConflictException e = assertThrows(ConflictException.class,
                    () -> a.edit("Claire", null, tx -> tx.saveCite(readByA, mine)));
            assertEquals(RecordsException.Kind.CONFLICT, e.kind());
            ConflictException.Field dw = e.fields().stream().filter(f -> f.name().equals(Cite.DWELLINGS)).findFirst()
                    .orElseThrow();
            assertEquals("605", dw.base());
            assertEquals("611", dw.mine());
            assertEquals("620", dw.theirs());
            assertTrue(dw.clash());
            ConflictException.Field epci = e.fields().stream().filter(f -> f.name().equals(Cite.EPCI)).findFirst()
                    .orElseThrow();
            assertFalse(epci.clash(), "only theirs changed the EPCI");
            assertTrue(e.getMessage().contains("logements (conflit) : « 611 » / « 620 »"), e.getMessage());
            assertEquals("620", b.cite("c-1").orElseThrow().dwellings().toString(), "nothing overwritten");

            // Re-apply mine over theirs: saved against their version, both changes kept.
            Cite merged = Cite.fromCells(e.reapplied());
            Versioned<Cite> now = a.versionedCite("c-1").orElseThrow();
            a.edit("Claire", "fusion", tx -> tx.saveCite(now, merged));
            Cite stored = b.cite("c-1").orElseThrow();
            assertEquals(611, stored.dwellings());
            assertEquals("CAHC", stored.epci());
            assertEquals("vu sur place", stored.note());
            assertEquals("null → 605 | 605 → 620 | 620 → 611", field(a.history(HistoryEntry.CITE, "c-1"), Cite.DWELLINGS));

            // Creating a cité another user created meanwhile is a conflict too, not an overwrite.
            Cite other = new Cite("c-2", null, "Cité 2", null, null, null, null, null, null, null, null, null, null);
            b.edit("Marc", null, tx -> tx.saveCite(other));
            assertThrows(ConflictException.class, () -> a.edit("Claire", null, tx -> tx.saveCite(
                    new Versioned<>(null, 0), other.with(Cite.NOTE, "x"))));
        }
    }

    @Test
    void snapshotsListCitesInNaturalOrderAndReadOnlyStoresSayWhy() throws Exception {
        try (CiteStore s = newStore()) {
            assertNull(s.readOnlyReason());
            s.edit("Claire", null, tx -> {
                for (String id : List.of("t1-10", "t1-2", "t1-1")) {
                    tx.saveCite(new Cite(id, null, "Cité " + id, null, null, null, null, null, null, null, null, null, null));
                }
            });
            assertEquals(List.of("t1-1", "t1-2", "t1-10"), s.snapshot().cites().stream().map(Cite::id).toList());
            assertEquals(1, s.editCount());
            assertEquals(3 * 1, s.recentHistory(100).stream().filter(h -> h.field().equals(Cite.NAME)).count());
        }
    }
}
