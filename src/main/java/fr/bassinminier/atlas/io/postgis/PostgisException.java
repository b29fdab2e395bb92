package fr.bassinminier.atlas.io.postgis;

/** A PostGIS layer could not be read; the message is French and names the database and the table. */
public final class PostgisException extends Exception {
    public PostgisException(String message) {
        super(message);
    }

    public PostgisException(String message, Throwable cause) {
        super(message, cause);
    }
}
