package fr.bassinminier.atlas.records.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.TextDecoding;
import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.HistoryEntry;
import fr.bassinminier.atlas.records.Operation;
import fr.bassinminier.atlas.records.Programme;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.records.RecordsSnapshot;
import fr.bassinminier.atlas.records.RecordsTestData;
import fr.bassinminier.atlas.records.Tranche;
import fr.bassinminier.atlas.records.TrancheStatus;
import fr.bassinminier.atlas.records.UrbanWork;
import fr.bassinminier.atlas.records.UrbanWorkStatus;
import fr.bassinminier.atlas.records.exchange.ImportPlan.FieldChange;
import fr.bassinminier.atlas.records.sqlite.SqliteCiteStore;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordImportTest {
    @TempDir
    Path dir;
    SqliteCiteStore store;

    /** Two cités with accents, ';', quotes and line breaks in values, a tranche with cost and dates, works. */
    @BeforeEach
    void fill() throws Exception {
        store = SqliteCiteStore.open(dir.resolve("t.records.sqlite"));
        store.edit("Claire", "jeu d'essai", tx -> {
            tx.saveCite(RecordsTestData.chateau());
            tx.saveCite(new Cite("c-2", null, "Cité « Saint-Éloi » ; dite \"des Îles\"", List.of(), "CAHC", List.of(),
                    120, null, Set.of(), null, List.of(), null, null));
            Operation op = tx.saveOperation(new Operation(0, "c-1", "Réhabilitation ERBM ; lot 3", Programme.ERBM, "SIA"));
            tx.saveTranche(new Tranche(0, op.id(), 1, 89, TrancheStatus.TRAVAUX_EN_COURS, "2023-03", "2024",
                    "F", "B", 250_000_050L, "Fiche « lot 3 »"));
            tx.saveUrbanWork(new UrbanWork(0, "c-1", "Espaces publics ; rues", UrbanWorkStatus.A_L_ETUDE, null, null,
                    null, "Communiqué"));
        });
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void csvRoundTripChangesNothingAndAnEditInExcelComesBackExactly() throws Exception {
        Path csv = dir.resolve("fiches.csv");
        List<Path> files = RecordSheets.writeCsv(csv, store.snapshot());
        assertEquals(List.of("fiches.csv", "fiches-tranches.csv", "fiches-travaux-urbains.csv"),
                files.stream().map(f -> f.getFileName().toString()).toList());
        byte[] bytes = Files.readAllBytes(csv);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFid;id_mbm;nom;communes;epci;proprietaires;logements;unesco;programmes;"
                + "programme_detail;liens_carte;note;source\r\n"), text);
        assertTrue(text.contains("\"Cité « Saint-Éloi » ; dite \"\"des Îles\"\"\""), text);
        for (Path f : files) {
            ImportPlan same = RecordImport.plan(f, store);
            assertTrue(same.errors().isEmpty(), same.describe());
            assertTrue(same.changes().isEmpty(), same.describe());
        }
        String tranches = Files.readString(files.get(1));
        assertTrue(tranches.contains(";2500000,5;"), tranches);

        // The user edits the cités file in Excel: a name with ';' and quotes, a count, a new cité.
        String edited = text.replace(";Cité du Château;", ";\"Cité du Château ; « le Grand » \"\"bis\"\"\";")
                .replace(";605;", ";610;") + "c-3;;Cité nouvelle;Lallaing (59328);CCCO;;272;inscrit;ERBM;;;;\r\n";
        Files.write(csv, edited.getBytes(StandardCharsets.UTF_8));
        ImportPlan plan = RecordImport.plan(csv, store);
        assertTrue(plan.errors().isEmpty(), plan.describe());
        assertEquals(2, plan.changes().size(), plan.describe());
        ImportPlan.RecordChange changed = plan.changes().get(0);
        assertEquals(List.of(new FieldChange("nom", "Cité du Château", "Cité du Château ; « le Grand » \"bis\""),
                new FieldChange("logements", "605", "610")), changed.fields());
        assertTrue(plan.changes().get(1).isNew());
        assertTrue(plan.describe().contains("logements : « 605 » → « 610 »"), plan.describe());
        assertTrue(plan.describe().contains("Nouveau : cité c-3 « Cité nouvelle »"), plan.describe());

        long edit = RecordImport.apply(store, plan, "Marc");
        assertTrue(edit > 0);
        assertEquals("Cité du Château ; « le Grand » \"bis\"", store.cite("c-1").orElseThrow().name());
        assertEquals("59328", store.cite("c-3").orElseThrow().communes().get(0).insee());
        List<HistoryEntry> h = store.history(HistoryEntry.CITE, "c-1");
        assertEquals("Marc", h.get(h.size() - 1).user());
        assertEquals("Import de « fiches.csv »", h.get(h.size() - 1).comment());

        // Exported again, the file is the one the user saved.
        Path again = dir.resolve("encore.csv");
        RecordSheets.writeCsv(again, store.snapshot());
        assertEquals(edited, Files.readString(again, StandardCharsets.UTF_8));
    }

    @Test
    void xlsxRoundTripWithNumbersAndDatesTypedInExcel() throws Exception {
        Path xlsx = dir.resolve("fiches.xlsx");
        RecordSheets.writeXlsx(xlsx, store.snapshot(), store.recentHistory(100));
        List<Table> tables = XlsxTables.read(xlsx);
        assertEquals(List.of("Cités", "Tranches", "Travaux urbains", "Historique"), tables.stream().map(Table::name).toList());
        assertEquals("Cité du Château", tables.get(0).rows().get(0).get("nom"));
        assertEquals(2, tables.get(0).rows().get(0).line(), "lines as Excel numbers them");
        assertEquals("Note sur deux lignes ;\nseconde ligne", tables.get(0).rows().get(0).get("note"));
        ImportPlan same = RecordImport.plan(xlsx, tables, store.snapshot());
        assertTrue(same.changes().isEmpty() && same.errors().isEmpty(), same.describe());
        assertTrue(same.warnings().stream().anyMatch(w -> w.contains("Historique")), same.warnings().toString());

        // A workbook as a user makes it: numbers as numbers, a date typed as a date, a new tranche.
        Path typed = dir.resolve("saisie.xlsx");
        long trancheId = store.snapshot().tranches().get(0).id();
        try (OutputStream out = Files.newOutputStream(typed)) {
            Workbook wb = new Workbook(out, "Excel", "1.0");
            Worksheet ws = wb.newWorksheet("Tranches");
            List<String> h = List.of("id", "id_cite", "operation", "tranche", "logements", "statut", "debut", "fin",
                    "cout_euros");
            for (int c = 0; c < h.size(); c++) ws.value(0, c, h.get(c));
            ws.value(1, 0, trancheId);
            ws.value(1, 1, "c-1");
            ws.value(1, 2, "Réhabilitation ERBM ; lot 3");
            ws.value(1, 3, 1);
            ws.value(1, 4, 89);
            ws.value(1, 5, "livrée");
            ws.value(1, 6, "2023-03");
            ws.value(1, 7, LocalDate.of(2024, 6, 28));
            ws.style(1, 7).format("dd/mm/yyyy").set();
            ws.value(1, 8, new java.math.BigDecimal("2500000.5"));
            ws.value(2, 1, "c-1");
            ws.value(2, 2, "Réhabilitation ERBM ; lot 3");
            ws.value(2, 3, 2);
            ws.value(2, 4, 40);
            ws.value(2, 5, "programmée");
            wb.finish();
        }
        ImportPlan plan = RecordImport.plan(typed, store);
        assertTrue(plan.errors().isEmpty(), plan.describe());
        assertEquals(2, plan.changes().size(), plan.describe());
        assertEquals(List.of(new FieldChange("statut", "travaux en cours", "livrée"),
                new FieldChange("fin", "2024", "2024-06-28")), plan.changes().get(0).fields());
        assertTrue(plan.changes().get(1).isNew());
        RecordImport.apply(store, plan, "Marc");
        RecordsSnapshot s = store.snapshot();
        assertEquals(2, s.tranches().size());
        assertEquals(TrancheStatus.LIVREE, s.tranches().get(0).status());
        assertEquals(250_000_050L, s.tranches().get(0).costCents(), "cost untouched by 2500000.5");
        // Exported and read back again: nothing to change.
        RecordSheets.writeXlsx(xlsx, s, List.of());
        assertTrue(RecordImport.plan(xlsx, store).changes().isEmpty());
    }

    @Test
    void aSheetWithErrorsIsRefusedWholeWithLineNumbersAndFrenchReasons() throws Exception {
        long tranche = store.snapshot().tranches().get(0).id();
        Path bad = dir.resolve("erreurs-tranches.csv");
        Files.write(bad, ("\uFEFFid;id_cite;operation;tranche;logements;statut;debut;fin\r\n"
                + tranche + ";c-1;Réhabilitation ERBM ; lot 3;1;95;livrée;2023-03;2024\r\n"    // wrong: unquoted ';'
                ).getBytes(StandardCharsets.UTF_8));
        assertTrue(assertThrows(fr.bassinminier.atlas.io.DataException.class, () -> RecordImport.plan(bad, store))
                .getMessage().contains("ligne 2 : 9 colonnes pour 8"));

        Files.write(bad, ("\uFEFFid;id_cite;operation;tranche;logements;statut;debut;fin\r\n"
                + tranche + ";c-1;\"Réhabilitation ERBM ; lot 3\";1;95;livrée;2023-03;2024\r\n"   // good
                + ";c-1;Autre;1;12;fini;;\r\n"                                                      // unknown status
                + ";c-1;Autre;2;-4;programmée;;\r\n"                                                // negative dwellings
                + "999;c-1;Autre;3;4;programmée;;\r\n"                                              // unknown id
                + ";c-9;Autre;1;4;programmée;;\r\n"                                                 // unknown cité
                + ";c-2;\"Sur\r\ndeux lignes\";1;4;programmée;31/02/2024;\r\n"                      // impossible date
                + ";c-2;Op;1;4;programmée;le 3 mars;\r\n"                                           // malformed date
                + ";c-1;\"Réhabilitation ERBM ; lot 3\";1;4;programmée;;\r\n")                      // same tranche twice
                .getBytes(StandardCharsets.UTF_8));
        long edits = store.editCount();
        RecordsSnapshot before = store.snapshot();
        ImportPlan plan = RecordImport.plan(bad, store);
        List<String> errors = plan.errors().stream().map(ImportPlan.RowError::toString).toList();
        assertEquals(List.of(
                "« erreurs-tranches.csv », ligne 3 : statut : statut « fini » inconnu ; attendu : « à l'étude », "
                        + "« programmée », « travaux en cours », « livrée »",
                "« erreurs-tranches.csv », ligne 4 : logements : nombre de logements négatif (-4)",
                "« erreurs-tranches.csv », ligne 5 : tranche d'identifiant « 999 » inconnue ; laissez la colonne id vide "
                        + "pour une nouvelle tranche",
                "« erreurs-tranches.csv », ligne 6 : cité « c-9 » inconnue (id_cite)",
                "« erreurs-tranches.csv », ligne 7 : debut : date impossible (31/02/2024)",
                "« erreurs-tranches.csv », ligne 9 : debut : date mal formée (le 3 mars) ; attendu : AAAA, AAAA-MM, "
                        + "AAAA-MM-JJ ou JJ/MM/AAAA",
                "« erreurs-tranches.csv », ligne 10 : tranche n°1 de l'opération « Réhabilitation ERBM ; lot 3 » déjà "
                        + "sur la ligne 2"), errors);
        assertTrue(plan.changes().isEmpty(), "no change is offered while rows are wrong");
        assertTrue(plan.describe().contains("rien ne sera modifié"), plan.describe());
        RecordsException e = assertThrows(RecordsException.class, () -> RecordImport.apply(store, plan, "Marc"));
        assertTrue(e.getMessage().contains("rien n'a été modifié"), e.getMessage());
        assertEquals(edits, store.editCount());
        assertEquals(before, store.snapshot());
    }

    @Test
    void aRecordChangedAfterPlanningStopsTheWholeImport() throws Exception {
        Path csv = dir.resolve("f.csv");
        RecordSheets.writeCsv(csv, store.snapshot());
        String t = Files.readString(csv).replace(";605;", ";700;").replace("Cité « Saint-Éloi »", "Cité Saint-Éloi");
        Files.writeString(csv, t);
        ImportPlan plan = RecordImport.plan(csv, store);
        assertEquals(2, plan.changes().size());
        store.edit("Claire", null, tx -> tx.saveCite(tx.cite("c-2").orElseThrow().with(Cite.DWELLINGS, "121")));
        RecordsException e = assertThrows(RecordsException.class, () -> RecordImport.apply(store, plan, "Marc"));
        assertEquals(RecordsException.Kind.CONFLICT, e.kind());
        assertTrue(e.getMessage().contains("a été modifié(e) depuis la lecture du fichier"), e.getMessage());
        assertEquals(605, store.cite("c-1").orElseThrow().dwellings(), "the first change, valid, was not kept either");
    }

    @Test
    void readsWhatFrenchExcelSavesBack() throws Exception {
        // "CSV (séparateur : point-virgule)": Windows-1252, no BOM, dates rewritten as 28/06/2024.
        long id = store.snapshot().urbanWorks().get(0).id();
        String csv = "id;id_cite;nom_cite;intitule;statut;debut;fin;cout_euros;source\r\n"
                + id + ";c-1;Cité du Château;Espaces publics ; rues;achevée;01/2023;28/06/2024;1 250 000,00;Communiqué\r\n";
        Path f = dir.resolve("travaux.csv");
        Files.write(f, csv.replace("Espaces publics ; rues", "\"Espaces publics ; rues\"")
                .getBytes(TextDecoding.WINDOWS_1252));
        ImportPlan plan = RecordImport.plan(f, store);
        assertTrue(plan.errors().isEmpty(), plan.describe());
        List<FieldChange> fields = plan.changes().get(0).fields();
        assertEquals(new ArrayList<>(List.of(new FieldChange("statut", "à l'étude", "achevée"),
                new FieldChange("debut", "", "2023-01"), new FieldChange("fin", "", "2024-06-28"),
                new FieldChange("cout_euros", "", "1250000"))), fields);
    }

    @Test
    void existingNumbersAndRepeatedIdsAreRefused() throws Exception {
        long tranche = store.snapshot().tranches().get(0).id();
        Path t = dir.resolve("t.csv");
        Files.writeString(t, "id_cite;operation;tranche;statut\r\nc-1;Réhabilitation ERBM ; lot 3;1;livrée\r\n"
                .replace("Réhabilitation ERBM ; lot 3", "\"Réhabilitation ERBM ; lot 3\""));
        assertEquals(List.of("« t.csv », ligne 2 : l'opération « Réhabilitation ERBM ; lot 3 » a déjà une tranche n°1 (id "
                + tranche + ") ; indiquez son id pour la modifier"),
                RecordImport.plan(t, store).errors().stream().map(ImportPlan.RowError::toString).toList());
        Path c = dir.resolve("c.csv");
        Files.writeString(c, "id;nom\r\nc-1;A\r\nc-1;B\r\n");
        assertEquals(List.of("« c.csv », ligne 3 : cité « c-1 » déjà sur la ligne 2"),
                RecordImport.plan(c, store).errors().stream().map(ImportPlan.RowError::toString).toList());
    }
}
