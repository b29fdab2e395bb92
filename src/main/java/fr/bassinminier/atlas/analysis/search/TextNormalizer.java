package fr.bassinminier.atlas.analysis.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds text the way French users expect a search box to: case, accents and ligatures do not
 * count ("Nœux" = "noeux", "Liévin" = "lievin"), and punctuation only separates words
 * ("n°9", "Bully-les-Mines", "l'Escarpelle").
 */
public final class TextNormalizer {
    private TextNormalizer() {
    }

    /** Lower case, without accents, ligatures spelt out; punctuation kept. Null gives "". */
    public static String fold(String s) {
        if (s == null || s.isEmpty()) return "";
        if (isPlainAscii(s)) return toLowerAscii(s);
        // NFKD splits "é" into "e" + a combining accent and spells out compatibility forms
        // (ﬁ, superscripts, no-break spaces); œ and æ have no decomposition, so map them here.
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder(d.length() + 4);
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) continue;
            switch (c) {
                case 'œ', 'Œ' -> b.append("oe");
                case 'æ', 'Æ' -> b.append("ae");
                case 'ß' -> b.append("ss");
                case 'ø', 'Ø' -> b.append('o');
                case 'ł', 'Ł' -> b.append('l');
                case 'đ', 'Đ' -> b.append('d');
                // "n°9" and "nº9" both mean "number 9": never glue the ordinal to the n.
                case '°', 'º', 'ª' -> b.append(' ');
                default -> b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /** The words of a text once folded: runs of letters and digits. */
    public static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        tokens(fold(s), out);
        return out;
    }

    /** Appends the words of an already folded text. */
    static void tokens(String folded, List<String> out) {
        int start = -1;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (start < 0) start = i;
            } else if (start >= 0) {
                out.add(folded.substring(start, i));
                start = -1;
            }
        }
        if (start >= 0) out.add(folded.substring(start));
    }

    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return false;
        }
        return true;
    }

    private static String toLowerAscii(String s) {
        char[] a = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (a == null) a = s.toCharArray();
                a[i] = (char) (c + 32);
            }
        }
        return a == null ? s : new String(a);
    }
}
