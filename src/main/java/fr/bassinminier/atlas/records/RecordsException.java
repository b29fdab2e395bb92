package fr.bassinminier.atlas.records;

/**
 * The records could not be read or written. The message is French and meant for the user;
 * {@link Kind} lets code tell cases apart. Nothing was changed when this is thrown from a write:
 * every write is one transaction.
 */
public class RecordsException extends Exception {
    public enum Kind {
        /** The file was written by a newer program (higher schema version). */
        NEWER_SCHEMA,
        /** The file is not a records database (another SQLite file, or not SQLite at all). */
        NOT_RECORDS,
        /** A value or a reference breaks a rule (unknown cité, duplicate tranche…). */
        INVALID,
        /** The record changed since it was read (another user, another window). */
        CONFLICT,
        /** Reading or writing the storage failed (disk full, lock held too long). */
        STORAGE,
        /** The storage is damaged or holds values this program cannot read; the message says how to restore it. */
        CORRUPT
    }

    private final Kind kind;

    public RecordsException(Kind kind, String message) {
        this(kind, message, null);
    }

    public RecordsException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
