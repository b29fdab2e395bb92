package fr.bassinminier.atlas.records.jdbc;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.records.RecordsException.Kind;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Values read back from a records database that this program does not know: named, never a bare stack trace. */
public final class StoredValues {
    private StoredValues() {
    }

    /** A value in the database that this program does not know (edited outside the Atlas, or damaged). */
    public static final class BadStoredValue extends RuntimeException {
        BadStoredValue(String message) {
            super(message);
        }
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String code, String table, String column, Object rowId) {
        try {
            return Enum.valueOf(type, code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadStoredValue(Localization.text("records.tableRowColumnUnknown", table, rowId, column, code));
        }
    }

    public static Instant instant(String text, long changeSet) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new BadStoredValue(Localization.text("records.tableChangeSetChange", changeSet, text));
        }
    }

    public static RecordsException badValue(String location, RuntimeException e) {
        return new RecordsException(Kind.CORRUPT, Localization.text("records.fileUnreadableStoredValue", location, e.getMessage()), e);
    }
}
