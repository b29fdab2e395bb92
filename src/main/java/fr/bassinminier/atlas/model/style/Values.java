package fr.bassinminier.atlas.model.style;

import java.math.BigDecimal;
import java.text.Collator;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How filter operands compare. Attribute values arrive as String, Integer, Double, BigDecimal,
 * Boolean or dates depending on the file format, and literals always as text, so comparison is
 * numeric when both sides read as numbers ("01" = 1, as GeoServer does) and textual otherwise.
 * Text is compared in Unicode NFC with the typographic apostrophe folded to the ASCII one:
 * "livrée" typed on a Mac (decomposed é) or « à l’étude » pasted from a report must still match
 * the literal of a style.
 */
public final class Values {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    /** Collator.compare is synchronized on a shared instance; one per thread avoids contention. */
    private static final ThreadLocal<Collator> FRENCH = ThreadLocal.withInitial(() -> {
        Collator c = Collator.getInstance(Locale.FRENCH);
        c.setStrength(Collator.TERTIARY);
        return c;
    });

    private Values() {
    }

    /** The value as text: integral doubles without ".0" so that 822.0 labels as "822". */
    public static String text(Object v) {
        if (v == null) return null;
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
            return v.toString();
        }
        if (v instanceof BigDecimal b) return b.stripTrailingZeros().toPlainString();
        return v.toString();
    }

    /** The value as a number, or null when it is not one (booleans and dates are not). */
    public static Double number(Object v) {
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.isNaN(d) ? null : d;
        }
        if (v instanceof String s) return parseNumber(s);
        return null;
    }

    /** Strict decimal syntax: no "NaN", no hex, no French comma (1,5 is not a number). */
    public static Double parseNumber(String s) {
        if (s == null) return null;
        String t = s.strip();
        // Cheap rejection first: most compared text ("livrée") is not numeric, and this runs per feature.
        if (t.isEmpty() || !(Character.isDigit(t.charAt(0)) || "+-.".indexOf(t.charAt(0)) >= 0)) return null;
        if (!NUMBER.matcher(t).matches()) return null;
        return Double.parseDouble(t);
    }

    public static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).replace('\u2019', '\'');
    }

    /** Equality of two non-null values; numeric when both are numbers. */
    public static boolean equal(Object a, Object b, boolean matchCase) {
        Double x = number(a);
        Double y = number(b);
        if (x != null && y != null) return x.doubleValue() == y.doubleValue();
        String s = normalize(text(a));
        String t = normalize(text(b));
        return matchCase ? s.equals(t) : s.toLowerCase(Locale.ROOT).equals(t.toLowerCase(Locale.ROOT));
    }

    /** Order of two non-null values: numeric when both are numbers, else French collation. */
    public static int compare(Object a, Object b, boolean matchCase) {
        Double x = number(a);
        Double y = number(b);
        if (x != null && y != null) return Double.compare(x, y);
        String s = normalize(text(a));
        String t = normalize(text(b));
        if (!matchCase) {
            s = s.toLowerCase(Locale.ROOT);
            t = t.toLowerCase(Locale.ROOT);
        }
        int c = FRENCH.get().compare(s, t);
        return c != 0 ? c : s.compareTo(t);
    }
}
