package fr.bassinminier.atlas.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void failureHalfwayKeepsTheOldFileAndLeavesNoTemporary() throws Exception {
        Path target = dir.resolve("projet.atlas.json");
        Files.writeString(target, "ancien");
        DataException e = assertThrows(DataException.class, () -> AtomicFiles.write(target, out -> {
            out.write("nouveau début".getBytes());
            throw new IOException("disque plein");
        }));
        assertEquals(DataException.Problem.WRITE_FAILED, e.problem());
        assertTrue(e.getMessage().contains("projet.atlas.json") && e.getMessage().contains("intact"), e.getMessage());
        assertEquals("ancien", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void successReplacesTheFile() throws Exception {
        Path target = dir.resolve("a.txt");
        Files.writeString(target, "ancien");
        AtomicFiles.write(target, out -> out.write("nouveau".getBytes()));
        assertEquals("nouveau", Files.readString(target));
    }
}
