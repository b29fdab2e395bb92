package fr.bassinminier.atlas.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.DataException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UncaughtErrorsTest {
    @TempDir
    Path dir;

    @Test
    void aDefectIsUnexpectedAndPointsToTheLogWhichHoldsTheStackTrace() throws Exception {
        UncaughtErrors h = new UncaughtErrors(dir.resolve("state/atlas.log"));
        IllegalStateException bug = new IllegalStateException("index 3 hors limites");
        assertTrue(h.log(new Thread("rendu-2"), bug));
        String log = Files.readString(h.logFile());
        assertTrue(log.contains("thread « rendu-2 »"), log);
        assertTrue(log.contains("java.lang.IllegalStateException: index 3 hors limites"), log);
        assertTrue(log.contains("at fr.bassinminier.atlas.ui.UncaughtErrorsTest"), log);
        String m = UncaughtErrors.message(bug, h.logFile());
        assertTrue(m.startsWith("Erreur inattendue (défaut du programme) : IllegalStateException — index 3 hors limites"), m);
        assertTrue(m.contains(h.logFile().toString()), m);
    }

    @Test
    void theProgramsOwnErrorKeepsItsMessageEvenWrappedAndIsNotCalledUnexpected() {
        DataException data = new DataException(Path.of("/d/communes.shp"), DataException.Problem.CORRUPT,
                "enregistrement 12 tronqué");
        String m = UncaughtErrors.message(new UncheckedIOException(new java.io.IOException(data)), null);
        assertEquals("Fichier « communes.shp » : enregistrement 12 tronqué", m);
        assertFalse(m.contains("inattendue"));
    }

    @Test
    void memoryAndStackExhaustionSayWhatToDo() {
        assertTrue(UncaughtErrors.message(new OutOfMemoryError("Java heap space"), null).startsWith("Mémoire insuffisante ("));
        assertTrue(UncaughtErrors.message(new StackOverflowError(), null).startsWith("Données imbriquées trop profondément"));
    }

    @Test
    void theLogIsKeptSmallByRotation() throws Exception {
        Path log = dir.resolve("atlas.log");
        Files.write(log, new byte[(int) UncaughtErrors.MAX_LOG_BYTES + 1]);
        assertTrue(new UncaughtErrors(log).log(Thread.currentThread(), new RuntimeException("x")));
        assertTrue(Files.size(log) < 10_000);
        assertTrue(Files.exists(dir.resolve("atlas.log.1")));
    }

    @Test
    void theLogLivesInTheUsersStateFolder() {
        assertEquals(Path.of("/home/u/.local/state/atlas-bassin-minier/atlas.log"),
                UncaughtErrors.defaultLogFile(Map.of(), "/home/u"));
        assertEquals(Path.of("/x/state/atlas-bassin-minier/atlas.log"),
                UncaughtErrors.defaultLogFile(Map.of("XDG_STATE_HOME", "/x/state"), "/home/u"));
    }
}
