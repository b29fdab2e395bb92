package fr.bassinminier.atlas.analysis.impact;

import fr.bassinminier.atlas.l10n.Localization;
import java.time.LocalDate;

/**
 * Who asks and about what: printed at the head of the answer.
 *
 * @param reference the application's reference ("PC 062 498 24 00012"), null when none
 * @param author    who checked (the ABF, the instructor), null when none
 * @param date      the date of the check
 */
public record ReportInfo(String reference, String author, LocalDate date) {
    public static ReportInfo today(String reference, String author) {
        return new ReportInfo(blankToNull(reference), blankToNull(author), Localization.today());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
