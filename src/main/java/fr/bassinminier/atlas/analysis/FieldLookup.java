package fr.bassinminier.atlas.analysis;

import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.Schema;
import java.util.Locale;

/**
 * Finds an attribute by its usual names whatever the file did to them: shapefiles often carry
 * upper-case names ("NOM") and cut them to 10 characters ("statut_ren" for statut_renovation).
 */
public final class FieldLookup {
    private static final int DBF_NAME_LENGTH = 10;

    private FieldLookup() {
    }

    /** The schema's name of the first candidate present, or null. Candidates are lower case. */
    public static String find(Schema schema, String... candidates) {
        if (schema == null) return null;
        for (String c : candidates) {
            if (schema.indexOf(c) >= 0) return c;
        }
        for (String c : candidates) {
            for (Field f : schema.fields()) {
                String n = f.name().toLowerCase(Locale.ROOT);
                if (n.equals(c)) return f.name();
                if (c.length() > DBF_NAME_LENGTH && n.length() == DBF_NAME_LENGTH && c.startsWith(n)) return f.name();
            }
        }
        return null;
    }

    public static boolean has(Schema schema, String... candidates) {
        return find(schema, candidates) != null;
    }
}
