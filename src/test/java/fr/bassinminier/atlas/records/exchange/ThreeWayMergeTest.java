package fr.bassinminier.atlas.records.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.records.Operation;
import fr.bassinminier.atlas.records.Programme;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.records.RecordsTestData;
import fr.bassinminier.atlas.records.Tranche;
import fr.bassinminier.atlas.records.TrancheStatus;
import fr.bassinminier.atlas.records.UrbanWork;
import fr.bassinminier.atlas.records.UrbanWorkStatus;
import fr.bassinminier.atlas.records.sqlite.SqliteCiteStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three-way merges of tranche and works rows (cités: RecordsThreeWayImportTest, across processes). */
class ThreeWayMergeTest {
    @TempDir
    Path dir;
    SqliteCiteStore store;
    long trancheId;
    long workId;

    @BeforeEach
    void fill() throws Exception {
        store = SqliteCiteStore.open(dir.resolve("t.records.sqlite"));
        store.edit("Claire", null, tx -> {
            tx.saveCite(RecordsTestData.chateau());
            Operation op = tx.saveOperation(new Operation(0, "c-1", "ERBM lot 3", Programme.ERBM, "SIA"));
            trancheId = tx.saveTranche(new Tranche(0, op.id(), 1, 89, TrancheStatus.PROGRAMMEE, "2023", null, "F", null,
                    null, null)).id();
            workId = tx.saveUrbanWork(new UrbanWork(0, "c-1", "Rues", UrbanWorkStatus.A_L_ETUDE, null, null, null,
                    null)).id();
        });
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    /** Exports with the base, lets {@code edit} change one cell of each row of the given sheet, returns it. */
    private Path export(int sheet, String column, String value) throws Exception {
        Path csv = dir.resolve("f" + System.nanoTime() + ".csv");
        List<Path> files = RecordSheets.writeCsv(csv, store.snapshot(), store.lastEditId());
        Path f = files.get(sheet);
        Table t = CsvTables.read(f);
        List<List<String>> rows = new ArrayList<>();
        for (Table.Row r : t.rows()) {
            List<String> row = new ArrayList<>();
            for (String h : t.header()) row.add(h.equals(column) ? value : r.get(h));
            rows.add(row);
        }
        CsvTables.write(f, t.header(), rows);
        return f;
    }

    @Test
    void trancheFieldsMergeAndTheSameFieldConflicts() throws Exception {
        Path mine = export(1, "logements", "95");
        Path same = export(1, "statut", "travaux en cours");
        // Meanwhile in the window: the status, and the operation's landlord.
        store.edit("Anne", null, tx -> {
            tx.saveTranche(tx.tranche(trancheId).orElseThrow().with(Tranche.STATUS, "livrée"));
            Operation op = tx.operations("c-1").get(0);
            tx.saveOperation(new Operation(op.id(), op.citeId(), op.name(), op.programme(), "Maisons et Cités"));
        });
        ImportPlan plan = RecordImport.plan(mine, store, ConflictPolicy.ABORT);
        assertTrue(plan.conflicts().isEmpty() && plan.errors().isEmpty(), plan.describe());
        assertEquals(1, plan.changes().size(), plan.describe());
        RecordImport.apply(store, plan, "Bruno");
        Tranche t = store.snapshot().tranches().get(0);
        assertEquals(95, t.dwellings(), "the sheet's change");
        assertEquals(TrancheStatus.LIVREE, t.status(), "Anne's change kept");
        assertEquals("Maisons et Cités", store.snapshot().operations().get(0).owner(), "Anne's landlord kept");

        ImportPlan conflict = RecordImport.plan(same, store, ConflictPolicy.ABORT);
        assertEquals(1, conflict.conflicts().size(), conflict.describe());
        assertTrue(conflict.describe().contains("statut : « programmée » à l'exportation, modifié depuis en « livrée » ; "
                + "la feuille dit « travaux en cours »"), conflict.describe());
        assertThrows(RecordsException.class, () -> RecordImport.apply(store, conflict, "Bruno"));
        assertEquals(TrancheStatus.LIVREE, store.snapshot().tranches().get(0).status());
        RecordImport.apply(store, RecordImport.plan(same, store, ConflictPolicy.KEEP_MINE), "Bruno");
        assertEquals(TrancheStatus.TRAVAUX_EN_COURS, store.snapshot().tranches().get(0).status());
        assertEquals(95, store.snapshot().tranches().get(0).dwellings(), "still the first import's");
    }

    @Test
    void urbanWorksMergeToo() throws Exception {
        Path mine = export(2, "statut", "programmée");
        store.edit("Anne", null, tx -> tx.saveUrbanWork(tx.urbanWork(workId).orElseThrow().with(UrbanWork.COST, "1200")));
        ImportPlan plan = RecordImport.plan(mine, store, ConflictPolicy.ABORT);
        assertTrue(plan.conflicts().isEmpty(), plan.describe());
        RecordImport.apply(store, plan, "Bruno");
        UrbanWork w = store.snapshot().urbanWorks().get(0);
        assertEquals(UrbanWorkStatus.PROGRAMMEE, w.status());
        assertEquals(120_000L, w.costCents(), "Anne's cost kept");
    }
}
