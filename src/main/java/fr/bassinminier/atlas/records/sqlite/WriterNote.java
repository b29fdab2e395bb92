package fr.bassinminier.atlas.records.sqlite;

import fr.bassinminier.atlas.l10n.Localization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code NAME.records.sqlite.writer}: who holds the write lock, written once the lock is taken
 * and removed at the end of the transaction. SQLite cannot say who holds a lock; this note lets
 * a program that waited in vain name them ("Anne, programme 4242 sur poste-3, import de
 * fiches.csv, depuis 14:02:11"). A note left by a killed program is harmless: it is read only
 * while the lock is held, and then by whoever holds it now, who rewrote it.
 */
final class WriterNote {
    private static final String HOST = host();

    private WriterNote() {
    }

    static Path of(Path db) {
        return db.resolveSibling(db.getFileName() + ".writer");
    }

    static void write(Path db, String user, String comment) {
        String note = Localization.text("records.programmeSince", user, ProcessHandle.current().pid(), HOST, (comment == null ? "" : Localization.text("records.commaQuoted", comment)), LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")));
        try {
            Files.writeString(of(db), note, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException ignored) {
            // Only a courtesy for messages: a read-only folder must not stop a write.
        }
    }

    static void clear(Path db) {
        try {
            Files.deleteIfExists(of(db));
        } catch (IOException | RuntimeException ignored) {
            // Same as above.
        }
    }

    /** The holder as a French phrase, or null when unknown. */
    static String read(Path db) {
        try {
            String s = Files.readString(of(db), StandardCharsets.UTF_8).strip();
            return s.isEmpty() || s.length() > 500 ? null : s;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** From the environment or /etc/hostname: a name lookup could stall on a machine without network. */
    private static String host() {
        for (String v : new String[] {System.getenv("HOSTNAME"), System.getenv("COMPUTERNAME")}) {
            if (v != null && !v.isBlank()) return v.strip();
        }
        try {
            String h = Files.readString(Path.of("/etc/hostname"), StandardCharsets.UTF_8).strip();
            if (!h.isEmpty()) return h;
        } catch (IOException | RuntimeException ignored) {
            // Not Linux, or not readable.
        }
        return "ce poste";
    }
}
