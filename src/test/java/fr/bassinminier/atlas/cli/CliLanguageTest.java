package fr.bassinminier.atlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.l10n.Localization;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The command line speaks the user's language (ATLAS_LANG=en, or -Datlas.lang=en): usage help,
 * error lines and answers; French when nothing is asked for.
 */
class CliLanguageTest {
    @AfterEach
    void french() {
        Localization.useLocale(Locale.FRENCH);
    }

    private static CliTest.Result in(Locale l, String... args) {
        Localization.useLocale(l);
        return CliTest.run(args);
    }

    @Test
    void aMissingFileIsReportedInTheUsersLanguage() {
        CliTest.Result fr = in(Locale.FRENCH, "info", "absent/nulle-part.shp");
        assertEquals(1, fr.code());
        assertTrue(fr.err().contains("Erreur : Fichier « nulle-part.shp » : fichier introuvable."), fr.err());
        CliTest.Result en = in(Locale.ENGLISH, "info", "absent/nulle-part.shp");
        assertEquals(1, en.code());
        assertTrue(en.err().contains("Error: File “nulle-part.shp”: file not found."), en.err());
        assertFalse(en.err().matches("(?s).*(Erreur|introuvable).*"), en.err());
    }

    @Test
    void picocliParseErrorsAreSaidInTheUsersLanguage() {
        CliTest.Result fr = in(Locale.FRENCH, "render", "carte.atlas.json");
        assertEquals(2, fr.code());
        assertTrue(fr.err().contains("Erreur : option ou paramètre manquant : --out"), fr.err());
        assertTrue(fr.err().contains("Voir « atlas render --help »."), fr.err());
        CliTest.Result en = in(Locale.ENGLISH, "render", "carte.atlas.json", "--out", "x.png", "--nope");
        assertEquals(2, en.code());
        assertTrue(en.err().contains("Error: unrecognised argument: --nope"), en.err());
        assertTrue(en.err().contains("See “atlas render --help”."), en.err());
    }

    @Test
    void commandHelpIsTranslatedWholeHeadingsDescriptionsAndLabels() {
        CliTest.Result fr = in(Locale.FRENCH, "render", "--help");
        assertEquals(0, fr.code(), fr.err());
        for (String s : new String[] {"Utilisation : atlas render", "Dessine un projet de carte dans une image PNG.",
                "Paramètres :", "--out=FICHIER.png", "Image PNG à écrire.", "Affiche cette aide et quitte."}) {
            assertTrue(fr.out().contains(s), s + " in\n" + fr.out());
        }
        CliTest.Result en = in(Locale.ENGLISH, "render", "--help");
        assertEquals(0, en.code(), en.err());
        for (String s : new String[] {"Usage: atlas render", "Draws a map project into a PNG image.", "Parameters:",
                "--out=FILE.png", "PNG image to write.", "Width in pixels (default: 1920).", "Shows this help and exits."}) {
            assertTrue(en.out().contains(s), s + " in\n" + en.out());
        }
        // No French word of the help is left: accented letters would show one.
        assertFalse(en.out().matches("(?s).*[àâçéèêîôûù].*"), en.out());
        // Option groups' headings too.
        assertTrue(in(Locale.ENGLISH, "impact", "--help").out().contains("Project footprint (one of five):"));
    }

    @Test
    void anImpactAnswerAndItsErrorsFollowTheLanguage() {
        String[] ask = {"impact", "--project", CliTest.demo().toString(), "--point", "688117 7037177", "--radius", "1000"};
        CliTest.Result fr = in(Locale.FRENCH, ask);
        assertEquals(0, fr.code(), fr.err());
        assertTrue(fr.out().contains("Réponse : ") && fr.out().contains("Hors du champ de cette vérification"), fr.out());
        CliTest.Result en = in(Locale.ENGLISH, ask);
        assertEquals(0, en.code(), en.err());
        assertTrue(en.out().contains("Answer: ") && en.out().contains("Outside the scope of this check"), en.out());
        CliTest.Result bad = in(Locale.ENGLISH, "impact", "--project", CliTest.demo().toString(), "--point", "abc");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("Error: Unknown word “abc”"), bad.err());
    }

    @Test
    void aPrintedPageSpeaksTheUsersLanguage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        for (Locale l : List.of(Locale.FRENCH, Locale.ENGLISH)) {
            java.nio.file.Path pdf = dir.resolve(l.getLanguage() + ".pdf");
            CliTest.Result r = in(l, "print", "--project", CliTest.demo().toString(), "--out", pdf.toString(),
                    "--page", "A4", "--landscape");
            assertEquals(0, r.code(), r.err());
            String text;
            try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
                text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            }
            boolean en = l == Locale.ENGLISH;
            for (String t : en ? List.of("Legend", "Scale 1:", "Sources and licences", "Printed on", "Grid north")
                    : List.of("Légende", "Échelle 1:", "Sources et licences", "Imprimé le", "Nord du quadrillage")) {
                assertTrue(text.contains(t), l + ": « " + t + " » absent de :\n" + text);
            }
            for (String t : en ? List.of("Légende", "Échelle", "Imprimé le") : List.of("Legend", "Printed on")) {
                assertFalse(text.contains(t), l + ": « " + t + " » in:\n" + text);
            }
        }
    }

}
