package fr.bassinminier.atlas.l10n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.analysis.impact.HeritageRole;
import fr.bassinminier.atlas.analysis.impact.MonumentStatus;
import fr.bassinminier.atlas.analysis.impact.ProtectionReport;
import fr.bassinminier.atlas.records.Labelled;
import fr.bassinminier.atlas.records.Programme;
import fr.bassinminier.atlas.records.TrancheStatus;
import fr.bassinminier.atlas.records.UnescoStatus;
import fr.bassinminier.atlas.records.UrbanWorkStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * In the manner of JabRef's LocalizationConsistencyTest: the windows show no text that is not in
 * the bundles, the code asks for no key the bundles lack, the bundles hold no key the code never
 * asks for, and French and English have the same keys. Each failure lists its offenders.
 */
class LocalizationConsistencyTest {
    private static final Path MAIN = Path.of("src/main/java/fr/bassinminier/atlas");
    private static final String BUNDLE_DIR = "/fr/bassinminier/atlas/ui/";

    /** Controls and setters whose text argument the user reads. */
    private static final Pattern VISIBLE = Pattern.compile(
            "new\\s+(?:[\\w.]+\\.)?(?:Label|Button|ToggleButton|CheckBox|RadioButton|MenuItem|Menu|RadioMenuItem|CheckMenuItem"
                    + "|Tooltip|Hyperlink|Tab|TitledPane|TextInputDialog|ButtonType|Text)\\s*\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\""
                    + "|\\.(?:setText|setTitle|setHeaderText|setContentText|setPromptText|setStatus|appendText)\\s*\\(\\s*"
                    + "\"((?:[^\"\\\\]|\\\\.)*)\""
                    + "|new\\s+Alert\\s*\\([^,()]+,\\s*\"((?:[^\"\\\\]|\\\\.)*)\""
                    + "|\\berror(?:\\.accept)?\\s*\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** Methods whose first text argument is a bundle key. */
    private static final Pattern KEY_USE = Pattern.compile(
            "(?:Messages|Localization)\\.(?:get|text)\\(\\s*\"([^\"]+)\"|(?:descriptionKey|headingKey)\\s*=\\s*\"([^\"]+)\""
                    + "|\\$\\{bundle:([^}:]+)|\\bitem\\(\\s*\"([^\"]+)\"|\\bchooser\\(\\s*\"([^\"]+)\""
                    + "|\\brecordRow\\(\\s*\\w+,\\s*\"([^\"]+)\"");
    /** picocli reads a key of the bundle where an annotation says ${bundle:KEY}. */
    private static final Pattern BUNDLE_REF = Pattern.compile("\\$\\{bundle:([^}:]+)");
    /**
     * French reaching users: an accented letter or guillemet, or a French word an English text never has.
     * Tolerant of English and of identifiers; a French sentence almost always has one of these.
     */
    private static final Pattern FRENCH = Pattern.compile("[àâçéèêëîïôûùüœÀÂÇÉÈÊÎÔ«»]|(?i)\\b(?:erreur|attention|fichier"
            + "|couche|ligne|introuvable|illisible|impossible|inconnue?|manquante?|aucune?|dans|avec|pour|invalide|vide"
            + "|attendue?|trop|sans|sommets?|emprise|parcelles?|logements|travaux|tuiles|projet)\\b");
    /** Calls whose text the user reads: exceptions' and errors' messages, and what is printed. */
    private static final Pattern MESSAGE_CALL = Pattern.compile(
            "new\\s+(?:[\\w.]+\\.)?\\w*(?:Exception|Error)\\s*\\(|\\.(?:println|printf|print)\\s*\\(");
    /**
     * A word that stays as it is in every language: one the user types (compared with, or an
     * option's default) or a value of the stable JSON output.
     */
    private static final Pattern STABLE_WORD = Pattern.compile(
            "(?:equals|equalsIgnoreCase)\\(\\s*$|\\bcase\\s+$|defaultValue\\s*=\\s*$|\\.put\\(\\s*\"\\w+\",\\s*$");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]++|\\\\.)*+)\"");
    /** A literal ending in a dot and followed by '+': the start of a key built in code ("tool." + name). */
    private static final Pattern KEY_PREFIX = Pattern.compile("\"([a-z][A-Za-z0-9_.]*\\.)\"\\s*\\+");

    @AfterEach
    void french() {
        Localization.useLocale(Locale.FRENCH);
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LocalizationConsistencyTest.class.getResourceAsStream(BUNDLE_DIR + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** Source files, comments removed (a comment may quote French freely). */
    private static Map<Path, String> sources(Path dir) throws IOException {
        Map<Path, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                out.put(f, stripComments(Files.readString(f)));
            }
        }
        return out;
    }

    private static String stripComments(String src) {
        StringBuilder b = new StringBuilder(src.length());
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '"') {
                int j = i + 1;
                while (j < src.length() && src.charAt(j) != '"') j += src.charAt(j) == '\\' ? 2 : 1;
                b.append(src, i, Math.min(j + 1, src.length()));
                i = j + 1;
            } else if (c == '\'' && i + 2 < src.length()) {
                // A char literal is kept as a blank one: a quote character in it would start a false string.
                int j = src.indexOf('\'', i + (src.charAt(i + 1) == '\\' ? 3 : 2));
                b.append("' '");
                i = j + 1;
            } else if (src.startsWith("//", i)) {
                i = src.indexOf('\n', i);
                if (i < 0) break;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? src.length() : end + 2;
                b.append(' ');
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    private static int line(String src, int offset) {
        return (int) src.substring(0, offset).chars().filter(ch -> ch == '\n').count() + 1;
    }

    /** A literal a translator has nothing to do with: no letter, or an address the user edits. */
    private static boolean neutral(String literal) {
        return !literal.matches("(?s).*\\p{L}.*") || literal.matches("[a-z]+://.*");
    }

    @Test
    void viewsPassNoTextLiteralToWhatTheUserReads() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (var e : sources(MAIN.resolve("ui")).entrySet()) {
            if (e.getKey().toString().contains("/bench/")) continue; // a developer tool, leaving the product
            Matcher m = VISIBLE.matcher(e.getValue());
            while (m.find()) {
                String lit = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2)
                        : m.group(3) != null ? m.group(3) : m.group(4);
                if (!neutral(lit)) offenders.add(e.getKey().getFileName() + ":" + line(e.getValue(), m.start())
                        + " \"" + lit + "\"");
            }
        }
        assertTrue(offenders.isEmpty(), "texts to move into the bundles:\n" + String.join("\n", offenders));
    }

    /** Where the call starting at {@code open} (its '(') ends, skipping strings; the source's end if unbalanced. */
    private static int closing(String src, int open) {
        int depth = 0;
        for (int i = open; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '"') {
                i++;
                while (i < src.length() && src.charAt(i) != '"') i += src.charAt(i) == '\\' ? 2 : 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return src.length();
    }

    /**
     * The command line and the messages of the data, records and analysis layers speak the user's
     * language. The rule, by package:
     * <ul>
     * <li>cli: no string literal looking French (see {@link #FRENCH}) anywhere, except a word the user
     * types ({@code "défaut".equals(…)}, {@code case "…"}, an option's {@code defaultValue}) and a
     * value of the stable JSON output ({@code put("format", "…")});</li>
     * <li>io, records, analysis: no such literal inside the arguments of {@code new …Exception(…)},
     * {@code new …Error(…)} or a print call. Their other literals are data (file formats, the
     * vocabularies the records store in French, the words a parser recognises).</li>
     * </ul>
     */
    @Test
    void commandLineAndErrorMessagesCarryNoFrenchLiteral() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (var e : sources(MAIN.resolve("cli")).entrySet()) {
            String src = e.getValue();
            Matcher m = LITERAL.matcher(src);
            while (m.find()) {
                String before = src.substring(Math.max(0, m.start() - 24), m.start());
                if (FRENCH.matcher(m.group(1)).find() && !STABLE_WORD.matcher(before).find()) {
                    offenders.add(e.getKey().getFileName() + ":" + line(src, m.start()) + " \"" + m.group(1) + "\"");
                }
            }
        }
        for (String pkg : List.of("io", "records", "analysis")) {
            for (var e : sources(MAIN.resolve(pkg)).entrySet()) {
                String src = e.getValue();
                Matcher call = MESSAGE_CALL.matcher(src);
                while (call.find()) {
                    int end = closing(src, call.end() - 1);
                    Matcher m = LITERAL.matcher(src).region(call.end(), end);
                    while (m.find()) {
                        if (FRENCH.matcher(m.group(1)).find()) {
                            offenders.add(e.getKey().getFileName() + ":" + line(src, m.start()) + " \"" + m.group(1) + "\"");
                        }
                    }
                }
            }
        }
        assertTrue(offenders.isEmpty(), "French texts to move into the bundles:\n" + String.join("\n", offenders));
    }

    @Test
    void everyKeyTheCodeAsksForIsInBothLanguages() throws IOException {
        Properties fr = bundle("messages.properties");
        Properties en = bundle("messages_en.properties");
        Set<String> missing = new TreeSet<>();
        for (var e : sources(MAIN).entrySet()) {
            Matcher m = KEY_USE.matcher(e.getValue());
            while (m.find()) {
                String key = null;
                for (int g = 1; g <= m.groupCount() && key == null; g++) key = m.group(g);
                if (key.endsWith(".")) {
                    // A key built in code ("tool." + name): at least its family must be there.
                    String prefix = key;
                    if (fr.stringPropertyNames().stream().noneMatch(k -> k.startsWith(prefix))) missing.add("fr " + key + "*");
                    if (en.stringPropertyNames().stream().noneMatch(k -> k.startsWith(prefix))) missing.add("en " + key + "*");
                    continue;
                }
                if (!fr.containsKey(key)) missing.add("fr " + key + " (" + e.getKey().getFileName() + ")");
                if (!en.containsKey(key)) missing.add("en " + key + " (" + e.getKey().getFileName() + ")");
            }
        }
        assertTrue(missing.isEmpty(), "keys missing from the bundles:\n" + String.join("\n", missing));
    }

    @Test
    void noKeyInTheBundlesIsObsolete() throws IOException {
        Set<String> literals = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>(Set.of("label."));
        for (String src : sources(MAIN).values()) {
            Matcher m = LITERAL.matcher(src);
            while (m.find()) literals.add(m.group(1));
            Matcher bundleRef = BUNDLE_REF.matcher(src);
            while (bundleRef.find()) literals.add(bundleRef.group(1));
            Matcher p = KEY_PREFIX.matcher(src);
            while (p.find()) prefixes.add(p.group(1));
        }
        Set<String> obsolete = new TreeSet<>();
        for (String key : bundle("messages.properties").stringPropertyNames()) {
            if (literals.contains(key) || prefixes.stream().anyMatch(key::startsWith)) continue;
            obsolete.add(key);
        }
        assertTrue(obsolete.isEmpty(), "keys no code uses:\n" + String.join("\n", obsolete));
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties fr = bundle("messages.properties");
        Properties en = bundle("messages_en.properties");
        Set<String> onlyFr = new TreeSet<>(fr.stringPropertyNames());
        onlyFr.removeAll(en.stringPropertyNames());
        Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(fr.stringPropertyNames());
        assertTrue(onlyFr.isEmpty() && onlyEn.isEmpty(), "only in French: " + onlyFr + "\nonly in English: " + onlyEn);
        List<String> empty = new ArrayList<>();
        for (Properties p : List.of(fr, en)) {
            for (String k : p.stringPropertyNames()) if (p.getProperty(k).isBlank()) empty.add(k);
        }
        assertTrue(empty.isEmpty(), "empty texts: " + empty);
        assertTrue(fr.size() > 400, "the bundle holds " + fr.size() + " keys");
    }

    /** Closed vocabularies keep their French words (files and history store them) and have English ones. */
    @Test
    void vocabulariesReadInBothLanguages() {
        List<Class<? extends Enum<?>>> labelled = List.of(TrancheStatus.class, UrbanWorkStatus.class,
                UnescoStatus.class, Programme.class);
        List<String> wrong = new ArrayList<>();
        for (Class<? extends Enum<?>> type : labelled) {
            for (Enum<?> e : type.getEnumConstants()) {
                Localization.useLocale(Locale.FRENCH);
                String fr = Localization.label(e);
                if (!fr.equals(((Labelled) e).label())) wrong.add(e + ": " + fr + " ≠ " + ((Labelled) e).label());
                Localization.useLocale(Locale.ENGLISH);
                if (Localization.label(e).equals(fr) && fr.matches(".*[a-zé].*")) wrong.add(e + " untranslated: " + fr);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        Localization.useLocale(Locale.ENGLISH);
        assertEquals("Mining cités", HeritageRole.CITE.layerLabel());
        assertEquals("listed historic monument", MonumentStatus.CLASSE.label());
        for (HeritageRole r : HeritageRole.values()) assertTrue(!r.elementLabel().isBlank());
        assertEquals("Registered and listed sites (AC2 easement)", ProtectionReport.Kind.AC2.title());
        Localization.useLocale(Locale.FRENCH);
        assertEquals("Cités minières", HeritageRole.CITE.layerLabel());
        assertEquals("monument historique classé", MonumentStatus.CLASSE.label());
        for (ProtectionReport.Kind k : ProtectionReport.Kind.values()) assertTrue(!k.title().isBlank());
    }

    /** Texts with arguments go through MessageFormat: an apostrophe there must be doubled, or it swallows text. */
    @Test
    void patternsKeepTheirApostrophes() throws IOException {
        Localization.useLocale(Locale.FRENCH);
        assertEquals("NON — à 120 m de l'élément 81", Localization.get("report.property.no", "120 m", "élément 81"));
        Localization.useLocale(Locale.ENGLISH);
        assertEquals("NO — 120 m from component 81", Localization.get("report.property.no", "120 m", "component 81"));
    }
}
