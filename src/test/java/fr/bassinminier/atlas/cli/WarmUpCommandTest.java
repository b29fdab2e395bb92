package fr.bassinminier.atlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `atlas warm-up` runs the everyday commands on the default map for the launchers' class archive:
 * they succeed, and nothing is left beside the map (an installed map sits in a root-owned folder)
 * nor in the temporary folder.
 */
class WarmUpCommandTest {
    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void runsTheEverydayCommandsAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
        Path maps = dir.resolve("maps");
        Files.createDirectories(maps.resolve("data"));
        Path demo = CliTest.demo();
        Files.copy(demo, maps.resolve(demo.getFileName()));
        try (Stream<Path> data = Files.list(demo.resolveSibling("data"))) {
            for (Path f : data.toList()) Files.copy(f, maps.resolve("data").resolve(f.getFileName()));
        }
        Files.createDirectories(dir.resolve("styles"));
        try (Stream<Path> styles = Files.list(demo.getParent().resolveSibling("styles"))) {
            for (Path f : styles.toList()) Files.copy(f, dir.resolve("styles").resolve(f.getFileName()));
        }
        List<String> before = files(dir);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long warmUpsBefore;
        try (Stream<Path> s = Files.list(tmp)) {
            warmUpsBefore = s.filter(p -> p.getFileName().toString().startsWith("atlas-warm-up")).count();
        }
        String old = System.getProperty("atlas.demo");
        System.setProperty("atlas.demo", maps.resolve(demo.getFileName()).toString());
        try {
            CliTest.Result r = CliTest.run("warm-up");
            assertEquals(0, r.code(), r.out() + r.err());
        } finally {
            if (old == null) System.clearProperty("atlas.demo");
            else System.setProperty("atlas.demo", old);
        }
        assertEquals(before, files(dir), "nothing written beside the map");
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.filter(p -> p.getFileName().toString().startsWith("atlas-warm-up")).count() <= warmUpsBefore,
                    "its temporary folder is removed");
        }
    }

    @Test
    void runsOneCommandAloneForItsOwnArchiveAndRefusesAnOtherName() {
        CliTest.Result r = CliTest.run("warm-up", "info");
        assertEquals(0, r.code(), r.out() + r.err());
        CliTest.Result bad = CliTest.run("warm-up", "records");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("« records » n’est pas une commande de l’échauffement"), bad.err());
    }
}
