package fr.bassinminier.atlas.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import javafx.scene.control.ButtonType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** JavaFX's own dialog texts follow the UI language, whatever the machine's, and leave number formats alone. */
class DialogLanguageTest {
    private final Locale machine = Locale.getDefault();
    private final Locale machineFormat = Locale.getDefault(Locale.Category.FORMAT);

    @AfterEach
    void restore() {
        Messages.useLocale(Locale.FRENCH);
        Locale.setDefault(machine);
        Locale.setDefault(Locale.Category.FORMAT, machineFormat);
    }

    private static String javaFx(String key) {
        return java.util.ResourceBundle.getBundle("com/sun/javafx/scene/control/skin/resources/controls").getString(key);
    }

    @Test
    void buttonsAndTitlesAreFrenchOnAnEnglishMachine() {
        Locale.setDefault(Locale.US);
        Messages.useLocale(Locale.FRENCH);
        assertEquals("Oui", ButtonType.YES.getText());
        assertEquals("Non", ButtonType.NO.getText());
        assertEquals("Annuler", ButtonType.CANCEL.getText());
        assertEquals("Erreur", javaFx("Dialog.error.title"));
        assertEquals(Locale.US, Locale.getDefault(Locale.Category.FORMAT), "numbers keep the machine's format");
    }

    @Test
    void buttonsAndTitlesAreEnglishOnAFrenchMachine() {
        Locale.setDefault(Locale.FRANCE);
        Messages.useLocale(Locale.ENGLISH);
        assertEquals("Yes", ButtonType.YES.getText());
        assertEquals("Cancel", ButtonType.CANCEL.getText());
        assertEquals("Error", javaFx("Dialog.error.title"));
        assertEquals(Locale.FRANCE, Locale.getDefault(Locale.Category.FORMAT));
    }
}
