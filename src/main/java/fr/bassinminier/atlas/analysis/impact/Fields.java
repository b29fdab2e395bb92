package fr.bassinminier.atlas.analysis.impact;

import fr.bassinminier.atlas.analysis.search.TextNormalizer;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.Schema;

/**
 * Attribute lookup tolerant of what official files do to names: "No element" for no_element,
 * "Classé_MH" for classe_mh, "Dénominat" or "denominati" for denomination (dbf names are cut
 * to 10 bytes, sometimes fewer when accented). Candidates are folded lower-case names with
 * underscores.
 */
final class Fields {
    /** A cut name shorter than this is too short to be trusted as the start of a candidate. */
    private static final int MIN_CUT_LENGTH = 7;

    private Fields() {
    }

    static String fold(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : TextNormalizer.fold(name).toCharArray()) {
            b.append(Character.isLetterOrDigit(c) ? c : '_');
        }
        return b.toString();
    }

    /** The schema's name of the first candidate present (exactly, folded, or cut), or null. */
    static String find(Schema schema, String... candidates) {
        if (schema == null) return null;
        for (String c : candidates) {
            if (schema.indexOf(c) >= 0) return c;
        }
        for (String c : candidates) {
            for (Field f : schema.fields()) {
                String n = fold(f.name());
                if (n.equals(c)) return f.name();
                if (n.length() >= MIN_CUT_LENGTH && n.length() < c.length() && c.startsWith(n)) return f.name();
            }
        }
        return null;
    }

    static boolean has(Schema schema, String... candidates) {
        return find(schema, candidates) != null;
    }

    /** Trimmed text of the first candidate field with a value; null when none. */
    static String text(Feature f, String... candidates) {
        for (String c : candidates) {
            String name = find(f.schema(), c);
            if (name == null) continue;
            Object v = f.get(name);
            if (v == null) continue;
            String s = v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15
                    ? Long.toString(d.longValue()) : v.toString().strip();
            if (!s.isEmpty()) return s;
        }
        return null;
    }
}
