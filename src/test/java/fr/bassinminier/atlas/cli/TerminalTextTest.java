package fr.bassinminier.atlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalTextTest {
    @TempDir
    Path dir;

    @Test
    void controlCharactersNeverReachTheTerminal() {
        assertEquals("Cité [31mrouge]0;titre ok\tfin\r\n",
                TerminalText.strip("Cité \u001b[31mrouge\u001b]0;titre\u0007 ok\u0000\u007f\u009b\u202e\tfin\r\n"));
        assertEquals("Lens – Liévin « ok »", TerminalText.strip("Lens – Liévin « ok »"));
    }

    @Test
    void aFileNameWithEscapesIsPrintedWithoutThem() throws Exception {
        Path project = dir.resolve("p.atlas.json");
        Files.writeString(project, "{}");
        CliTest.Result r = CliTest.run("records", "import", dir.resolve("fiches\u001b]0;pirate\u0007\u001b[2J.csv").toString(),
                "--project", project.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("fiches]0;pirate[2J.csv"), r.err());
        assertFalse(r.err().chars().anyMatch(TerminalText::unsafe), r.err());
    }
}
