package fr.bassinminier.atlas.records.sqlite;

import fr.bassinminier.atlas.l10n.Localization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/** SQLite's English errors turned into French reasons a user can act on. */
final class StorageErrors {
    /** Below this much free space, an I/O error is taken for a full disk. */
    static final long NEARLY_FULL_BYTES = 1L << 20;

    private StorageErrors() {
    }

    static boolean isCorrupt(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_CORRUPT") || m.contains("malformed");
    }

    static boolean isBusy(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_BUSY") || m.contains("database is locked");
    }

    /**
     * The French reason for a failure on {@code file}. {@code holder}: who holds the write lock
     * (from {@link WriterNote}), or null.
     */
    static String describe(Exception e, Path file, String holder) {
        String m = String.valueOf(e.getMessage());
        if (e instanceof SQLException s && isBusy(s)) {
            return Localization.text("records.databaseBeenBusyMore", SqliteCiteStore.BUSY_TIMEOUT_MS / 1000, (holder == null ? "un autre programme" : holder));
        }
        if (m.contains("SQLITE_FULL") || m.contains("database or disk is full") || m.contains("No space left")) {
            return full(file);
        }
        if (m.contains("SQLITE_IOERR") || m.contains("disk I/O error")) {
            return usableSpace(file) < NEARLY_FULL_BYTES ? full(file)
                    : Localization.get("records.diskInputOutputError");
        }
        if (m.contains("SQLITE_READONLY")) return Localization.get("records.readOnlyFileFolder");
        if (m.contains("SQLITE_CANTOPEN")) return Localization.get("records.fileCannotOpenedMissing");
        return m;
    }

    private static String full(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return Localization.text("records.diskFullMoreRoom", dir);
    }

    static long usableSpace(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            return Files.getFileStore(Files.exists(file) ? file : dir).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }
}
