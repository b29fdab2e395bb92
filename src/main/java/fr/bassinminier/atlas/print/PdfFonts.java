package fr.bassinminier.atlas.print;

import de.rototor.pdfbox.graphics2d.IPdfBoxGraphics2DFontTextDrawer;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Font;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts of every PDF the program writes: DejaVu Sans, shipped in the jar (see the LICENSE
 * beside it) so that a print looks the same on every machine, embedded as a subset so that
 * French text stays selectable, searchable text with its accents. The map's Java2D text goes
 * through {@link #textDrawer} so that labels drawn by the renderer become PDF text too.
 */
public final class PdfFonts {
    private static final String DIR = "/fr/bassinminier/atlas/print/fonts/";
    /** Which code points each font (by name: the same file in every document) can show. */
    private static final Map<String, Map<Integer, Boolean>> GLYPHS = new ConcurrentHashMap<>();

    /** The two weights used, loaded into one document. */
    public record Fonts(PDType0Font regular, PDType0Font bold) {
        public PDType0Font of(boolean isBold) {
            return isBold ? bold : regular;
        }
    }

    private PdfFonts() {
    }

    /** Loads the fonts into the document (embedded subsets, written when the document is saved). */
    public static Fonts load(PDDocument doc) throws IOException {
        return new Fonts(font(doc, "DejaVuSans.ttf"), font(doc, "DejaVuSans-Bold.ttf"));
    }

    private static PDType0Font font(PDDocument doc, String file) throws IOException {
        try (InputStream in = PdfFonts.class.getResourceAsStream(DIR + file)) {
            if (in == null) throw new IOException("police " + file + " absente du programme");
            return PDType0Font.load(doc, in, true);
        }
    }

    /**
     * Maps every AWT font the renderer asks for (SansSerif plain or bold, any size) to DejaVu,
     * so that map labels are text in the PDF rather than outlines.
     */
    public static IPdfBoxGraphics2DFontTextDrawer textDrawer(Fonts fonts) {
        return new PdfBoxGraphics2DFontTextDrawer() {
            @Override
            protected PDFont mapFont(Font font, IFontTextDrawerEnv env) {
                // A font loaded from a file (DejaVu Sans Bold) is "plain" to AWT: its name says bold.
                return fonts.of(font.isBold() || font.getFontName(Locale.ROOT).toLowerCase(Locale.ROOT).contains("bold"));
            }
        };
    }

    /**
     * The text with characters the font cannot show replaced by "?", so that one odd character
     * in an attribute (an emoji, a private-use glyph) never stops a report.
     */
    public static String printable(PDFont font, String text) {
        if (text == null) return "";
        Map<Integer, Boolean> cache = GLYPHS.computeIfAbsent(font.getName(), f -> new ConcurrentHashMap<>());
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                b.append(' ');
                return;
            }
            boolean ok = cache.computeIfAbsent(cp, c -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            if (ok) b.appendCodePoint(cp);
            else b.append('?');
        });
        return b.toString();
    }
}
