package fr.bassinminier.atlas.print.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Long words in report columns break at French break points, not at any letter. */
class HyphenationTest {
    private static String cut(String w, int max) {
        int h = Words.hyphenPoint(w, max);
        return h == 0 ? null : w.substring(0, h) + "|" + w.substring(h);
    }

    @Test
    void breaksBetweenSyllables() {
        assertEquals("Bully-|les-Mines", cut("Bully-les-Mines", 9));
        assertEquals("patrimo|nial", cut("patrimonial", 8));      // vowel | consonant-vowel
        assertEquals("inter|communale", cut("intercommunale", 6)); // r | c, two consonants
        assertEquals("ar|chitecture", cut("architecture", 4));     // "ch" stays together
        assertEquals("ca|blé", cut("câblé".replace('â', 'a'), 4)); // "bl" stays together
        assertEquals(null, cut("xyz", 2));
    }
}
