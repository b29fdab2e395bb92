package fr.bassinminier.atlas.records;

import java.time.Instant;

/**
 * One field of one record changed by one edit: who, when, which field, old → new (text forms,
 * null for "no value"). A created record lists its fields from null; a deleted one has the
 * field {@link #DELETED} with its last values as old value.
 *
 * @param changeSet the edit this change belongs to: all changes of one save or one import share it
 * @param entity    {@link #CITE}, {@link #OPERATION}, {@link #TRANCHE}, {@link #URBAN_WORK} or {@link #META}
 * @param entityId  the cité id, or the number of the operation, tranche or works
 */
public record HistoryEntry(long changeSet, Instant at, String user, String comment, String entity, String entityId,
                           String field, String oldValue, String newValue) {
    public static final String CITE = "cite", OPERATION = "operation", TRANCHE = "tranche", URBAN_WORK = "travaux", META = "meta";
    public static final String DELETED = "(suppression)";
}
