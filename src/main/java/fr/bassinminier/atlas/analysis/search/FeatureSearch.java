package fr.bassinminier.atlas.analysis.search;

import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.project.LabelRule;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The search box of a project: names of cités, communes, terril numbers ("T115", "terril 74",
 * "74A") and UNESCO element ids ("38A", "D3"), whatever the accents, case, punctuation and word
 * order. Built once per loaded project; immutable, so queries may run on any thread.
 *
 * <p><b>What is indexed.</b> Every loaded layer (visible or not: a user looking for a cité
 * whose layer is hidden should still find it). In each layer: the label field, and the fields
 * whose names say they name, place or number a feature (see {@link #indexedFields}). Free-text
 * fields (notes, sources, descriptions) are left out: they mention other places and would
 * drown the results. The words of the layer's id and title ("terrils", "cités minières") are
 * layer words: a query word may be satisfied by them, so "terril 74" finds terril 74 even in
 * data whose names never say "terril".
 *
 * <p><b>Matching.</b> Text is folded ({@link TextNormalizer}) and cut into words. Every query
 * word must be the start of some word of the feature (or of its layer's words). Terril numbers
 * (no_terril, num_terril, numero, id) are also indexed without a leading "T" and leading
 * zeros, and a number typed is also looked up in that form: "T74", "74" and real data's "T074"
 * meet, while "T115" does not pick up a "Cité n°115" nor the cité of MBM index 115. French
 * small words (de, la, les, n°…) are dropped from the query.
 *
 * <p><b>Ranking.</b> First the features of a layer the query names: "terril 74" gives the terril
 * numbered 74 before the UNESCO element 74 « Terril et cités des Garennes ». Then the score,
 * summed over the query words: exact word 4, prefix 2; +1 in the label field or a terril number
 * (the names people use); −2 when only the number without "T" and zeros matched and the query
 * said neither "T" nor the layer ("38A" finds the UNESCO object 38A before the terril T038a);
 * 1 for a layer word. Ties: shorter name first, then project layer order, then file order.
 */
public final class FeatureSearch {
    private static final Set<String> STOP_WORDS = Set.of("a", "au", "aux", "d", "de", "des", "du", "en", "et",
            "l", "la", "le", "les", "n", "no", "sur", "sous", "lez");
    private static final Pattern TERRIL_NUMBER = Pattern.compile("[Tt]\\d+[A-Za-z]?");
    /** Prefix of the canonical form of numbers of number fields; no folded word holds it. */
    private static final String NUMBER_MARK = "#";
    private static final int SLOT_BITS = 20;
    private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;
    private static final int SCORE_SHIFT = 24;
    private static final int SLOT_INT_MASK = (1 << SCORE_SHIFT) - 1;
    private static final int EXACT = 4;
    private static final int PREFIX = 2;
    private static final int NAME_BONUS = 1;
    private static final int LOOSE_PENALTY = 2;
    private static final int LAYER_WORD = 1;
    private static final int MIN_LAYER_WORD_PREFIX = 3;

    private final List<LayerInfo> layers = new ArrayList<>();
    private final Feature[] docs;
    private final int[] docLayer;
    private final int[] docNameLength;
    private final List<String> slotField = new ArrayList<>();
    private final List<Boolean> slotNames = new ArrayList<>();
    /** Whether a field slot names its feature: the label field, or a terril number ("le T115"). */
    private final boolean[] slotBonus;
    private final String[] terms;
    private final long[][] postings;

    /** What the search needs to know of one layer. */
    private record LayerInfo(String id, String title, int firstDoc, int size, String[] words, Display display) {
    }

    public FeatureSearch(List<ProjectLayer> projectLayers) {
        int total = 0;
        for (ProjectLayer l : projectLayers) if (l.isLoaded()) total += l.data().size();
        docs = new Feature[total];
        docLayer = new int[total];
        docNameLength = new int[total];
        Map<String, Postings> index = new HashMap<>(Math.max(16, total * 2));
        List<String> tokenBuffer = new ArrayList<>();
        int doc = 0;
        for (ProjectLayer pl : projectLayers) {
            if (!pl.isLoaded()) continue;
            Schema schema = pl.data().schema();
            String label = labelField(pl);
            List<String> fields = indexedFields(pl);
            int[] fieldIndex = new int[fields.size()];
            int[] slots = new int[fields.size()];
            boolean[] numbered = new boolean[fields.size()];
            for (int i = 0; i < fields.size(); i++) {
                fieldIndex[i] = schema.indexOf(fields.get(i));
                String lower = fields.get(i).toLowerCase(Locale.ROOT);
                numbered[i] = isTerrilNumberField(lower);
                slots[i] = slotField.size();
                slotField.add(fields.get(i));
                slotNames.add(fields.get(i).equals(label) || numbered[i]);
                if (slots[i] > SLOT_MASK) throw new IllegalStateException("too many searchable fields");
            }
            int layerIndex = layers.size();
            Display display = Display.of(schema, label, fields);
            layers.add(new LayerInfo(pl.entry().id(), pl.entry().title() == null ? pl.entry().id() : pl.entry().title(),
                    doc, pl.data().size(), layerWords(pl), display));
            for (Feature f : pl.data().features()) {
                docs[doc] = f;
                docLayer[doc] = layerIndex;
                docNameLength[doc] = display.primary(f).length();
                // Label field first: when a word is in several fields, the label's slot is kept.
                for (int i = 0; i < fieldIndex.length; i++) {
                    Object v = f.get(fieldIndex[i]);
                    if (v == null) continue;
                    tokenBuffer.clear();
                    TextNormalizer.tokens(TextNormalizer.fold(v.toString()), tokenBuffer);
                    for (String t : tokenBuffer) {
                        add(index, t, doc, slots[i]);
                        String c = numbered[i] ? canonicalNumber(t) : null;
                        if (c != null) add(index, NUMBER_MARK + c, doc, slots[i]);
                    }
                }
                doc++;
            }
        }
        slotBonus = new boolean[slotNames.size()];
        for (int i = 0; i < slotBonus.length; i++) slotBonus[i] = slotNames.get(i);
        terms = index.keySet().toArray(new String[0]);
        Arrays.sort(terms);
        postings = new long[terms.length][];
        for (int i = 0; i < terms.length; i++) postings[i] = index.get(terms[i]).toArray();
    }

    public static FeatureSearch of(LoadedProject project) {
        return new FeatureSearch(project.layers());
    }

    /** Number of features indexed. */
    public int size() {
        return docs.length;
    }

    /** Number of distinct words in the index. */
    public int wordCount() {
        return terms.length;
    }

    /**
     * The features matching every word of the query, best first, at most {@code max}. A blank
     * query gives nothing.
     */
    public List<SearchHit> search(String query, int max) {
        List<String[]> words = parseQuery(query);
        if (max <= 0 || words.isEmpty() || docs.length == 0) return List.of();
        Query q = new Query(words.size());
        int best = -1;
        long bestCost = Long.MAX_VALUE;
        for (int k = 0; k < q.n; k++) {
            String[] alts = words.get(k);
            q.layerHit[k] = new boolean[layers.size()];
            q.strict[k] = new int[docs.length];
            // Most words are no numbers: spare them the second array (less garbage per keystroke).
            if (Arrays.stream(alts).anyMatch(a -> a.startsWith(NUMBER_MARK))) {
                q.loose[k] = new int[docs.length];
            }
            q.typedT[k] = alts[0].length() > 1 && alts[0].charAt(0) == 't' && Character.isDigit(alts[0].charAt(1));
            IntList hits = new IntList();
            for (String alt : alts) {
                boolean loose = alt.startsWith(NUMBER_MARK);
                collect(alt, loose ? q.loose[k] : q.strict[k], loose ? q.strict[k] : q.loose[k], hits);
                if (alt.length() >= MIN_LAYER_WORD_PREFIX) {
                    for (int li = 0; li < layers.size(); li++) {
                        for (String w : layers.get(li).words()) {
                            if (w.startsWith(alt)) q.layerHit[k][li] = true;
                        }
                    }
                }
            }
            q.touched[k] = hits;
            long cost = hits.size;
            for (int li = 0; li < layers.size(); li++) if (q.layerHit[k][li]) cost += layers.get(li).size();
            if (cost < bestCost) {
                bestCost = cost;
                best = k;
            }
        }
        Comparator<long[]> worstFirst = FeatureSearch::compareWorstFirst;
        PriorityQueue<long[]> top = new PriorityQueue<>(worstFirst);
        // Candidates: the features of the rarest query word; each must then satisfy every word.
        IntList rare = q.touched[best];
        for (int i = 0; i < rare.size; i++) {
            int d = rare.values[i];
            if (!q.layerHit[best][docLayer[d]]) offer(top, max, d, q);
        }
        for (int li = 0; li < layers.size(); li++) {
            if (!q.layerHit[best][li]) continue;
            LayerInfo l = layers.get(li);
            for (int d = l.firstDoc(); d < l.firstDoc() + l.size(); d++) offer(top, max, d, q);
        }
        List<long[]> ranked = new ArrayList<>(top);
        ranked.sort(worstFirst.reversed());
        List<SearchHit> out = new ArrayList<>(ranked.size());
        for (long[] r : ranked) {
            int d = (int) r[3];
            LayerInfo l = layers.get(docLayer[d]);
            int slot = (int) r[4];
            out.add(new SearchHit(l.id(), l.title(), docs[d], l.display().text(docs[d]),
                    slot < 0 ? null : slotField.get(slot)));
        }
        return out;
    }

    /**
     * Per query word and feature, the best match as (score << 24 | field slot), 0 for none:
     * {@code strict} for the word as typed, {@code loose} for the number with "T" and zeros
     * set aside, whose worth depends on the query as a whole (see {@link #offer}).
     */
    private static final class Query {
        final int n;
        final int[][] strict;
        final int[][] loose;
        final boolean[] typedT;
        final IntList[] touched;
        final boolean[][] layerHit;

        Query(int n) {
            this.n = n;
            strict = new int[n][];
            loose = new int[n][];
            typedT = new boolean[n];
            touched = new IntList[n];
            layerHit = new boolean[n][];
        }
    }

    /** Scores every feature having a word that starts with {@code prefix}. */
    private void collect(String prefix, int[] into, int[] other, IntList hits) {
        int from = lowerBound(prefix);
        for (int i = from; i < terms.length && terms[i].startsWith(prefix); i++) {
            boolean exact = terms[i].length() == prefix.length();
            for (long p : postings[i]) {
                int d = (int) (p >>> SLOT_BITS);
                int slot = (int) (p & SLOT_MASK);
                int s = (exact ? EXACT : PREFIX) + (slotBonus[slot] ? NAME_BONUS : 0);
                if (into[d] == 0 && (other == null || other[d] == 0)) hits.add(d);
                if (s > (into[d] >>> SCORE_SHIFT)) into[d] = (s << SCORE_SHIFT) | slot;
            }
        }
    }

    private void offer(PriorityQueue<long[]> top, int max, int d, Query q) {
        int layer = docLayer[d];
        boolean named = false;
        for (int k = 0; k < q.n; k++) named |= q.layerHit[k][layer];
        long total = 0;
        int slot = -1;
        int slotScore = 0;
        for (int k = 0; k < q.n; k++) {
            int strict = q.strict[k][d];
            int loose = q.loose[k] == null ? 0 : q.loose[k][d];
            // A number met only once "T" and zeros are set aside is a weaker match than the very
            // word typed ("38A" is the UNESCO object 38A before the terril T038a), unless the
            // query says terril: a typed "T" or a layer it names ("terril 74" = T074).
            if (loose != 0 && !q.typedT[k] && !named) {
                loose = Math.max(1, (loose >>> SCORE_SHIFT) - LOOSE_PENALTY) << SCORE_SHIFT | (loose & SLOT_INT_MASK);
            }
            int m = (loose >>> SCORE_SHIFT) > (strict >>> SCORE_SHIFT) ? loose : strict;
            int s = m >>> SCORE_SHIFT;
            if (s == 0) {
                if (!q.layerHit[k][layer]) return;
                s = LAYER_WORD;
            } else if (s > slotScore) {
                slotScore = s;
                slot = m & SLOT_INT_MASK;
            }
            total += s;
        }
        long[] entry = {named ? 1 : 0, total, docNameLength[d], d, slot};
        if (top.size() < max) {
            top.add(entry);
        } else if (compareWorstFirst(entry, top.peek()) > 0) {
            top.poll();
            top.add(entry);
        }
    }

    /** Orders worst first: layer not named, lower score, longer name, later in the project. */
    private static int compareWorstFirst(long[] a, long[] b) {
        if (a[0] != b[0]) return Long.compare(a[0], b[0]);
        if (a[1] != b[1]) return Long.compare(a[1], b[1]);
        if (a[2] != b[2]) return Long.compare(b[2], a[2]);
        return Long.compare(b[3], a[3]);
    }

    private int lowerBound(String key) {
        int lo = 0;
        int hi = terms.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (terms[mid].compareTo(key) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Query words, each with its alternatives (number without "T", singular). */
    static List<String[]> parseQuery(String query) {
        List<String> raw = TextNormalizer.tokens(query);
        List<String> glued = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String t = raw.get(i);
            // "T 115" is how some people type a terril number.
            if (t.equals("t") && i + 1 < raw.size() && Character.isDigit(raw.get(i + 1).charAt(0))) {
                glued.add("t" + raw.get(++i));
            } else {
                glued.add(t);
            }
        }
        boolean allSmall = glued.stream().allMatch(STOP_WORDS::contains);
        Set<String> kept = new LinkedHashSet<>();
        for (String t : glued) if (allSmall || !STOP_WORDS.contains(t)) kept.add(t);
        List<String[]> out = new ArrayList<>();
        for (String t : kept) {
            Set<String> alts = new LinkedHashSet<>();
            alts.add(t);
            String c = canonicalNumber(t);
            if (c != null) alts.add(NUMBER_MARK + c);
            // Plurals: "terrils", "cités" find "terril", "cité".
            if (t.length() >= 5 && (t.endsWith("s") || t.endsWith("x"))) alts.add(t.substring(0, t.length() - 1));
            out.add(alts.toArray(new String[0]));
        }
        return out;
    }

    /**
     * A terril or element number in the form compared across files: "t074", "074" and "74"
     * give "74", "t115a" gives "115a"; null when the word is no such number.
     */
    static String canonicalNumber(String word) {
        int len = word.length();
        int i = word.startsWith("t") ? 1 : 0;
        int digits = i;
        while (i < len && Character.isDigit(word.charAt(i))) i++;
        int end = i;
        if (end == digits) return null;
        if (end < len && !(end == len - 1 && Character.isLetter(word.charAt(end)))) return null;
        int s = digits;
        while (s < end - 1 && word.charAt(s) == '0') s++;
        return word.substring(s);
    }

    private static void add(Map<String, Postings> index, String token, int doc, int slot) {
        Postings p = index.computeIfAbsent(token, k -> new Postings());
        p.add(((long) doc << SLOT_BITS) | slot, doc);
    }

    private static String labelField(ProjectLayer pl) {
        LabelRule r = pl.entry().label();
        if (r == null || r.field() == null || pl.data().schema().indexOf(r.field()) < 0) return null;
        return r.field();
    }

    private static String[] layerWords(ProjectLayer pl) {
        Set<String> w = new LinkedHashSet<>();
        for (String t : TextNormalizer.tokens(pl.entry().id() + " " + (pl.entry().title() == null ? "" : pl.entry().title()))) {
            if (!STOP_WORDS.contains(t) && t.length() >= 2) w.add(t);
        }
        return w.toArray(new String[0]);
    }

    /**
     * The attributes searched in a layer, label field first: names (nom, name, nom_*, libelle*,
     * denomination, toponyme), places (commune, communes, commune_*, ville, insee, code_insee)
     * and numbers (no_terril, num_terril, numero, no_element, id_unesco, id_mbm, and a generic
     * {@code id} only when it holds terril numbers like "T190": elsewhere it is an internal key).
     * Case-insensitive, so shapefiles' upper-case names are found.
     */
    public static List<String> indexedFields(ProjectLayer layer) {
        if (!layer.isLoaded()) return List.of();
        Schema schema = layer.data().schema();
        Set<String> out = new LinkedHashSet<>();
        String label = labelField(layer);
        if (label != null) out.add(label);
        for (Field f : schema.fields()) {
            String n = f.name().toLowerCase(Locale.ROOT);
            if (isNameField(n) || isPlaceField(n) || isNumberField(n)) out.add(f.name());
            else if (n.equals("id") && f.type() == FieldType.STRING && holdsTerrilNumbers(layer, f.name())) out.add(f.name());
        }
        return List.copyOf(out);
    }

    static boolean isNameField(String n) {
        return n.equals("nom") || n.startsWith("nom_") || n.equals("name") || n.startsWith("name_")
                || n.startsWith("libelle") || n.equals("denomination") || n.equals("toponyme");
    }

    static boolean isPlaceField(String n) {
        return n.equals("commune") || n.equals("communes") || n.startsWith("commune_") || n.equals("ville")
                || n.equals("insee") || n.equals("code_insee") || n.equals("insee_com");
    }

    /** Fields whose numbers are terril numbers, written "T074", "T74" or "74" depending on the file. */
    static boolean isTerrilNumberField(String n) {
        return n.equals("no_terril") || n.equals("num_terril") || n.equals("numero") || n.equals("id");
    }

    static boolean isNumberField(String n) {
        return n.equals("no_terril") || n.equals("num_terril") || n.equals("numero") || n.equals("no_element")
                || n.equals("id_unesco") || n.equals("id_mbm");
    }

    private static boolean holdsTerrilNumbers(ProjectLayer layer, String field) {
        int seen = 0;
        int numbers = 0;
        for (Feature f : layer.data().features()) {
            Object v = f.get(field);
            if (v == null) continue;
            if (TERRIL_NUMBER.matcher(v.toString().trim()).matches()) numbers++;
            if (++seen == 50) break;
        }
        return seen > 0 && numbers * 2 > seen;
    }

    /** How a result reads: name, number when the name lacks it, then communes. */
    private record Display(String label, List<String> names, List<String> numbers, String communes,
                           List<String> communeParts) {
        static Display of(Schema schema, String label, List<String> indexed) {
            List<String> names = new ArrayList<>();
            List<String> numbers = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            String communes = null;
            String single = null;
            for (Field f : schema.fields()) {
                String n = f.name().toLowerCase(Locale.ROOT);
                if (n.equals("nom") || n.equals("name") || n.equals("nom_usuel") || n.equals("denomination")
                        || n.startsWith("libelle")) names.add(f.name());
                if (indexed.contains(f.name()) && (isNumberField(n) || n.equals("id")) && !n.equals("id_mbm")) {
                    numbers.add(f.name());
                }
                if (n.equals("communes")) communes = f.name();
                else if (n.startsWith("commune_") && Character.isDigit(n.charAt(n.length() - 1))) parts.add(f.name());
                else if (n.equals("commune")) single = f.name();
            }
            if (communes == null && parts.isEmpty()) communes = single;
            return new Display(label, names, numbers, communes, parts);
        }

        String primary(Feature f) {
            if (label != null && !f.text(label).isBlank()) return f.text(label).trim();
            for (String n : names) if (!f.text(n).isBlank()) return f.text(n).trim();
            for (String n : numbers) if (!f.text(n).isBlank()) return f.text(n).trim();
            return "Objet n° " + f.id();
        }

        String text(Feature f) {
            String p = primary(f);
            StringBuilder b = new StringBuilder(p);
            List<String> words = TextNormalizer.tokens(p);
            for (String n : numbers) {
                String v = f.text(n).trim();
                if (v.isEmpty()) continue;
                // "Terril 74 (…)" already says its number; "2 du téléphérique" does not.
                if (!words.containsAll(TextNormalizer.tokens(v))) b.append(" (").append(v).append(')');
                break;
            }
            String place = places(f);
            if (!place.isEmpty() && !TextNormalizer.fold(place).equals(TextNormalizer.fold(p))) {
                b.append(" — ").append(place);
            }
            return b.toString();
        }

        private String places(Feature f) {
            if (communes != null) return f.text(communes).trim();
            List<String> ps = new ArrayList<>();
            for (String c : communeParts) if (!f.text(c).isBlank()) ps.add(f.text(c).trim());
            return String.join(" / ", ps);
        }
    }

    /** Postings of one word, deduplicated per feature (the first field, i.e. the label, wins). */
    private static final class Postings {
        private long[] values = new long[2];
        private int size;
        private int lastDoc = -1;

        void add(long posting, int doc) {
            if (doc == lastDoc) return;
            lastDoc = doc;
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = posting;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int v) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }
    }
}
