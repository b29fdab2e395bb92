package fr.bassinminier.atlas.io.apicarto;

import fr.bassinminier.atlas.l10n.Localization;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A cadastral parcel reference: INSEE code of the commune, prefix (com_abs, "000" unless the
 * commune absorbed another), section (two characters, "0A" for a one-letter section) and number
 * (four digits). {@link #parse} reads what a building permit names, several parcels at once.
 */
public record ParcelRef(String insee, String prefix, String section, String number) {
    private static final Pattern INSEE = Pattern.compile("\\d{5}|2[AB]\\d{3}");
    private static final Pattern IDU = Pattern.compile("(\\d{5}|2[AB]\\d{3})(\\d{3})([0-9A-Z]{2})(\\d{4})");
    private static final Pattern SECTION = Pattern.compile("[0-9]?[A-Z]{1,2}|[A-Z][0-9]");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,4}");
    private static final Pattern PREFIX = Pattern.compile("\\d{3}");
    static final String EXAMPLE = "exemples : « 62498 AB 123, 124 », « 62498 000 AB 0123 », "
            + "« 62498000AB0123 », plusieurs communes séparées par « ; »";

    public ParcelRef {
        if (!INSEE.matcher(insee).matches()) throw new IllegalArgumentException(Localization.text("io.invalidInseeCode", insee));
        prefix = prefix == null ? "000" : prefix;
        section = section.length() == 1 ? "0" + section : section;
        number = "0".repeat(Math.max(0, 4 - number.length())) + number;
    }

    /** The 14-character identifier (idu): 62498000AB0123. */
    public String idu() {
        return insee + prefix + section + number;
    }

    /** "62498 000 AB 0123", as the cadastre writes it. */
    @Override
    public String toString() {
        return insee + " " + prefix + " " + section + " " + number;
    }

    /**
     * Reads "62498 AB 123, 124", "62498 000 AB 0123", "62498000AB0123", "62498 AB 12 AC 7",
     * "section AB n° 123 et 124", several communes separated by ";". Duplicates are dropped.
     *
     * @throws IllegalArgumentException with a French message and examples
     */
    public static List<ParcelRef> parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException(Localization.text("io.emptyCadastralReference", EXAMPLE));
        String t = text.toUpperCase(Locale.ROOT).replace('\u00A0', ' ')
                .replaceAll("N°|Nº|N\\s*O\\b\\.?|\\bNOS?\\b|\\bNUMÉROS?\\b|\\bNUMEROS?\\b", " ")
                .replaceAll("\\b(SECTION|SECTIONS|PARCELLES?|COMMUNE|ET|INSEE)\\b", " ")
                .replaceAll("[,;/+&]", " $0 ");
        LinkedHashSet<ParcelRef> out = new LinkedHashSet<>();
        String insee = null;
        String prefix = null;
        String section = null;
        for (String token : t.split("[\\s,]+")) {
            if (token.isEmpty() || "/".equals(token) || "+".equals(token) || "&".equals(token)) continue;
            if (";".equals(token)) {
                insee = null;
                prefix = null;
                section = null;
                continue;
            }
            var idu = IDU.matcher(token);
            if (idu.matches()) {
                out.add(new ParcelRef(idu.group(1), idu.group(2), idu.group(3), idu.group(4)));
                insee = idu.group(1);
                prefix = idu.group(2);
                section = idu.group(3);
                continue;
            }
            if (INSEE.matcher(token).matches()) {
                insee = token;
                prefix = null;
                section = null;
            } else if (insee != null && section == null && prefix == null && PREFIX.matcher(token).matches()) {
                prefix = token;
            } else if (SECTION.matcher(token).matches()) {
                if (insee == null) throw error(text, Localization.text("io.sectionWithoutCommuneInsee", token));
                section = token;
            } else if (NUMBER.matcher(token).matches()) {
                if (insee == null) throw error(text, Localization.text("io.numberWithoutCommuneInsee", token));
                if (section == null) throw error(text, Localization.text("io.numberWithoutSectionBefore", token));
                if (Integer.parseInt(token) == 0) throw error(text, Localization.get("io.parcelNumber"));
                out.add(new ParcelRef(insee, prefix, section, token));
            } else {
                throw error(text, Localization.text("io.neitherInseeCodeCharacters", token));
            }
        }
        if (out.isEmpty()) throw error(text, Localization.get("io.parcelNumber2"));
        return new ArrayList<>(out);
    }

    private static IllegalArgumentException error(String text, String what) {
        return new IllegalArgumentException(Localization.text("io.cadastralReference", text.strip(), what, EXAMPLE));
    }
}
