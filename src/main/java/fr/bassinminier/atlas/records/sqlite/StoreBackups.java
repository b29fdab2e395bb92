package fr.bassinminier.atlas.records.sqlite;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.records.RecordsException.Kind;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The automatic backups of a records file: {@code NAME.auto-1.bak} (newest) to
 * {@code NAME.auto-3.bak}, each a consistent copy (VACUUM INTO reads one snapshot) of a file
 * that passed its check. Refreshed on opening when the newest is more than a day old, and
 * before every import. {@link #restore} puts back the newest sound one and keeps the damaged
 * file beside it.
 */
public final class StoreBackups {
    static final Duration DAILY = Duration.ofDays(1);
    static final int KEEP = 3;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private StoreBackups() {
    }

    public static Path backup(Path db, int n) {
        return db.resolveSibling(db.getFileName() + ".auto-" + n + ".bak");
    }

    /** The newest automatic backup, if any. */
    public static Optional<Path> newest(Path db) {
        for (int i = 1; i <= KEEP; i++) {
            if (Files.isRegularFile(backup(db, i))) return Optional.of(backup(db, i));
        }
        return Optional.empty();
    }

    /**
     * Takes a new backup when the newest is older than {@code age}, rotating the older ones.
     * On opening this is best effort (a full disk must not stop reading); before an import
     * ({@code age} zero) a failure refuses the import.
     */
    static void refreshIfOlderThan(Path db, Connection conn, Duration age) throws RecordsException {
        Path first = backup(db, 1);
        try {
            if (!age.isZero() && Files.isRegularFile(first)
                    && Files.getLastModifiedTime(first).toInstant().isAfter(Instant.now().minus(age))) {
                return;
            }
            take(db, conn);
        } catch (SQLException | IOException e) {
            if (!age.isZero()) return;
            throw new RecordsException(Kind.STORAGE, Localization.text("records.fileAutomaticBackupImpossible", db.getFileName(), StorageErrors.describe(e, db, null)), e);
        }
    }

    private static void take(Path db, Connection conn) throws SQLException, IOException {
        Path tmp = db.resolveSibling("." + db.getFileName() + ".auto.tmp");
        Files.deleteIfExists(tmp);
        try {
            try (PreparedStatement ps = conn.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, tmp.toString());
                ps.execute();
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.deleteIfExists(backup(db, KEEP));
            for (int i = KEEP - 1; i >= 1; i--) {
                if (Files.exists(backup(db, i))) {
                    Files.move(backup(db, i), backup(db, i + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(tmp, backup(db, 1), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(backup(db, 1), FileTime.from(Instant.now()));
            fr.bassinminier.atlas.io.AtomicFiles.syncDirectory(db.toAbsolutePath().getParent());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The French refusal of a damaged file, with the way out. */
    static RecordsException damaged(Path db, String check) {
        String first = check == null ? "?" : check.lines().filter(l -> !l.startsWith("***")).findFirst().orElse(check);
        if (first.length() > 200) first = first.substring(0, 200) + "…";
        Optional<Path> b = newest(db);
        String way = b.isPresent()
                ? Localization.text("records.startAgainLastAutomatic", b.get().getFileName(), when(b.get()))
                : Localization.get("records.automaticBackupExistsBeside");
        return new RecordsException(Kind.CORRUPT, Localization.text("records.fileDamagedIntegrityCheck", db.getFileName(), first, way));
    }

    private static String when(Path f) {
        try {
            return LocalDateTime.ofInstant(Files.getLastModifiedTime(f).toInstant(), ZoneId.systemDefault()).format(SHOWN);
        } catch (IOException e) {
            return "?";
        }
    }

    /** What {@link #restore} did. */
    public record Restored(Path backup, String date, Path damagedKept) {
    }

    /**
     * Replaces the records file with the newest automatic backup that passes the full
     * integrity check. The current file (and its -wal, -shm) is kept as
     * {@code NAME.endommage-DATE}, never deleted. The caller makes sure no program has it open.
     */
    public static Restored restore(Path file) throws RecordsException {
        Path db = file.toAbsolutePath();
        for (int i = 1; i <= KEEP; i++) {
            Path b = backup(db, i);
            if (!Files.isRegularFile(b) || !sound(b)) continue;
            String date = when(b);
            try {
                Path kept = null;
                if (Files.exists(db)) {
                    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
                    kept = db.resolveSibling(db.getFileName() + ".endommage-" + stamp);
                    Files.move(db, kept);
                }
                // The WAL belongs to the damaged file: left in place it would be replayed over the backup.
                for (String suffix : new String[] {"-wal", "-shm"}) {
                    Path side = db.resolveSibling(db.getFileName() + suffix);
                    if (Files.exists(side)) {
                        if (kept != null) Files.move(side, kept.resolveSibling(kept.getFileName() + suffix));
                        else Files.delete(side);
                    }
                }
                Path tmp = db.resolveSibling("." + db.getFileName() + ".restore.tmp");
                Files.copy(b, tmp, StandardCopyOption.REPLACE_EXISTING);
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                Files.move(tmp, db, StandardCopyOption.ATOMIC_MOVE);
                fr.bassinminier.atlas.io.AtomicFiles.syncDirectory(db.getParent());
                return new Restored(b, date, kept);
            } catch (IOException e) {
                throw new RecordsException(Kind.STORAGE, Localization.text("records.fileCannotRestore", db.getFileName(), b.getFileName(), e.getMessage()), e);
            }
        }
        throw new RecordsException(Kind.CORRUPT, Localization.text("records.fileSoundAutomaticBackup", db.getFileName(), backup(db, 1).getFileName(), backup(db, KEEP).getFileName()));
    }

    /** A records file that passes the full integrity check. */
    static boolean sound(Path b) {
        try (Connection c = SqliteCiteStore.readOnly(b)) {
            return SqliteCiteStore.check(c, "integrity_check").equals("ok");
        } catch (SQLException e) {
            return false;
        }
    }
}
