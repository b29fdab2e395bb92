package fr.bassinminier.atlas.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
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

    @Test
    void theTargetKeepsItsModeAndANewFileGetsTheUmask() throws Exception {
        Path target = dir.resolve("partage.csv");
        Files.writeString(target, "ancien");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFiles.write(target, out -> out.write("nouveau".getBytes()));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)),
                "a save used to reset it to rw-------");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        AtomicFiles.write(target, out -> out.write("privé".getBytes()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));

        Path fresh = dir.resolve("nouveau.csv");
        Path reference = Files.createFile(dir.resolve("reference"));      // what the umask gives any program
        AtomicFiles.write(fresh, out -> out.write(1));
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(fresh));
    }

    @Test
    void aDeviceOrAFolderIsNeverReplaced() throws Exception {
        Path devNull = Path.of("/dev/null");
        if (Files.exists(devNull)) {
            DataException e = assertThrows(DataException.class, () -> AtomicFiles.write(devNull, out -> out.write(1)));
            assertEquals(DataException.Problem.UNSAFE, e.problem());
            assertTrue(e.getMessage().contains("écriture impossible : ce n'est pas un fichier ordinaire (périphérique en mode caractère)"),
                    e.getMessage());
            assertFalse(Files.isRegularFile(devNull), "still the device");
        }
        Path folder = Files.createDirectory(dir.resolve("dossier"));
        DataException e = assertThrows(DataException.class, () -> AtomicFiles.write(folder, out -> out.write(1)));
        assertTrue(e.getMessage().contains("(dossier)"), e.getMessage());
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    void aSymlinkInTheFolderIsFollowedOneLeadingOutIsRefused() throws Exception {
        Path real = dir.resolve("vrai.csv");
        Files.writeString(real, "ancien");
        Path link = Files.createSymbolicLink(dir.resolve("lien.csv"), real.getFileName());
        AtomicFiles.write(link, out -> out.write("nouveau".getBytes()));
        assertTrue(Files.isSymbolicLink(link), "the link is kept");
        assertEquals("nouveau", Files.readString(real), "the file it names is replaced");

        Path elsewhere = Files.createDirectory(dir.resolve("ailleurs")).resolve("secret.txt");
        Files.writeString(elsewhere, "à garder");
        Path sub = Files.createDirectory(dir.resolve("exports"));
        Path out = Files.createSymbolicLink(sub.resolve("fiches.csv"), elsewhere);
        DataException e = assertThrows(DataException.class, () -> AtomicFiles.write(out, o -> o.write(1)));
        assertEquals(DataException.Problem.UNSAFE, e.problem());
        assertTrue(e.getMessage().contains("lien symbolique") && e.getMessage().contains("hors du dossier"),
                e.getMessage());
        assertEquals("à garder", Files.readString(elsewhere));
        assertTrue(Files.isSymbolicLink(out));

        Path dangling = Files.createSymbolicLink(dir.resolve("perdu.csv"), dir.resolve("absent.csv"));
        assertThrows(DataException.class, () -> AtomicFiles.write(dangling, o -> o.write(1)));
    }

    @Test
    void temporaryFilesOfKilledSavesAreRemovedThoseOfLiveSavesKept() throws Exception {
        Path target = dir.resolve("carte.png");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> savers = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                    SlowSaver.class.getName(), target.toString()).redirectErrorStream(true).start();
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("writing", r.readLine());
            savers.add(p);
        }
        List<Path> temps;
        try (var files = Files.list(dir)) {
            temps = files.filter(f -> f.getFileName().toString().startsWith(".carte.png.")).toList();
        }
        assertEquals(2, temps.size(), temps.toString());
        savers.get(0).destroyForcibly().waitFor();             // kill -9: its temporary file stays behind
        for (Path t : temps) {
            Files.setLastModifiedTime(t, FileTime.from(Instant.now().minusSeconds(3600)));
        }
        try {
            AtomicFiles.write(target, out -> out.write("fin".getBytes()));
            long left;
            try (var files = Files.list(dir)) {
                left = files.filter(f -> f.getFileName().toString().endsWith(".tmp")).count();
            }
            assertEquals(1, left, "the killed save's file is removed, the live one's kept");
            assertEquals("fin", Files.readString(target));
        } finally {
            savers.get(1).destroyForcibly().waitFor();
        }
        // The next save cleans the second one too.
        Files.setLastModifiedTime(dir.resolve("carte.png"), FileTime.from(Instant.now()));
        try (var files = Files.list(dir)) {
            for (Path t : files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.setLastModifiedTime(t, FileTime.from(Instant.now().minusSeconds(3600)));
            }
        }
        AtomicFiles.write(target, out -> out.write("encore".getBytes()));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("carte.png"), files.map(f -> f.getFileName().toString()).toList());
        }
        assertFalse(Files.isSymbolicLink(target));
        assertTrue(Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS));
    }
}
