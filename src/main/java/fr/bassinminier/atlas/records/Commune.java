package fr.bassinminier.atlas.records;

import fr.bassinminier.atlas.l10n.Localization;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A commune of a cité: its name as the sources write it, and its INSEE code when known (the
 * key to official data; names alone are ambiguous, e.g. "Noyelles").
 */
public record Commune(String name, String insee) {
    private static final Pattern CELL = Pattern.compile("(.*?)\\s*\\(\\s*([^()]*?)\\s*\\)");
    static final String SEPARATOR = " / ";

    public Commune {
        name = Values.text(name);
        if (name == null) throw new InvalidValueException(Localization.get("records.emptyCommuneName"));
        if (name.contains("/")) throw new InvalidValueException(Localization.text("records.communeName", name));
        insee = Values.insee(insee);
    }

    public static Commune named(String name) {
        return new Commune(name, null);
    }

    /** "Houdain (62457)", or the name alone when the code is unknown. */
    @Override
    public String toString() {
        return insee == null ? name : name + " (" + insee + ")";
    }

    public static String format(List<Commune> communes) {
        return String.join(SEPARATOR, communes.stream().map(Commune::toString).toList());
    }

    /** Reads "Houdain (62457) / Haillicourt": communes separated by '/', codes in brackets. */
    public static List<Commune> parseList(String cell) {
        List<Commune> out = new ArrayList<>();
        String t = Values.text(cell);
        if (t == null) return out;
        for (String part : t.split("/")) {
            if (part.isBlank()) continue;
            Matcher m = CELL.matcher(part.strip());
            if (m.matches()) out.add(new Commune(m.group(1), m.group(2)));
            else out.add(new Commune(part, null));
        }
        return out;
    }
}
