package fr.bassinminier.atlas.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;

/** What every test of a JavaFX view starts with. */
final class WindowTests {
    private WindowTests() {
    }

    /** Skips the test class without a display (run under xvfb-run), and speaks French as a user does by default. */
    static void needDisplay() {
        assumeTrue(System.getenv("DISPLAY") != null || Boolean.getBoolean("testfx.headless"),
                "pas d'affichage (lancer sous xvfb-run) : test de l'interface ignoré");
        Messages.useLocale(Locale.FRANCE);
    }
}
