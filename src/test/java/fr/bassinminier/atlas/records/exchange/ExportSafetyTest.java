package fr.bassinminier.atlas.records.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.csv.CsvExport;
import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.RecordsTestData;
import fr.bassinminier.atlas.records.sqlite.SqliteCiteStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportSafetyTest {
    @TempDir
    Path dir;

    @Test
    void formulaCellsAreNeutralisedAndComeBackExactly() throws Exception {
        for (String v : List.of("=HYPERLINK(\"http://x\";\"clic\")", "+33 3 21", "-2+3", "@SUM(A1)", "\t=1", "'=déjà",
                "''@x")) {
            String n = CsvExport.neutralise(v);
            assertTrue(n.startsWith("'"), v + " → " + n);
            assertEquals(v, CsvExport.unneutralise(n), v);
        }
        for (String v : List.of("-12", "-3,5", "+4", "1e5", "Cité", "", "a=b", "'apostrophe")) {
            assertEquals(v, CsvExport.neutralise(v), "left alone: " + v);
            assertEquals(v, CsvExport.unneutralise(v));
        }

        Path f = dir.resolve("t.records.sqlite");
        try (SqliteCiteStore store = SqliteCiteStore.open(f)) {
            Cite hostile = RecordsTestData.chateau().with(Cite.NOTE, "=HYPERLINK(\"http://evil\";\"Voir\")")
                    .with(Cite.SOURCE, "-1+1");
            store.edit("Claire", null, tx -> tx.saveCite(hostile));
            Path csv = dir.resolve("fiches.csv");
            RecordSheets.writeCsv(csv, store.snapshot(), store.lastEditId());
            String text = Files.readString(csv, StandardCharsets.UTF_8);
            assertTrue(text.contains(";\"'=HYPERLINK(\"\"http://evil\"\";\"\"Voir\"\")\";'-1+1;"), text);
            assertTrue(text.contains(";605;"), "numbers stay numbers: " + text);
            ImportPlan back = RecordImport.plan(csv, store);
            assertTrue(back.changes().isEmpty() && back.errors().isEmpty(), back.describe());
        }
    }

    @Test
    void layerCsvExportNeutralisesTextButNotNumbers() throws Exception {
        var schema = new fr.bassinminier.atlas.model.Schema(List.of(
                new fr.bassinminier.atlas.model.Field("nom", fr.bassinminier.atlas.model.FieldType.STRING),
                new fr.bassinminier.atlas.model.Field("n", fr.bassinminier.atlas.model.FieldType.DOUBLE)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var feature = new fr.bassinminier.atlas.model.Feature(1, null, schema, new Object[] {"=1+1", -3.0});
        CsvExport.write(out, schema, List.of(feature), null, false);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith("'=1+1;-3\r\n"), text);
    }

    @Test
    void aSheetMixingUtf8AndWindows1252IsRefusedWithItsLines() throws Exception {
        Path csv = dir.resolve("melange.csv");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write("id;nom\r\n".getBytes(StandardCharsets.US_ASCII));
        b.write("c-1;Cité Saint-Éloi\r\n".getBytes(StandardCharsets.UTF_8));
        b.write("c-2;Cité des Îles\r\n".getBytes("windows-1252"));
        b.write("c-3;Plain\r\n".getBytes(StandardCharsets.US_ASCII));
        b.write("c-4;Égalité\r\n".getBytes("windows-1252"));
        Files.write(csv, b.toByteArray());
        DataException e = assertThrows(DataException.class, () -> CsvTables.read(csv));
        assertEquals(DataException.Problem.ENCODING, e.problem());
        assertTrue(e.getMessage().contains("encodages mélangés : ligne 2 en UTF-8, lignes 3, 5 dans un autre encodage"),
                e.getMessage());

        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        c.write(bom);
        c.write("id;nom\r\nc-2;Cité des Îles\r\n".getBytes("windows-1252"));
        Files.write(csv, c.toByteArray());
        DataException d = assertThrows(DataException.class, () -> CsvTables.read(csv));
        assertTrue(d.getMessage().contains("se déclare en UTF-8 (marque BOM) mais ligne 2 n'y sont pas")
                || d.getMessage().contains("ligne 2"), d.getMessage());

        // One encoding throughout is read as before, whichever it is.
        Files.write(csv, "id;nom\r\nc-2;Cité des Îles\r\nc-4;Égalité\r\n".getBytes("windows-1252"));
        assertEquals("Cité des Îles", CsvTables.read(csv).rows().get(0).get("nom"));
    }
}
