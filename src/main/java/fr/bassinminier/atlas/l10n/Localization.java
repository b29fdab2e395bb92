package fr.bassinminier.atlas.l10n;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The program's texts, French by default, English when asked for: one bundle for the windows,
 * the reports and the command line, so every layer (analysis, print, records, ui, cli) reads its
 * sentences from the same place. Depends on nothing of ours.
 */
public final class Localization {
    /**
     * The program's dates (a check, a consultation, a print, a refresh) are days in France, the
     * users' zone, whatever the machine's (a server or CI in UTC changes day an hour or two later).
     */
    public static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    /** The bundle stays beside the windows that first used it, so branches adding keys still merge. */
    public static final String BUNDLE = "fr.bassinminier.atlas.ui.messages";
    private static volatile Locale locale = defaultLocale();
    private static volatile ResourceBundle bundle = load(locale);

    private Localization() {
    }

    /**
     * French unless English is asked for (-Datlas.lang=en or ATLAS_LANG=en): the program is
     * made for French services, whatever language the machine happens to be set to.
     */
    public static Locale defaultLocale() {
        String lang = System.getProperty("atlas.lang", System.getenv("ATLAS_LANG"));
        return "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : Locale.FRENCH;
    }

    public static ResourceBundle load(Locale locale) {
        // French is the base bundle, so any locale other than English falls back to it.
        Locale l = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static void useLocale(Locale l) {
        bundle = load(l);
        locale = "en".equals(l.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
    }

    /** The language texts are given in (French or English). */
    public static Locale locale() {
        return locale;
    }

    /**
     * The text of a key; with arguments it is a {@link MessageFormat} pattern (write {@code ''}
     * for an apostrophe there), without it is taken as it is.
     */
    public static String get(String key, Object... args) {
        String s = bundle.getString(key);
        return args.length == 0 ? s : new MessageFormat(s, Locale.FRANCE).format(args);
    }

    /**
     * The text of a key with its arguments as string concatenation would print them (no digit
     * grouping: line numbers, identifiers and sizes read as they did before being localised).
     */
    public static String text(String key, Object... args) {
        if (args.length == 0) return get(key);
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) plain[i] = String.valueOf(args[i]);
        return new MessageFormat(bundle.getString(key), Locale.ROOT).format(plain);
    }

    /** The texts in the current language, for libraries that read a bundle (picocli's usage help). */
    public static ResourceBundle bundle() {
        return bundle;
    }

    /** A closed-vocabulary value (records' statuses, programmes) in the UI language: key label.Type.NAME. */
    public static String label(Enum<?> value) {
        return get("label." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    /** Today in France (see {@link #FRANCE}). */
    public static LocalDate today() {
        return LocalDate.now(FRANCE);
    }

}
