package fr.bassinminier.atlas.print.layout;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.print.PageFormat;
import java.util.Locale;

/** ISO 216 A sizes in points (A0 = 841 × 1189 mm, each next size half of it). */
public final class PaperSize {
    private PaperSize() {
    }

    /** The page for "A4"…"A0", portrait or landscape; IllegalArgumentException in French otherwise. */
    public static PageFormat of(String name, boolean landscape) {
        String n = name == null ? "A4" : name.trim().toUpperCase(Locale.ROOT);
        double[] mm = switch (n) {
            case "A0" -> new double[] {841, 1189};
            case "A1" -> new double[] {594, 841};
            case "A2" -> new double[] {420, 594};
            case "A3" -> new double[] {297, 420};
            case "A4" -> new double[] {210, 297};
            default -> throw new IllegalArgumentException(Localization.text("print.error.paper", name));
        };
        float w = PageFormat.mm(mm[0]);
        float h = PageFormat.mm(mm[1]);
        return landscape ? new PageFormat(n + " paysage", h, w) : new PageFormat(n, w, h);
    }
}
