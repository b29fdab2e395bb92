package fr.bassinminier.atlas.records.exchange;

import fr.bassinminier.atlas.l10n.Localization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import would change, computed before anything is written: per record, per field,
 * old → new, the new records, the rejected rows with their line and a French reason, and
 * warnings (ignored columns or sheets). An import with errors changes nothing.
 */
public record ImportPlan(Path file, List<RecordChange> changes, List<RowError> errors, List<String> warnings,
                         int rowsRead, List<Conflict> conflicts, ConflictPolicy policy) {
    public ImportPlan {
        changes = List.copyOf(changes);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        conflicts = List.copyOf(conflicts);
        if (policy == null) policy = ConflictPolicy.ABORT;
    }

    public ImportPlan(Path file, List<RecordChange> changes, List<RowError> errors, List<String> warnings, int rowsRead) {
        this(file, changes, errors, warnings, rowsRead, List.of(), ConflictPolicy.ABORT);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Conflicts left for the user to decide: the import is refused while there are any. */
    public boolean hasUnresolvedConflicts() {
        return !conflicts.isEmpty() && policy == ConflictPolicy.ABORT;
    }

    /**
     * A field changed both in the sheet and in the records since the sheet's base (or, for a
     * sheet without a base, set back by the sheet to a value it had before).
     *
     * @param base     the value when the sheet was exported; null when the sheet has no base
     * @param theirs   the value in the records now
     * @param mine     the value in the sheet
     */
    public record Conflict(String title, String where, String field, String base, String theirs, String mine) {
        public boolean isReversion() {
            return base == null;
        }

        @Override
        public String toString() {
            if (isReversion()) {
                return Localization.text("records.sheetPutsBackEarlier", title, where, field, FieldChange.shown(mine), FieldChange.shown(theirs));
            }
            return Localization.text("records.exportChangedSinceSheet", title, where, field, FieldChange.shown(base), FieldChange.shown(theirs), FieldChange.shown(mine));
        }
    }

    public long newRecords() {
        return changes.stream().filter(RecordChange::isNew).count();
    }

    public long changedRecords() {
        return changes.stream().filter(c -> !c.isNew()).count();
    }

    public int changedFields() {
        return changes.stream().filter(c -> !c.isNew()).mapToInt(c -> c.fields().size()).sum();
    }

    /** One changed field, in text form; "" for no value. */
    public record FieldChange(String field, String oldValue, String newValue) {
        @Override
        public String toString() {
            return field + " : " + shown(oldValue) + " → " + shown(newValue);
        }

        static String shown(String v) {
            return v == null || v.isEmpty() ? Localization.get("records.empty") : Localization.text("records.quoted", v);
        }
    }

    /**
     * One record created or changed.
     *
     * @param entity   cite, operation, tranche or travaux (as in the history)
     * @param title    how the user knows it: "Cité mbm-1 « Cité de la Victoire »"
     * @param where    the sheet and line it comes from
     * @param before   the record as read (null when new): applying checks it has not changed since
     * @param after    what will be saved
     */
    public record RecordChange(String entity, boolean isNew, String title, String where, List<FieldChange> fields,
                               Object before, Object after) {
        public RecordChange {
            fields = List.copyOf(fields);
        }
    }

    /** A rejected row: the sheet (or file), the line as Excel numbers it, and why. */
    public record RowError(String sheet, int line, String message) {
        @Override
        public String toString() {
            return Localization.text("records.line", sheet, line, message);
        }
    }

    /** The report in French, as the command line prints it. */
    public String describe() {
        List<String> out = new ArrayList<>();
        out.add(Localization.text("records.fileLineSRead", (file == null ? "?" : file.getFileName()), rowsRead));
        for (String w : warnings) out.add(Localization.text("records.warning", w));
        if (hasErrors()) {
            out.add(Localization.text("records.lineSRefusedNothing", errors.size()));
            for (RowError e : errors) out.add("  " + e);
            return String.join(System.lineSeparator(), out);
        }
        if (!conflicts.isEmpty()) {
            boolean reversions = conflicts.stream().anyMatch(Conflict::isReversion);
            out.add(conflicts.size() + " conflit(s)" + (reversions ? Localization.get("records.sheetDoesSayWhich") : "") + " :");
            for (Conflict c : conflicts) out.add("  " + c);
            out.add(switch (policy) {
                case ABORT -> Localization.get("records.importRefusedUntilThese");
                case KEEP_THEIRS -> Localization.get("records.conflictsSettledKeepTheirs");
                case KEEP_MINE -> Localization.get("records.conflictsSettledKeepMine");
            });
            if (policy == ConflictPolicy.ABORT) return String.join(System.lineSeparator(), out);
        }
        if (changes.isEmpty()) {
            out.add(Localization.get("records.changeRecordsAlreadyUp"));
            return String.join(System.lineSeparator(), out);
        }
        out.add(Localization.text("records.newRecordSRecord", newRecords(), changedRecords(), changedFields()));
        for (RecordChange c : changes) {
            out.add("  " + (c.isNew() ? "Nouveau : " : "") + c.title() + " (" + c.where() + ")");
            for (FieldChange f : c.fields()) out.add("    " + f);
        }
        return String.join(System.lineSeparator(), out);
    }
}
