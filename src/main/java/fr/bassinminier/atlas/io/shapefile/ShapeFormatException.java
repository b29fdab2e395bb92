package fr.bassinminier.atlas.io.shapefile;

/** A record whose content contradicts the format; the message is French and user-facing. */
final class ShapeFormatException extends Exception {
    ShapeFormatException(String message) {
        super(message);
    }
}
