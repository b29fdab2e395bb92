package fr.bassinminier.atlas.analysis;

import fr.bassinminier.atlas.analysis.search.TextNormalizer;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.VectorLayer;
import java.text.CollationKey;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The attribute table's filter box and column sort.
 *
 * <p>Filter: every word typed must appear, case and accents ignored, inside some attribute
 * value of the row ("lens inscrit" keeps the inscribed cités of Lens). The folded text of
 * each row is computed once, on the first filter, so typing stays fast on large layers.
 *
 * <p>Sort: empty cells always last (in both directions: what is missing should not hide what
 * is there); numbers by value; dates in time order; text in French dictionary order
 * ({@link Collator} for {@link Locale#FRANCE}: "Évin" beside "Estevelles", not after "Z"), with
 * numbers inside text by value ("Cité 4" before "Cité 12", "T74" before "T114").
 */
public final class AttributeFilter {
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final int NUMBER_WIDTH = 12;

    private final List<Feature> features;
    private volatile String[] rows;

    public AttributeFilter(List<Feature> features) {
        this.features = List.copyOf(features);
    }

    public static AttributeFilter of(VectorLayer layer) {
        return new AttributeFilter(layer.features());
    }

    /** The features (in their order) whose values contain every word of {@code text}; all when blank. */
    public List<Feature> filter(String text) {
        String[] words = words(text);
        if (words.length == 0) return features;
        String[] r = rows();
        List<Feature> out = new ArrayList<>();
        for (int i = 0; i < r.length; i++) {
            if (containsAll(r[i], words)) out.add(features.get(i));
        }
        return out;
    }

    /** Whether one feature passes the filter (for a table that filters rows itself). */
    public static boolean matches(Feature f, String text) {
        return containsAll(rowText(f), words(text));
    }

    /**
     * A sorted copy: by the field's values, ascending or descending, empty cells last; equal
     * values keep their order. An unknown field leaves the order as it is.
     */
    public static List<Feature> sort(List<Feature> features, String field, boolean ascending) {
        List<Keyed> keyed = new ArrayList<>(features.size());
        Collator collator = collator();
        for (Feature f : features) keyed.add(new Keyed(f, key(f.get(field), collator)));
        Comparator<Keyed> byValue = (a, b) -> compareKeys(a.key(), b.key());
        Comparator<Keyed> order = ascending ? byValue : byValue.reversed();
        keyed.sort((a, b) -> {
            boolean an = a.key() == null;
            boolean bn = b.key() == null;
            if (an || bn) return Boolean.compare(an, bn);
            return order.compare(a, b);
        });
        List<Feature> out = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) out.add(k.feature());
        return out;
    }

    /** The same order as {@link #sort}, for a table that sorts itself (a key is computed per comparison). */
    public static Comparator<Feature> comparator(String field, boolean ascending) {
        Collator collator = collator();
        return (a, b) -> {
            Object ka = key(a.get(field), collator);
            Object kb = key(b.get(field), collator);
            if (ka == null || kb == null) return Boolean.compare(ka == null, kb == null);
            int c = compareKeys(ka, kb);
            return ascending ? c : -c;
        };
    }

    private record Keyed(Feature feature, Object key) {
    }

    private static Collator collator() {
        Collator c = Collator.getInstance(Locale.FRANCE);
        c.setStrength(Collator.TERTIARY);
        return c;
    }

    /** Null for an empty cell; else a Double, a Comparable (dates, booleans) or a CollationKey. */
    private static Object key(Object v, Collator collator) {
        if (v == null) return null;
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof String s) {
            if (s.isBlank()) return null;
            return collator.getCollationKey(padNumbers(s.strip()));
        }
        if (v instanceof Comparable<?>) return v;
        return collator.getCollationKey(v.toString());
    }

    /** "Cité 4" → "Cité 000000000004": the collator then orders numbers by value. */
    private static String padNumbers(String s) {
        Matcher m = DIGITS.matcher(s);
        if (!m.find()) return s;
        StringBuilder b = new StringBuilder(s.length() + NUMBER_WIDTH);
        int last = 0;
        do {
            b.append(s, last, m.start());
            String d = m.group();
            for (int i = d.length(); i < NUMBER_WIDTH; i++) b.append('0');
            b.append(d);
            last = m.end();
        } while (m.find());
        return b.append(s, last, s.length()).toString();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(Object a, Object b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) return Integer.compare(ra, rb);
        if (a instanceof CollationKey ca) return ca.compareTo((CollationKey) b);
        if (a.getClass() == b.getClass()) return ((Comparable) a).compareTo(b);
        return a.toString().compareTo(b.toString());
    }

    /** Mixed columns (rare: a GeoJSON property with numbers and text): numbers, then others, then text. */
    private static int rank(Object k) {
        if (k instanceof Double) return 0;
        if (k instanceof CollationKey) return 2;
        return 1;
    }

    private String[] rows() {
        String[] r = rows;
        if (r == null) {
            r = new String[features.size()];
            for (int i = 0; i < r.length; i++) r[i] = rowText(features.get(i));
            rows = r;
        }
        return r;
    }

    /** Folded values joined by line breaks, which no typed word contains: a word cannot straddle two cells. */
    private static String rowText(Feature f) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < f.schema().size(); i++) {
            Object v = f.get(i);
            if (v == null) continue;
            b.append(TextNormalizer.fold(v.toString())).append('\n');
            // Decimals are shown with a comma in the table: let "12,5" match too.
            if (v instanceof Double || v instanceof Float) b.append(v.toString().replace('.', ',')).append('\n');
        }
        return b.toString();
    }

    private static String[] words(String text) {
        String folded = TextNormalizer.fold(text == null ? "" : text).strip();
        if (folded.isEmpty()) return new String[0];
        return Arrays.stream(folded.split("\\s+")).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }

    private static boolean containsAll(String row, String[] words) {
        for (String w : words) if (!row.contains(w)) return false;
        return true;
    }
}
