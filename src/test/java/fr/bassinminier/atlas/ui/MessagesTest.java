package fr.bassinminier.atlas.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static Set<String> keys(String resource) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void frenchAndEnglishBundlesHaveTheSameKeys() throws Exception {
        Set<String> fr = keys("/fr/bassinminier/atlas/ui/messages.properties");
        Set<String> en = keys("/fr/bassinminier/atlas/ui/messages_en.properties");
        assertTrue(fr.size() > 10);
        assertEquals(fr, en);
    }

    @Test
    void frenchIsTheDefaultAndAccentsSurvive() {
        Messages.useLocale(java.util.Locale.FRANCE);
        assertEquals("3 objets à cet endroit :", Messages.get("side.hits", "3"));
        Messages.useLocale(java.util.Locale.ENGLISH);
        assertEquals("3 features here:", Messages.get("side.hits", "3"));
        Messages.useLocale(java.util.Locale.FRANCE);
    }

    @Test
    void textsWithoutArgumentsHaveNoDoubledQuotes() throws Exception {
        // MessageFormat only runs on texts with arguments; a doubled quote elsewhere would show as ''.
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties p = new Properties();
            try (InputStream in = MessagesTest.class.getResourceAsStream("/fr/bassinminier/atlas/ui/" + bundle)) {
                p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (String k : p.stringPropertyNames()) {
                String v = p.getProperty(k);
                if (!v.contains("{0")) assertTrue(!v.contains("''"), bundle + " " + k + " = " + v);
                else assertTrue(!v.matches(".*[^']'[^'].*"), bundle + " " + k + " has a single quote MessageFormat would eat: " + v);
            }
        }
    }
}
