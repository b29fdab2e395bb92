package fr.bassinminier.atlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** A start builds only the command it runs; help and a mistyped name still see every command. */
class AtlasCommandTest {
    private static List<String> names(String... args) {
        return AtlasCommand.commandsFor(args).stream().map(c -> c.getAnnotation(Command.class).name()).toList();
    }

    @Test
    void theNamedCommandAloneIsBuilt() {
        assertEquals(List.of("render"), names("render", "carte.atlas.json", "--out", "a.png"));
        assertEquals(List.of("print"), names("--help", "print"));
        assertEquals(List.of("records"), names("records", "stats"));
    }

    @Test
    void withoutAKnownCommandEveryOneIsBuilt() {
        List<String> all = names();
        assertTrue(all.size() >= 9 && all.containsAll(List.of("info", "render", "records", "impact", "print",
                "official-data", "tiles", "refresh", "warm-up")), all.toString());
        assertEquals(all, names("--help"));
        assertEquals(all, names("rendr", "x"));
    }

    @Test
    void helpListsEveryCommandAndAMistypedNameIsRefused() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, AtlasCommand.run(new String[] {"--help"}, new PrintWriter(out), new PrintWriter(err)));
        for (String c : List.of("info", "render", "records", "impact", "print", "official-data", "tiles", "refresh")) {
            assertTrue(out.toString().contains(c), c + " missing from:\n" + out);
        }
        StringWriter err2 = new StringWriter();
        assertEquals(2, AtlasCommand.run(new String[] {"rendr"}, new PrintWriter(new StringWriter()), new PrintWriter(err2)));
        assertTrue(err2.toString().contains("rendr") && err2.toString().contains("atlas --help"), err2.toString());
    }
}
