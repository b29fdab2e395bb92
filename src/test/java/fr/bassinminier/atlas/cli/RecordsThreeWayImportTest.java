package fr.bassinminier.atlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.Main;
import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.RecordsTestData;
import fr.bassinminier.atlas.records.exchange.CsvTables;
import fr.bassinminier.atlas.records.exchange.RecordSheets;
import fr.bassinminier.atlas.records.exchange.Table;
import fr.bassinminier.atlas.records.project.RecordsProject;
import fr.bassinminier.atlas.records.sqlite.SqliteCiteStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two people, each in their own program (a separate JVM), export the records, edit their
 * sheet and import it. The audit's lost update: the second import used to put back the first
 * person's field.
 */
class RecordsThreeWayImportTest {
    @TempDir
    Path dir;
    Path project;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void records() throws Exception {
        project = dir.resolve("p.atlas.json");
        Files.writeString(project, "{}");
        try (SqliteCiteStore s = SqliteCiteStore.open(RecordsProject.recordsFile(project))) {
            s.edit("Claire", "jeu d'essai", tx -> tx.saveCite(RecordsTestData.chateau()));
        }
    }

    /** `atlas records …` in a JVM of its own, as a second user would run it. */
    private Run atlas(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "records"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--project", project.toString()));
        Path out = Files.createTempFile(dir, "out", ".txt"), err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "atlas records " + String.join(" ", args) + " hung");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The user edits one cell of the cités sheet, as in a spreadsheet. */
    private static void edit(Path csv, String column, String value) throws Exception {
        Table t = CsvTables.read(csv);
        List<List<String>> rows = new ArrayList<>();
        for (Table.Row r : t.rows()) {
            List<String> row = new ArrayList<>();
            for (String h : t.header()) row.add(h.equals(column) ? value : r.get(h));
            rows.add(row);
        }
        CsvTables.write(csv, t.header(), rows);
    }

    private Cite cite() throws Exception {
        try (SqliteCiteStore s = SqliteCiteStore.open(RecordsProject.recordsFile(project))) {
            return s.cite("c-1").orElseThrow();
        }
    }

    @Test
    void differentFieldsOfTheSameCiteBothSurvive() throws Exception {
        Path a = dir.resolve("anne.csv"), b = dir.resolve("bruno.csv");
        assertEquals(0, atlas("export", "--csv", a.toString()).code());
        assertEquals(0, atlas("export", "--csv", b.toString()).code());
        assertTrue(Files.readString(a).contains(";version\r\n"), "the export records its base");
        edit(a, "logements", "610");
        edit(b, "note", "Visite du 3 mars");

        Run ra = atlas("import", a.toString(), "--user", "Anne");
        assertEquals(0, ra.code(), ra.out() + ra.err());
        Run rb = atlas("import", b.toString(), "--user", "Bruno");
        assertEquals(0, rb.code(), rb.out() + rb.err());
        System.out.println(rb.out());
        assertTrue(rb.out().contains("note : « Note sur deux lignes ;\nseconde ligne » → « Visite du 3 mars »")
                || rb.out().contains("Visite du 3 mars"), rb.out());
        assertTrue(!rb.out().contains("logements"), "Bruno's sheet did not touch the dwellings: " + rb.out());

        Cite c = cite();
        assertEquals(610, c.dwellings(), "Anne's edit survives Bruno's import");
        assertEquals("Visite du 3 mars", c.note(), "Bruno's edit is in");
    }

    @Test
    void theSameFieldIsAConflictAndNothingIsOverwrittenUnlessChosen() throws Exception {
        Path a = dir.resolve("anne.csv"), b = dir.resolve("bruno.csv");
        assertEquals(0, atlas("export", "--csv", a.toString()).code());
        assertEquals(0, atlas("export", "--csv", b.toString()).code());
        edit(a, "logements", "610");
        edit(b, "logements", "590");
        assertEquals(0, atlas("import", a.toString(), "--user", "Anne").code());

        Run rb = atlas("import", b.toString(), "--user", "Bruno");
        System.out.println(rb.out() + rb.err());
        assertEquals(3, rb.code(), rb.out() + rb.err());
        assertTrue(rb.out().contains("logements : « 605 » à l'exportation, modifié depuis en « 610 » ; la feuille dit "
                + "« 590 »"), rb.out());
        assertTrue(rb.err().contains("--on-conflict"), rb.err());
        assertEquals(610, cite().dwellings(), "nothing overwritten");

        Run theirs = atlas("import", b.toString(), "--user", "Bruno", "--on-conflict", "keep-theirs");
        assertEquals(0, theirs.code(), theirs.out() + theirs.err());
        assertEquals(610, cite().dwellings());
        Run mine = atlas("import", b.toString(), "--user", "Bruno", "--on-conflict", "keep-mine");
        assertEquals(0, mine.code(), mine.out() + mine.err());
        assertEquals(590, cite().dwellings());
        assertEquals(2, atlas("import", b.toString(), "--on-conflict", "peut-être").code());
    }

    @Test
    void anOldSheetWithoutBaseListsEveryReversionAndNeedsAChoice() throws Exception {
        Path old = dir.resolve("ancienne.csv");
        try (SqliteCiteStore s = SqliteCiteStore.open(RecordsProject.recordsFile(project))) {
            RecordSheets.writeCsv(old, s.snapshot());      // no version column: a sheet from before
            s.edit("Anne", null, tx -> tx.saveCite(tx.cite("c-1").orElseThrow().with("logements", "610")));
        }
        edit(old, "epci", "CAHC");                             // a real edit; logements still 605 in the sheet
        Run r = atlas("import", old.toString(), "--user", "Bruno");
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("logements : la feuille remet « 605 », valeur antérieure ; valeur actuelle « 610 »"),
                r.out());
        assertEquals(610, cite().dwellings());
        assertEquals("CALL", cite().epci(), "refused whole");
        Run keep = atlas("import", old.toString(), "--user", "Bruno", "--on-conflict", "keep-theirs");
        assertEquals(0, keep.code(), keep.out() + keep.err());
        assertEquals(610, cite().dwellings());
        assertEquals("CAHC", cite().epci());
    }
}
