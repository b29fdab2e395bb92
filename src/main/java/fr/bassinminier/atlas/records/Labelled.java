package fr.bassinminier.atlas.records;

import fr.bassinminier.atlas.l10n.Localization;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** A closed vocabulary whose words are French labels, written in files and history as they are. */
public interface Labelled {
    String label();

    /** The value whose label (or one of its aliases) matches, ignoring case, accents and extra spaces. */
    static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, String text, String... aliasPairs) {
        if (text == null || text.isBlank()) return Optional.empty();
        String key = key(text);
        for (E e : type.getEnumConstants()) {
            if (key(e.label()).equals(key) || key(e.name()).equals(key)) return Optional.of(e);
        }
        for (int i = 0; i + 1 < aliasPairs.length; i += 2) {
            if (key(aliasPairs[i]).equals(key)) return Optional.of(Enum.valueOf(type, aliasPairs[i + 1]));
        }
        return Optional.empty();
    }

    /** The labels joined for an error message: « à l'étude », « programmée »… */
    static <E extends Enum<E> & Labelled> String choices(Class<E> type) {
        StringBuilder b = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            if (b.length() > 0) b.append(", ");
            b.append(Localization.get("records.quoteOpenBare")).append(e.label()).append(Localization.get("records.quoteClose"));
        }
        return b.toString();
    }

    /** Lower case, no accents, one space: "Travaux  en Cours" and "travaux en cours" match. */
    static String key(String s) {
        String n = Normalizer.normalize(s.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toLowerCase(Locale.ROOT).replace('’', '\'').replace('_', ' ').replaceAll("\\s+", " ");
    }
}
