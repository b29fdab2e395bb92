package fr.bassinminier.atlas.records.exchange;

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
                return title + " (" + where + "), " + field + " : la feuille remet " + FieldChange.shown(mine)
                        + ", valeur antérieure ; valeur actuelle " + FieldChange.shown(theirs);
            }
            return title + " (" + where + "), " + field + " : " + FieldChange.shown(base) + " à l'exportation, "
                    + "modifié depuis en " + FieldChange.shown(theirs) + " ; la feuille dit " + FieldChange.shown(mine);
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
            return v == null || v.isEmpty() ? "(vide)" : "« " + v + " »";
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
            return "« " + sheet + " », ligne " + line + " : " + message;
        }
    }

    /** The report in French, as the command line prints it. */
    public String describe() {
        List<String> out = new ArrayList<>();
        out.add("Fichier « " + (file == null ? "?" : file.getFileName()) + " » : " + rowsRead + " ligne(s) lue(s).");
        for (String w : warnings) out.add("Attention : " + w);
        if (hasErrors()) {
            out.add(errors.size() + " ligne(s) refusée(s) ; rien ne sera modifié tant qu'elles ne sont pas corrigées :");
            for (RowError e : errors) out.add("  " + e);
            return String.join(System.lineSeparator(), out);
        }
        if (!conflicts.isEmpty()) {
            boolean reversions = conflicts.stream().anyMatch(Conflict::isReversion);
            out.add(conflicts.size() + " conflit(s)" + (reversions ? " (la feuille n'indique pas de quelle version "
                    + "elle part : chaque retour à une valeur antérieure est listé)" : "") + " :");
            for (Conflict c : conflicts) out.add("  " + c);
            out.add(switch (policy) {
                case ABORT -> "Import refusé tant que ces conflits ne sont pas tranchés : relancez avec "
                        + "--on-conflict keep-theirs (garder les valeurs actuelles) ou keep-mine (prendre celles "
                        + "de la feuille). Rien n'a été modifié.";
                case KEEP_THEIRS -> "Conflits tranchés (keep-theirs) : les valeurs actuelles sont gardées.";
                case KEEP_MINE -> "Conflits tranchés (keep-mine) : les valeurs de la feuille sont prises.";
            });
            if (policy == ConflictPolicy.ABORT) return String.join(System.lineSeparator(), out);
        }
        if (changes.isEmpty()) {
            out.add("Aucune modification : les fiches sont déjà à jour.");
            return String.join(System.lineSeparator(), out);
        }
        out.add(newRecords() + " nouvelle(s) fiche(s), " + changedRecords() + " fiche(s) modifiée(s) ("
                + changedFields() + " champ(s)) :");
        for (RecordChange c : changes) {
            out.add("  " + (c.isNew() ? "Nouveau : " : "") + c.title() + " (" + c.where() + ")");
            for (FieldChange f : c.fields()) out.add("    " + f);
        }
        return String.join(System.lineSeparator(), out);
    }
}
