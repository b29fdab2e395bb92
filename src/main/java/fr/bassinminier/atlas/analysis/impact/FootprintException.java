package fr.bassinminier.atlas.analysis.impact;

/** A footprint could not be read: the message is French and says what to type or fix. */
public class FootprintException extends Exception {
    public FootprintException(String message) {
        super(message);
    }

    public FootprintException(String message, Throwable cause) {
        super(message, cause);
    }
}
