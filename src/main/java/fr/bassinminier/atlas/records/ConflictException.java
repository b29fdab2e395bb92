package fr.bassinminier.atlas.records;

import fr.bassinminier.atlas.l10n.Localization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A save refused because the record changed since the editor read it. Lists, field by field,
 * what the editor started from, what this user typed (mine) and what is stored now (theirs), so
 * that the editor can show both and merge or re-apply: nothing is overwritten silently.
 */
public final class ConflictException extends RecordsException {
    /** One field that differs; {@link #clash()} when both sides changed it differently. */
    public record Field(String name, String base, String mine, String theirs) {
        public boolean mineChanged() {
            return !Objects.equals(base, mine);
        }

        public boolean theirsChanged() {
            return !Objects.equals(base, theirs);
        }

        public boolean clash() {
            return mineChanged() && theirsChanged() && !Objects.equals(mine, theirs);
        }
    }

    private final String entity;
    private final String entityId;
    private final List<Field> fields;
    private final Map<String, String> theirs;
    private final long theirVersion;

    public ConflictException(String entity, String entityId, Map<String, String> base, Map<String, String> mine,
                             Map<String, String> theirs, long theirVersion) {
        super(Kind.CONFLICT, message(entity, entityId, diff(base, mine, theirs), theirs == null));
        this.entity = entity;
        this.entityId = entityId;
        this.fields = diff(base, mine, theirs);
        this.theirs = theirs == null ? null : Map.copyOf(theirs);
        this.theirVersion = theirVersion;
    }

    private static List<Field> diff(Map<String, String> base, Map<String, String> mine, Map<String, String> theirs) {
        List<Field> out = new ArrayList<>();
        Map<String, String> keys = new LinkedHashMap<>();
        for (Map<String, String> m : List.of(orEmpty(mine), orEmpty(base), orEmpty(theirs))) m.forEach(keys::putIfAbsent);
        for (String k : keys.keySet()) {
            String b = get(base, k), m = get(mine, k), t = get(theirs, k);
            if (Objects.equals(b, m) && Objects.equals(b, t)) continue;
            out.add(new Field(k, b, m, t));
        }
        return List.copyOf(out);
    }

    private static Map<String, String> orEmpty(Map<String, String> m) {
        return m == null ? Map.of() : m;
    }

    private static String get(Map<String, String> m, String k) {
        String v = m == null ? null : m.get(k);
        return v == null || v.isEmpty() ? null : v;
    }

    private static String message(String entity, String id, List<Field> fields, boolean deleted) {
        StringBuilder sb = new StringBuilder(Localization.text("records.saveRefusedRecordChanged", id, entity));
        if (deleted) return sb.append(Localization.get("records.thenDeletedYourEntries")).toString();
        sb.append(Localization.get("records.yourEntriesStayEditor"));
        for (Field f : fields) {
            if (!f.mineChanged() && !f.theirsChanged()) continue;
            sb.append("\n  ").append(f.name()).append(f.clash() ? " (conflit)" : "").append(Localization.get("records.quoteOpen"))
                    .append(nz(f.mine())).append(Localization.get("records.quoteBetween")).append(nz(f.theirs())).append(Localization.get("records.quoteClose"));
        }
        return sb.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public String entity() {
        return entity;
    }

    public String entityId() {
        return entityId;
    }

    /** Every field where base, mine and theirs are not all equal. */
    public List<Field> fields() {
        return fields;
    }

    /** The stored record now (text forms), or null when it was deleted. */
    public Map<String, String> theirs() {
        return theirs;
    }

    /** Save again against this version to apply the merged values. */
    public long theirVersion() {
        return theirVersion;
    }

    /**
     * Theirs with my changes re-applied on every field I changed: what "re-apply mine" saves.
     * On a clash mine wins, which the user chose by re-applying after seeing both.
     */
    public Map<String, String> reapplied() {
        if (theirs == null) return null;
        Map<String, String> m = new LinkedHashMap<>(theirs);
        for (Field f : fields) if (f.mineChanged()) m.put(f.name(), nz(f.mine()));
        return m;
    }
}
