package fr.bassinminier.atlas.print;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.analysis.impact.ProtectionReport;
import fr.bassinminier.atlas.analysis.impact.ProtectionReport.Hit;
import fr.bassinminier.atlas.analysis.impact.ProtectionReport.Section;
import fr.bassinminier.atlas.analysis.impact.ProtectionText;
import fr.bassinminier.atlas.print.PdfPageWriter.Style;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The heritage report's sections for the protections consulted online: one heading each, with its source. */
final class ProtectionsPdf {
    private static final Style BODY = Style.BODY.withSize(8.5f);
    private static final Style SMALL = Style.BODY.withSize(7.5f);
    private static final Style H2 = Style.BODY.withBold(true).withSize(10.5f).withColor(new Color(0x33, 0x2A, 0x22));
    private static final Color GREY_TEXT = new Color(0x55, 0x55, 0x55);
    private static final Color WARN = new Color(0x8A, 0x1C, 0x14);

    private ProtectionsPdf() {
    }

    static void sections(PdfPageWriter w, ProtectionReport p) throws IOException {
        List<Section> missing = p.notConsulted();
        if (!missing.isEmpty()) {
            w.ensure(40);
            w.boxed(Localization.get("protection.pdf.notConsulted", String.join(", ", missing.stream().map(s -> s.kind().title()).toList())),
                    SMALL.withBold(true).withColor(WARN),
                    new Color(0xFC, 0xE4, 0xE0), WARN);
            w.space(6);
        }
        for (Section s : p.sections()) {
            w.ensure(46);
            w.paragraph(s.kind().title(), H2, 0);
            w.space(2);
            w.paragraph(ProtectionText.status(s), BODY.withBold(true), 0);
            if (!s.hits().isEmpty()) {
                List<String[]> rows = new ArrayList<>();
                for (Hit h : s.hits()) {
                    rows.add(new String[] {h.label() == null ? "" : h.label(), h.name() == null ? "" : h.name(),
                            (h.act() == null ? "" : h.act()) + (h.date() == null ? "" : "\n" + ProtectionText.date(h.date())),
                            ProtectionText.hit(new Hit(null, null, null, null, h.overlapArea(), h.share(), null))
                                    .replaceFirst("^ : ", "")});
                }
                float wd = w.width();
                w.table(new float[] {90, wd - 90 - 120 - 110, 120, 110},
                        new String[] {Localization.get(s.kind() == ProtectionReport.Kind.PLU ? "protection.col.zone" : "protection.col.type"),
                                Localization.get("protection.col.name"), Localization.get("protection.col.act"), Localization.get("protection.col.share")}, rows, SMALL);
            }
            if (s.source() != null) w.paragraph(Localization.get("protection.source", ProtectionText.source(s)), SMALL.withColor(GREY_TEXT), 0);
            if (s.kind() == ProtectionReport.Kind.AC1 && s.consulted()) {
                w.paragraph(Localization.get("protection.ac1Note"), SMALL.withColor(GREY_TEXT), 0);
            }
            w.space(6);
        }
    }
}
