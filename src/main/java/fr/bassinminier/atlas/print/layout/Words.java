package fr.bassinminier.atlas.print.layout;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The one word wrapper of every page: lines that measure at most a width, a word longer than the
 * width broken at a French break point with its hyphen (a bare cut only when there is none).
 */
public final class Words {
    /** Fractional metrics, as the PDF measures its text. */
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private Words() {
    }

    /** The width of a line in points, for a font sized in points. */
    static double width(String s, Font f) {
        return f.getStringBounds(s, FRC).getWidth();
    }

    /** Words wrapped to a width in points. */
    static List<String> wrap(String text, Font f, double width) {
        return wrap(text, s -> width(s, f), width);
    }

    /** The text wrapped so that each line measures at most {@code max}; "\n" starts a new line. */
    static List<String> wrap(String text, ToDoubleFunction<String> measure, double max) {
        List<String> lines = new ArrayList<>();
        if (text == null) return lines;
        for (String para : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (measure.applyAsDouble(candidate) <= max
                        || line.length() == 0 && measure.applyAsDouble(word) <= max) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) lines.add(line.toString());
                line.setLength(0);
                String w = word;
                while (measure.applyAsDouble(w) > max && w.length() > 1) {
                    int cut = w.length() - 1;
                    while (cut > 1 && measure.applyAsDouble(w.substring(0, cut)) > max) cut--;
                    int h = hyphenPoint(w, cut);
                    while (h > 0 && measure.applyAsDouble(withHyphen(w, h)) > max) h = hyphenPoint(w, h - 1);
                    int at = h > 0 ? h : cut;
                    lines.add(h > 0 ? withHyphen(w, h) : w.substring(0, cut));
                    w = w.substring(at);
                }
                line.append(w);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static String withHyphen(String w, int h) {
        return w.substring(0, h) + (isBreakChar(w.charAt(h - 1)) ? "" : "-");
    }

    private static boolean isBreakChar(char c) {
        return c == '-' || c == '/' || c == '_' || c == '–';
    }

    private static boolean vowel(char c) {
        return "aeiouyàâäéèêëîïôöùûüœæAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ".indexOf(c) >= 0;
    }

    /** Consonant pairs a French syllable keeps together: ch, ph, th, gn, and b, c, d, f, g, p, t, v before l or r. */
    private static boolean pair(char a, char b) {
        return (b == 'h' && "cpt".indexOf(a) >= 0) || (a == 'g' && b == 'n')
                || ((b == 'l' || b == 'r') && "bcdfgptv".indexOf(a) >= 0);
    }

    /**
     * The last place at or before {@code max} where a French word may break: after a hyphen,
     * slash or underscore, else between two consonants that are not an inseparable pair (ch, ph,
     * gn, th, and a consonant followed by l or r), else between a vowel and the consonant that
     * starts the next syllable; at least two letters on each side. 0 when there is none.
     */
    public static int hyphenPoint(String w, int max) {
        for (int i = Math.min(max, w.length() - 1); i >= 2; i--) {
            if (isBreakChar(w.charAt(i - 1))) return i;
        }
        for (int i = Math.min(max, w.length() - 2); i >= 2; i--) {
            char a = w.charAt(i - 1);
            char b = w.charAt(i);
            if (!Character.isLetter(a) || !Character.isLetter(b)) continue;
            char la = Character.toLowerCase(a);
            char lb = Character.toLowerCase(b);
            if (!vowel(a) && !vowel(b)) {
                if (!pair(la, lb) && vowel(w.charAt(i - 2))) return i;
            } else if (vowel(a) && !vowel(b) && i + 1 < w.length() && (vowel(w.charAt(i + 1))
                    || pair(lb, Character.toLowerCase(w.charAt(i + 1))) && i + 2 < w.length()
                    && vowel(w.charAt(i + 2)))) {
                return i;
            }
        }
        return 0;
    }
}
