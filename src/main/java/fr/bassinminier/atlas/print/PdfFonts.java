package fr.bassinminier.atlas.print;

import de.rototor.pdfbox.graphics2d.IPdfBoxGraphics2DFontTextDrawer;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Font;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
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
}
