package fr.bassinminier.atlas.analysis.impact;

import fr.bassinminier.atlas.analysis.impact.ProtectionReport.Hit;
import fr.bassinminier.atlas.analysis.impact.ProtectionReport.Section;
import java.util.ArrayList;
import java.util.List;

/** The online protections in French: one heading per protection, its findings and its source. */
public final class ProtectionText {
    /** What the AC1 surfaces are, since the out-of-scope list says a PDA is not in the heritage layers. */
    public static final String AC1_NOTE = "Les assiettes AC1 publiées sont le rayon de 500 m ou, lorsqu'il a été "
            + "approuvé et versé au Géoportail de l'Urbanisme, le périmètre délimité des abords (PDA).";

    private ProtectionText() {
    }

    /** The block inserted in the text answer before the sources. */
    public static String block(ProtectionReport p) {
        StringBuilder b = new StringBuilder();
        for (Section s : p.sections()) {
            b.append('\n').append(s.kind().title()).append(" : ").append(status(s)).append('\n');
            for (Hit h : s.hits()) b.append("  – ").append(hit(h)).append('\n');
            if (s.source() != null) b.append("  Source : ").append(source(s)).append('\n');
            if (s.kind() == ProtectionReport.Kind.AC1 && s.consulted()) b.append("  ").append(AC1_NOTE).append('\n');
        }
        List<Section> missing = p.notConsulted();
        if (!missing.isEmpty()) {
            b.append('\n').append("NON CONSULTÉ : ").append(String.join(", ", missing.stream()
                    .map(s -> s.kind().title()).toList())).append(" — la réponse ne dit rien de ces protections.\n");
        }
        return b.toString();
    }

    /** "OUI — 2 servitudes", "NON — aucune", "non consulté (service injoignable…)". */
    public static String status(Section s) {
        if (!s.consulted()) return "non consulté (" + s.reason() + ")";
        int n = s.hits().size();
        if (s.kind() == ProtectionReport.Kind.PLU) {
            return n == 0 ? "aucune zone trouvée (commune sans PLU publié sur le Géoportail de l'urbanisme ?)"
                    : n == 1 ? "zone " + label(s.hits().get(0)) : n + " zones";
        }
        return n == 0 ? "NON — l'emprise n'en touche aucune" : "OUI — " + n + (n > 1 ? " périmètres touchés" : " périmètre touché");
    }

    private static String label(Hit h) {
        return h.label() != null ? h.label() : h.name() != null ? h.name() : "sans nom";
    }

    /** "« Abords de l'église Saint-Léger » (Périmètre des abords), acte …, du 12/02/2019 : 350 m² (35 % de l'emprise)". */
    public static String hit(Hit h) {
        List<String> parts = new ArrayList<>();
        if (h.name() != null) parts.add("« " + h.name() + " »" + (h.label() != null ? " (" + h.label() + ")" : ""));
        else if (h.label() != null) parts.add(h.label());
        if (h.act() != null) parts.add("acte ou document " + h.act());
        if (h.date() != null) parts.add("du " + date(h.date()));
        String s = String.join(", ", parts);
        if (h.overlapArea() > 0) {
            s += " : " + ImpactText.area(h.overlapArea()) + (Double.isNaN(h.share()) ? ""
                    : " (" + ImpactText.percent(h.share()) + " de l'emprise)");
        } else {
            s += " : l'emprise y est située";
        }
        if (h.url() != null) s += " — " + h.url();
        return s;
    }

    /** "Géoplateforme (IGN), WFS wfs_sup:assiette_sup_s, consulté le 03/12/2026 (réponse en cache)". */
    public static String source(Section s) {
        String out = s.source();
        if (s.date() != null) out += ", consulté le " + ImpactText.date(s.date());
        if (s.fromCache()) out += " (réponse en cache de cette date : service non joint cette fois)";
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
