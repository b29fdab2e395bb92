package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.l10n.Localization;
import java.util.Locale;

/** UI strings: the windows' short name for {@link Localization}. */
public final class Messages {
    public static final String BUNDLE = Localization.BUNDLE;

    private Messages() {
    }

    static Locale defaultLocale() {
        return Localization.defaultLocale();
    }

    static java.util.ResourceBundle load(Locale locale) {
        return Localization.load(locale);
    }

    public static void useLocale(Locale locale) {
        Localization.useLocale(locale);
        applyToJavaFx();
    }

    public static String get(String key, Object... args) {
        return Localization.get(key, args);
    }

    public static String label(Enum<?> value) {
        return Localization.label(value);
    }

    /**
     * JavaFX's own texts (Oui/Non/Annuler, the "Erreur" title of an alert) follow the default
     * locale, not ours: make that default the UI language, leaving number and date formats
     * (the FORMAT and DISPLAY categories) as the machine has them.
     */
    static void applyToJavaFx() {
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        Locale display = Locale.getDefault(Locale.Category.DISPLAY);
        Locale.setDefault(Localization.locale());
        Locale.setDefault(Locale.Category.FORMAT, format);
        Locale.setDefault(Locale.Category.DISPLAY, display);
    }
}
