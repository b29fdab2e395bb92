package fr.bassinminier.atlas.records.exchange;

import java.util.Locale;
import java.util.Optional;

/**
 * What an import does with a field that both the sheet and someone else changed since the
 * export (or, for a sheet without a base, a change back to an earlier value of the field).
 */
public enum ConflictPolicy {
    /** Keep the value in the records (the other person's change). */
    KEEP_THEIRS("keep-theirs"),
    /** Take the sheet's value. */
    KEEP_MINE("keep-mine"),
    /** Refuse the whole import (the default: nothing is overwritten without a choice). */
    ABORT("abort");

    private final String option;

    ConflictPolicy(String option) {
        this.option = option;
    }

    /** The command-line spelling: keep-theirs, keep-mine, abort. */
    public String option() {
        return option;
    }

    public static Optional<ConflictPolicy> parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (ConflictPolicy p : values()) {
            if (p.option.equals(t)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
