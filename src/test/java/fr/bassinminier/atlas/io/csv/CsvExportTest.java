package fr.bassinminier.atlas.io.csv;

import static fr.bassinminier.atlas.analysis.TestProjects.layer;
import static fr.bassinminier.atlas.analysis.TestProjects.row;
import static fr.bassinminier.atlas.analysis.TestProjects.schema;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.model.VectorLayer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExportTest {
    private static final VectorLayer L = layer("cites", schema("nom:string", "logements:integer", "surface:double",
                    "inscrit:boolean", "date:date", "maj:datetime", "note:string"),
            row("POLYGON ((687000.1234 7037000, 687100 7037000, 687100 7037100, 687000.1234 7037000))",
                    "Cité du Château", 605, 12.5, true, LocalDate.of(2023, 1, 31), Instant.parse("2023-01-31T10:15:00Z"),
                    "Rapport ; tableau 1, « cité \"A\" »"),
            row(null, "Cité Notre-Dame", null, 1.0E-7, false, null, null, "ligne 1\r\nligne 2"),
            row("POINT (1 2)", "Nœux-les-Mines", -3, 1234567.25, null, null, null, ""));

    @Test
    void frenchExcelCsvRoundTrip(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cités.csv");
        CsvExport.write(file, L);
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), "UTF-8 BOM");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("nom;logements;surface;inscrit;date;maj;note\r\n"), text);
        assertTrue(text.contains("Cité du Château;605;12,5;oui;2023-01-31;2023-01-31T10:15:00Z;"
                + "\"Rapport ; tableau 1, « cité \"\"A\"\" »\"\r\n"), text);
        assertTrue(text.endsWith("\r\n"));

        List<List<String>> rows = parse(text);
        assertEquals(4, rows.size());
        assertEquals(List.of("Cité du Château", "605", "12,5", "oui", "2023-01-31", "2023-01-31T10:15:00Z",
                "Rapport ; tableau 1, « cité \"A\" »"), rows.get(1));
        assertEquals(List.of("Cité Notre-Dame", "", "0,0000001", "non", "", "", "ligne 1\r\nligne 2"), rows.get(2));
        assertEquals(List.of("Nœux-les-Mines", "-3", "1234567,25", "", "", "", ""), rows.get(3));
    }

    @Test
    void selectionWithWktColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sous-dossier/sélection.csv");
        CsvExport.write(file, L, List.of(L.features().get(2), L.features().get(0), L.features().get(1)), true);
        List<List<String>> rows = parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).substring(1));
        assertEquals("WKT", rows.get(0).get(0));
        assertEquals("POINT (1 2)", rows.get(1).get(0));
        assertEquals("Nœux-les-Mines", rows.get(1).get(1));
        assertEquals("POLYGON ((687000.123 7037000, 687100 7037000, 687100 7037100, 687000.123 7037000))",
                rows.get(2).get(0), "millimetres, no float noise");
        assertEquals("", rows.get(3).get(0), "no geometry");
        assertEquals(8, rows.get(3).size());
    }

    @Test
    void failureLeavesTheOldFileAndSaysSoInFrench(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("dossier.csv");
        Files.createDirectory(target);
        Files.writeString(target.resolve("x"), "x");
        DataException e = assertThrows(DataException.class, () -> CsvExport.write(target, L));
        assertTrue(e.getMessage().contains("dossier.csv") && e.getMessage().contains("écriture impossible"), e.getMessage());
    }

    @Test
    void cellFormats() {
        assertEquals("", CsvExport.format(null));
        assertEquals("0,1", CsvExport.format(0.1f));
        assertEquals("0", CsvExport.format(-0.0));
        assertEquals("", CsvExport.format(Double.NaN));
        assertEquals("12", CsvExport.format(12.0));
        assertEquals("12345678901234", CsvExport.format(12345678901234L));
        assertEquals("a", CsvExport.quote("a"));
        assertEquals("\"a;b\"", CsvExport.quote("a;b"));
        assertEquals("\"\"\"\"", CsvExport.quote("\""));
        assertEquals("a,b", CsvExport.quote("a,b"), "commas need no quotes with ';'");
    }

    /** RFC 4180 with ';': what Excel and LibreOffice do when reading the file back. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) throw new AssertionError("last line without CRLF");
        return rows;
    }
}
