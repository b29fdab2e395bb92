package fr.bassinminier.atlas.analysis.impact;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.analysis.impact.ProtectionReport.Hit;
import fr.bassinminier.atlas.analysis.impact.ProtectionReport.Section;
import java.util.ArrayList;
import java.util.List;

/** The online protections in the UI language: one heading per protection, its findings and its source. */
public final class ProtectionText {

    private ProtectionText() {
    }

    /** The block inserted in the text answer before the sources. */
    public static String block(ProtectionReport p) {
        StringBuilder b = new StringBuilder();
        for (Section s : p.sections()) {
            b.append('\n').append(s.kind().title()).append(" : ").append(status(s)).append('\n');
            for (Hit h : s.hits()) b.append("  – ").append(hit(h)).append('\n');
            if (s.source() != null) b.append("  ").append(Localization.get("protection.source", source(s))).append('\n');
            if (s.kind() == ProtectionReport.Kind.AC1 && s.consulted()) b.append("  ").append(Localization.get("protection.ac1Note")).append('\n');
        }
        List<Section> missing = p.notConsulted();
        if (!missing.isEmpty()) {
            b.append('\n').append(Localization.get("protection.notConsulted", String.join(", ", missing.stream()
                    .map(s -> s.kind().title()).toList()))).append('\n');
        }
        return b.toString();
    }

    /** "OUI — 2 servitudes", "NON — aucune", "non consulté (service injoignable…)". */
    public static String status(Section s) {
        if (!s.consulted()) return Localization.get("protection.status.notConsulted", s.reason());
        int n = s.hits().size();
        if (s.kind() == ProtectionReport.Kind.PLU) {
            return n == 0 ? Localization.get("protection.plu.none")
                    : n == 1 ? Localization.get("protection.plu.one", label(s.hits().get(0))) : Localization.get("protection.plu.many", String.valueOf(n));
        }
        return n == 0 ? Localization.get("protection.none") : Localization.get(n > 1 ? "protection.touched.many" : "protection.touched.one", String.valueOf(n));
    }

    private static String label(Hit h) {
        return h.label() != null ? h.label() : h.name() != null ? h.name() : Localization.get("report.element.unnamed");
    }

    /** "« Abords de l'église Saint-Léger » (Périmètre des abords), acte …, du 12/02/2019 : 350 m² (35 % de l'emprise)". */
    public static String hit(Hit h) {
        List<String> parts = new ArrayList<>();
        if (h.name() != null) parts.add(Localization.text("analysis.quotedWithSuffix", h.name(), (h.label() != null ? " (" + h.label() + ")" : "")));
        else if (h.label() != null) parts.add(h.label());
        if (h.act() != null) parts.add(Localization.get("protection.act", h.act()));
        if (h.date() != null) parts.add(Localization.get("protection.date", date(h.date())));
        String s = String.join(", ", parts);
        if (h.overlapArea() > 0) {
            s += " : " + ImpactText.area(h.overlapArea()) + (Double.isNaN(h.share()) ? ""
                    : " (" + Localization.get("protection.share", ImpactText.percent(h.share())) + ")");
        } else {
            s += " : " + Localization.get("report.overlap.inside");
        }
        if (h.url() != null) s += " — " + h.url();
        return s;
    }

    /** "Géoplateforme (IGN), WFS wfs_sup:assiette_sup_s, consulté le 03/12/2026 (réponse en cache)". */
    public static String source(Section s) {
        String out = s.source();
        if (s.date() != null) out += Localization.get("protection.consulted", ImpactText.date(s.date()));
        if (s.fromCache()) out += Localization.get("protection.cached");
        return out;
    }

    /** 20190212, 2019-02-12, 2019-02-12Z… → 12/02/2019; anything else unchanged. */
    public static String date(String d) {
        if (d == null) return null;
        String t = d.strip();
        if (t.matches("\\d{8}")) return t.substring(6, 8) + "/" + t.substring(4, 6) + "/" + t.substring(0, 4);
        if (t.matches("\\d{4}-\\d{2}-\\d{2}.*")) return ImpactText.date(t.substring(0, 10));
        return t;
    }
}
