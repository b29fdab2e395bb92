package fr.bassinminier.atlas.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** UI strings: French by default, English when the system locale is English. */
public final class Messages {
    public static final String BUNDLE = "fr.bassinminier.atlas.ui.messages";
    private static volatile ResourceBundle bundle = load(defaultLocale());

    private Messages() {
    }

    /**
     * French unless English is asked for (-Datlas.lang=en or ATLAS_LANG=en): the program is
     * made for French services, whatever language the machine happens to be set to.
     */
    static Locale defaultLocale() {
        String lang = System.getProperty("atlas.lang", System.getenv("ATLAS_LANG"));
        return "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : Locale.FRENCH;
    }

    static ResourceBundle load(Locale locale) {
        // French is the base bundle, so any locale other than English falls back to it.
        Locale l = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static void useLocale(Locale locale) {
        bundle = load(locale);
    }

    public static String get(String key, Object... args) {
        String s = bundle.getString(key);
        return args.length == 0 ? s : new MessageFormat(s, Locale.FRANCE).format(args);
    }
}
