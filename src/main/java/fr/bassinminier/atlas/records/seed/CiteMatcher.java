package fr.bassinminier.atlas.records.seed;

import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.VectorLayer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the official cité polygons a row of the 2016 report names, by name and commune: the
 * report writes "Cité St-Albert", "Chabaud Latour nouv.", "Cités de la Solitude et Hermitage"
 * where the inventory writes "Cité Saint-Albert", "Cité Chabaud Latour Nouvelle" and two cités.
 * A row may name several cités; a name matches when its words (articles and "cité" aside) are
 * those of an official name or of its second name, in one of the row's communes.
 */
public final class CiteMatcher {
    private final VectorLayer official;
    private final String keyField;

    public CiteMatcher(VectorLayer official, String keyField) {
        this.official = official;
        this.keyField = keyField;
    }

    /** The keys of the official cités the row names; empty when none matches. */
    public List<String> match(String name, List<String> communes) {
        Set<String> towns = new LinkedHashSet<>();
        for (String c : communes) towns.add(fold(c));
        Set<String> keys = new LinkedHashSet<>();
        for (String part : parts(name)) {
            String want = core(part);
            if (want.isEmpty()) continue;
            for (Feature f : official.features()) {
                if (!inTowns(f, towns)) continue;
                if (variants(text(f, "nom")).contains(want) || variants(text(f, "nom_2")).contains(want)) {
                    keys.add(text(f, keyField));
                }
            }
        }
        keys.remove(null);
        return new ArrayList<>(keys);
    }

    private static boolean inTowns(Feature f, Set<String> towns) {
        for (String c : new String[] {"commune_1", "commune_2", "commune_3"}) {
            if (towns.contains(fold(text(f, c)))) return true;
        }
        return false;
    }

    /** "Cités de la Solitude et Hermitage" → Solitude, Hermitage; "A / B / C" → A, B, C; "A (ou B)" → A, B. */
    static List<String> parts(String name) {
        List<String> out = new ArrayList<>();
        if (name == null) return out;
        String n = name.replaceAll("\\(.*?\\)", " ");
        for (String p : n.split(" / | - | – | et ")) out.add(p);
        if (out.size() > 1) out.add(0, n); // the whole name first, in case it is one cité's name
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((?:ou |dite )?(.*?)\\)").matcher(name);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /**
     * The forms an official name answers to: without its parenthesis ("Cité n°5 de Béthune (du
     * Maroc)", "… (partie en zone-tampon)"), and the parenthesis itself ("Résidence de la Motte (Nouméa)").
     */
    static Set<String> variants(String name) {
        Set<String> out = new LinkedHashSet<>();
        if (name == null) return out;
        out.add(core(name.replaceAll("\\(.*?\\)", " ")));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((?:du |de la |des |ou )?(.*?)\\)").matcher(name);
        while (m.find()) {
            if (!m.group(1).startsWith("partie")) out.add(core(m.group(1)));
        }
        out.remove("");
        return out;
    }

    /** The telling words of a cité's name: "Cité n°5 de Béthune" → "5 bethune". */
    static String core(String s) {
        String n = " " + fold(s) + " ";
        n = n.replace(" st ", " saint ").replace(" ste ", " sainte ").replace(" anc ", " ancienne ")
                .replace(" nouv ", " nouvelle ").replace(" res ", " residence ").replace(" fosse ", " ");
        for (String prev = ""; !prev.equals(n); ) {
            prev = n;
            n = n.replaceAll("\\s+", " ").replaceAll(" (cites?|corons?|residence|n|no|de|des|du|la|le|les|l|d) ", " ");
        }
        return n.strip();
    }

    static String fold(String s) {
        if (s == null) return "";
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replace("œ", "oe").replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static String text(Feature f, String field) {
        if (f.schema().indexOf(field) < 0) return null;
        Object v = f.get(field);
        return v == null ? null : v.toString();
    }
}
