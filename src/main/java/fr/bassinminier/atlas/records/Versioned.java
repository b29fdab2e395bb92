package fr.bassinminier.atlas.records;

/**
 * A record as an editor read it, with its version: the save that follows is refused when the
 * stored record has moved on since (another user, another window), instead of overwriting it.
 *
 * @param version the record's version in its store (a counter on a server, the last edit of it in
 *                a file); only compared with versions of the same record in the same store
 */
public record Versioned<T>(T value, long version) {
    /** The version is not known (read from a snapshot): the save then compares the values. */
    public static final long UNKNOWN = -1;
}
