package fr.bassinminier.atlas.records.jdbc;

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
            throw new BadStoredValue("table " + table + ", ligne « " + rowId + " », colonne " + column + " : valeur « "
                    + code + " » inconnue");
        }
    }

    public static Instant instant(String text, long changeSet) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new BadStoredValue("table change_set, modification n°" + changeSet + ", colonne at : date « " + text
                    + " » illisible");
        }
    }

    public static RecordsException badValue(String location, RuntimeException e) {
        return new RecordsException(Kind.CORRUPT, "Fichier « " + location + " » : valeur enregistrée illisible ("
                + e.getMessage() + "). Le fichier a sans doute été modifié hors de l'Atlas ou endommagé ; restaurez la "
                + "sauvegarde automatique (atlas records restore) ou corrigez cette valeur.", e);
    }
}
