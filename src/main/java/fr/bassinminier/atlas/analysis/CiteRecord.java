package fr.bassinminier.atlas.analysis;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * A cité minière as the cité panel shows it, read from a feature by the usual field names of
 * the demo data (nom, communes, epci, proprietaire, logements, unesco, programme,
 * statut_renovation, statut_urbain, statut_date, statut_source, source) and of the Mission
 * Bassin Minier inventory (nom, commune_1..3, proprietaire, type, compagnie, id_unesco).
 * Missing fields give null (or an empty list): the panel then leaves the line out rather than
 * inventing a value. Names are matched case-insensitively and cut to 10 characters as
 * shapefiles do.
 *
 * @param unesco         the UNESCO status as the data word it ("Inscrit", "En partie", "Non");
 *                       "Inscrit" when only an element id says so; null when unknown
 * @param unescoId       the World Heritage object id ("38B"), when given
 * @param renovation     state of the ERBM renovation of the dwellings (statut_renovation)
 * @param urbanRenewal   state of the urban renewal works (statut_urbain)
 * @param statusDate     when those states were reported (statut_date, e.g. "2023-01")
 * @param statusSource   source of the three states (statut_source), falling back on {@code source}
 * @param source         source of the other facts (source)
 */
public record CiteRecord(String name, List<String> communes, String epci, String owners, Integer dwellings,
                         String unesco, String unescoId, String programme, String renovation, String urbanRenewal,
                         String statusDate, String type, String company, String statusSource, String source) {
    public CiteRecord {
        communes = List.copyOf(communes);
    }

    /** One line of the panel: a label in the UI language, the value, and where the fact comes from (may be null). */
    public record Fact(String label, String value, String source) {
    }

    public static CiteRecord of(Feature f) {
        Schema s = f.schema();
        String source = text(f, s, "source", "sources");
        String statusSource = text(f, s, "statut_source");
        String unescoId = text(f, s, "id_unesco");
        String unesco = text(f, s, "unesco", "statut_unesco");
        if (unesco == null && unescoId != null) unesco = "Inscrit";
        return new CiteRecord(text(f, s, "nom", "name", "nom_cite"), communes(f, s),
                text(f, s, "epci", "epci_nom", "nom_epci"), text(f, s, "proprietaire", "proprietaires", "bailleur"),
                integer(f, s, "logements", "nb_logements", "nb_logts"), unesco, unescoId,
                text(f, s, "programme"), text(f, s, "statut_renovation"), text(f, s, "statut_urbain"),
                text(f, s, "statut_date"), text(f, s, "type", "typologie_cite"), text(f, s, "compagnie"),
                statusSource != null ? statusSource : source, source);
    }

    /**
     * Whether a layer holds cités, from its fields: a name, and either what the ERBM inventory
     * records (logements, statut_renovation, statut_urbain, id_mbm) or what the Mission Bassin
     * Minier inventory of cités records (type and compagnie), which its terrils (forme,
     * no_terril) and buildings (typologie) do not have together.
     */
    public static boolean isCite(ProjectLayer layer) {
        return layer != null && layer.isLoaded() && isCite(layer.data().schema());
    }

    public static boolean isCite(Schema s) {
        if (!FieldLookup.has(s, "nom", "name", "nom_cite")) return false;
        if (FieldLookup.has(s, "logements", "nb_logements", "nb_logts", "statut_renovation", "statut_urbain", "id_mbm")) {
            return true;
        }
        return FieldLookup.has(s, "type") && FieldLookup.has(s, "compagnie")
                && !FieldLookup.has(s, "forme", "no_terril", "typologie");
    }

    /** The communes joined as the demo writes them: "Bully-les-Mines / Grenay". */
    public String communesText() {
        return String.join(" / ", communes);
    }

    /** The known facts, in the panel's order, each with its source. */
    public List<Fact> facts() {
        List<Fact> out = new ArrayList<>();
        add(out, Localization.get("cite.fact.communes"), communes.isEmpty() ? null : communesText(), source);
        add(out, Localization.get("cite.fact.epci"), epci, source);
        add(out, Localization.get("cite.fact.owners"), owners, source);
        add(out, Localization.get("cite.fact.dwellings"), dwellings == null ? null : Measure.number(dwellings, 0), source);
        add(out, Localization.get("cite.fact.type"), type, source);
        add(out, Localization.get("cite.fact.company"), company, source);
        add(out, Localization.get("cite.fact.unesco"), unesco == null ? null
                : unescoId == null ? unesco : Localization.get("cite.fact.unescoElement", unesco, unescoId), source);
        add(out, Localization.get("cite.fact.programme"), programme, source);
        add(out, Localization.get("cite.fact.renovation"), renovation, statusSource);
        add(out, Localization.get("cite.fact.urbanRenewal"), urbanRenewal, statusSource);
        add(out, Localization.get("cite.fact.statusDate"), statusDate, statusSource);
        return out;
    }

    private static void add(List<Fact> out, String label, String value, String source) {
        if (value != null) out.add(new Fact(label, value, source));
    }

    private static List<String> communes(Feature f, Schema s) {
        List<String> out = new ArrayList<>();
        String all = text(f, s, "communes");
        if (all != null) {
            for (String c : all.split("/")) if (!c.isBlank()) out.add(c.strip());
            return out;
        }
        for (int i = 1; i <= 9; i++) {
            String c = text(f, s, "commune_" + i);
            if (c != null) out.add(c);
        }
        if (out.isEmpty()) {
            String c = text(f, s, "commune", "commune_principale");
            if (c != null) out.add(c);
        }
        return out;
    }

    /** Trimmed text of the first present field; null when absent or blank. */
    private static String text(Feature f, Schema s, String... names) {
        String field = FieldLookup.find(s, names);
        if (field == null) return null;
        Object v = f.get(field);
        if (v == null) return null;
        String t = v.toString().strip();
        return t.isEmpty() ? null : t;
    }

    private static Integer integer(Feature f, Schema s, String... names) {
        String field = FieldLookup.find(s, names);
        if (field == null) return null;
        Object v = f.get(field);
        if (v instanceof Number n) return n.intValue();
        if (v instanceof String str) {
            try {
                return Integer.valueOf(str.strip().replace("\u202f", "").replace(" ", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
