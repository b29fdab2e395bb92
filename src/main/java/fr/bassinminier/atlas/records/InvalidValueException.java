package fr.bassinminier.atlas.records;

/**
 * A value breaks a rule of the records (negative dwellings, unknown status, malformed date…).
 * The message is French, for the user, and names the value but not the line: the importer adds
 * the line, the editor shows it beside the field.
 */
public class InvalidValueException extends IllegalArgumentException {
    public InvalidValueException(String message) {
        super(message);
    }
}
