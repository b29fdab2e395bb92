package fr.bassinminier.atlas.records.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.records.Operation;
import fr.bassinminier.atlas.records.Programme;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.records.RecordsTestData;
import fr.bassinminier.atlas.records.Tranche;
import fr.bassinminier.atlas.records.TrancheStatus;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSafetyTest {
    @TempDir
    Path dir;

    private Path filled() throws Exception {
        Path f = dir.resolve("p.records.sqlite");
        try (SqliteCiteStore s = SqliteCiteStore.open(f)) {
            s.edit("Claire", "saisie", tx -> {
                tx.saveCite(RecordsTestData.chateau());
                Operation op = tx.saveOperation(new Operation(0, "c-1", "ERBM", Programme.ERBM, "SIA"));
                for (int i = 1; i <= 200; i++) {
                    tx.saveTranche(new Tranche(0, op.id(), i, 10, TrancheStatus.PROGRAMMEE, "2023", null, null, null,
                            null, "source " + "x".repeat(200) + i));
                }
            });
        }
        return f;
    }

    @Test
    void aStoreWithFlippedBitsIsRefusedAndTheAutomaticBackupRestoresIt() throws Exception {
        Path f = filled();
        try (SqliteCiteStore s = SqliteCiteStore.open(f)) {   // an existing, sound file: its daily backup is taken
            assertEquals(200, s.snapshot().tranches().size());
        }
        Path backup = StoreBackups.backup(f, 1);
        assertTrue(Files.isRegularFile(backup), "automatic backup taken on opening");
        byte[] sound = Files.readAllBytes(f);

        // 20 bit flips in b-tree pages past the first (the header stays valid: this is not "not a database").
        Random random = new Random(18);
        long pages = Files.size(f) / 4096;
        assertTrue(pages > 3, "pages: " + pages);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            for (int i = 0; i < 20; i++) {
                long page = 1 + (i % (pages - 1));
                long at = page * 4096 + random.nextInt(12);
                raf.seek(at);
                int b = raf.read();
                raf.seek(at);
                raf.write(b ^ (1 << random.nextInt(8)));
            }
        }
        byte[] damaged = Files.readAllBytes(f);
        RecordsException e = assertThrows(RecordsException.class, () -> SqliteCiteStore.open(f));
        System.out.println(e.getMessage());
        assertEquals(RecordsException.Kind.CORRUPT, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("endommagé") && e.getMessage().contains("atlas records restore")
                && e.getMessage().contains(backup.getFileName().toString()), e.getMessage());
        assertTrue(java.util.Arrays.equals(damaged, Files.readAllBytes(f)), "the refused file is left as it was");

        StoreBackups.Restored r = StoreBackups.restore(f);
        assertEquals(backup, r.backup());
        assertTrue(java.util.Arrays.equals(damaged, Files.readAllBytes(r.damagedKept())), "damaged file kept aside");
        try (SqliteCiteStore s = SqliteCiteStore.open(f)) {
            assertEquals("ok", s.integrityCheck());
            assertEquals(200, s.snapshot().tranches().size());
            assertEquals("Cité du Château", s.cite("c-1").orElseThrow().name());
        }
        assertFalse(java.util.Arrays.equals(sound, damaged));
    }

    @Test
    void backupsRotateAndAreTakenBeforeEachImportButOnlyDailyOnOpening() throws Exception {
        Path f = filled();
        try (SqliteCiteStore s = SqliteCiteStore.open(f)) {
            assertTrue(Files.exists(StoreBackups.backup(f, 1)));
        }
        FileTime first = Files.getLastModifiedTime(StoreBackups.backup(f, 1));
        try (SqliteCiteStore s = SqliteCiteStore.open(f)) {
            assertFalse(Files.exists(StoreBackups.backup(f, 2)), "not again within the day");
            for (int i = 0; i < 4; i++) s.beforeImport();
        }
        assertTrue(Files.exists(StoreBackups.backup(f, 3)));
        assertFalse(Files.exists(StoreBackups.backup(f, 4)), "three kept");
        Files.setLastModifiedTime(StoreBackups.backup(f, 1), FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS)));
        try (SqliteCiteStore s = SqliteCiteStore.open(f)) {
            assertTrue(Files.getLastModifiedTime(StoreBackups.backup(f, 1)).toInstant()
                    .isAfter(Instant.now().minus(1, ChronoUnit.HOURS)), "older than a day: refreshed");
        }
        assertTrue(first.toMillis() > 0);
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void aBadStoredValueIsANamedErrorNotAnUnexpectedOne() throws Exception {
        Path f = filled();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            st.execute("PRAGMA ignore_check_constraints = ON");
            st.executeUpdate("UPDATE tranche SET statut = 'FINIE' WHERE numero = 7");
        }
        // The CHECK constraints make quick_check itself see it: refused on opening, with the table named.
        RecordsException e = assertThrows(RecordsException.class, () -> SqliteCiteStore.open(f));
        assertEquals(RecordsException.Kind.CORRUPT, e.kind());
        assertTrue(e.getMessage().contains("CHECK constraint failed in tranche"), e.getMessage());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE tranche SET statut = 'LIVREE'");
            st.executeUpdate("UPDATE change_set SET at = 'hier'");
        }
        try (SqliteCiteStore s = SqliteCiteStore.open(f)) {
            RecordsException h = assertThrows(RecordsException.class, () -> s.recentHistory(10));
            assertTrue(h.getMessage().contains("date « hier » illisible"), h.getMessage());
        }
    }

    @Test
    void aFullDiskIsSaidInFrench() {
        Path f = dir.resolve("p.records.sqlite");
        String full = StorageErrors.describe(new SQLException("[SQLITE_FULL] Insertion failed because database is full "
                + "(database or disk is full)"), f, null);
        assertTrue(full.startsWith("disque plein"), full);
        String io = StorageErrors.describe(new SQLException("[SQLITE_IOERR] disk I/O error"), f, null);
        assertTrue(io.contains("entrée-sortie"), "space is left here, so not called full: " + io);
        String busy = StorageErrors.describe(new SQLException("[SQLITE_BUSY] database is locked"), f,
                "« Anne » (programme n°42 sur poste-3, « Import », depuis 14:02:11)");
        assertTrue(busy.contains("occupée depuis plus de 10 s par « Anne » (programme n°42"), busy);
    }

    @Test
    void aWriterHoldingTheLockIsNamedToTheOneWhoWaits() throws Exception {
        Path f = filled();
        try (SqliteCiteStore a = SqliteCiteStore.open(f); SqliteCiteStore b = SqliteCiteStore.open(f)) {
            java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            Thread t = new Thread(() -> {
                try {
                    a.edit("Anne", "Import de « fiches.csv »", tx -> {
                        tx.putMeta("k", "v");
                        inside.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException ie) {
                            Thread.currentThread().interrupt();
                        }
                    });
                } catch (RecordsException ignored) {
                    // Not expected; the main thread's assertions say what went wrong.
                }
            });
            t.start();
            assertTrue(inside.await(10, java.util.concurrent.TimeUnit.SECONDS));
            // Reads go on while Anne writes.
            assertEquals(200, b.snapshot().tranches().size());
            assertTrue(Files.readString(WriterNote.of(f)).contains("« Anne »"));
            release.countDown();
            t.join();
            assertFalse(Files.exists(WriterNote.of(f)), "note removed with the transaction");
        }
    }
}
