package fr.bassinminier.atlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bench prints figures; only its output's shape and its argument checks are tested here. */
class BenchCommandTest {
    @Test
    void initialViewFiguresAsBefore() {
        CliTest.Result r = CliTest.run("bench", CliTest.demo().toString(), "--runs", "2", "--width", "320", "--height", "200");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("premier rendu 320x200"), r.out());
        assertTrue(r.out().contains("médiane"), r.out());
    }

    @Test
    void aTablePerViewAndPixelRatio() {
        CliTest.Result r = CliTest.run("bench", CliTest.demo().toString(), "--runs", "1", "--width", "320", "--height",
                "200", "--views", "full,25000", "--pixel-ratio", "1,2", "--center", "688100,7037200");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertTrue(r.out().contains("arrêt p95 ms"), r.out());
        assertTrue(lines[lines.length - 1].contains("640x400"), r.out());
        assertTrue(r.out().contains("1:25000  1:25000"), r.out());
    }

    @Test
    void badViewsAreRefused() {
        assertEquals(2, CliTest.run("bench", CliTest.demo().toString(), "--views", "large").code());
        assertEquals(2, CliTest.run("bench", CliTest.demo().toString(), "--center", "1").code());
        assertEquals(2, CliTest.run("bench", CliTest.demo().toString(), "--pixel-ratio", "0").code());
    }
}
