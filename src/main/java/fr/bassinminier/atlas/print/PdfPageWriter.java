package fr.bassinminier.atlas.print;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Flowing text on PDF pages: paragraphs wrapped to the width, simple tables, a new page when the
 * current one is full, and a footer on every page once the page count is known. Coordinates are
 * PDF points, origin bottom-left; the cursor moves down.
 */
public final class PdfPageWriter implements AutoCloseable {
    private final PDDocument doc;
    private final PdfFonts.Fonts fonts;
    private final PageFormat format;
    private final float margin;
    private final float footerHeight;
    private PDPage page;
    private PDPageContentStream cs;
    private float y;

    /** A text style: font weight, size and colour. */
    public record Style(boolean bold, float size, Color color) {
        public static final Style BODY = new Style(false, 9, Color.BLACK);

        public Style withBold(boolean b) {
            return new Style(b, size, color);
        }

        public Style withSize(float s) {
            return new Style(bold, s, color);
        }

        public Style withColor(Color c) {
            return new Style(bold, size, c);
        }
    }

    public PdfPageWriter(PDDocument doc, PdfFonts.Fonts fonts, PageFormat format, float margin, float footerHeight)
            throws IOException {
        this.doc = doc;
        this.fonts = fonts;
        this.format = format;
        this.margin = margin;
        this.footerHeight = footerHeight;
        newPage();
    }

    public PDDocument document() {
        return doc;
    }

    public PdfFonts.Fonts fonts() {
        return fonts;
    }

    public PDPageContentStream stream() {
        return cs;
    }

    public float y() {
        return y;
    }

    public float left() {
        return margin;
    }

    public float width() {
        return format.width() - 2 * margin;
    }

    /** Room left above the footer. */
    public float room() {
        return y - margin - footerHeight;
    }

    public int pageCount() {
        return doc.getNumberOfPages();
    }

    public void newPage() throws IOException {
        if (cs != null) cs.close();
        page = new PDPage(format.rectangle());
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = format.height() - margin;
    }

    /** Starts a new page unless {@code height} points still fit. */
    public void ensure(float height) throws IOException {
        if (room() < height) newPage();
    }

    public void space(float points) {
        y -= points;
    }

    /** Moves the cursor below a block drawn by the caller (a map, a box). */
    public void skip(float height) {
        y -= height;
    }

    public float textWidth(String s, Style st) throws IOException {
        PDFont f = fonts.of(st.bold());
        return f.getStringWidth(PdfFonts.printable(f, s)) / 1000 * st.size();
    }

    public float lineHeight(Style st) {
        return st.size() * 1.28f;
    }

    /** Words wrapped to the width (a word longer than the width is cut). */
    public List<String> wrap(String text, Style st, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\n", -1)) {
            String para = PdfFonts.printable(fonts.of(st.bold()), raw);
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (textWidth(candidate, st) <= width || line.length() == 0 && textWidth(word, st) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) lines.add(line.toString());
                line.setLength(0);
                String w = word;
                while (textWidth(w, st) > width && w.length() > 1) {
                    int cut = w.length() - 1;
                    while (cut > 1 && textWidth(w.substring(0, cut), st) > width) cut--;
                    // A French break point before the cut, with its hyphen; a bare cut only when none fits.
                    int h = hyphenPoint(w, cut);
                    while (h > 0 && textWidth(w.substring(0, h) + (isBreakChar(w.charAt(h - 1)) ? "" : "-"), st)
                            > width) {
                        h = hyphenPoint(w, h - 1);
                    }
                    if (h > 0) {
                        lines.add(w.substring(0, h) + (isBreakChar(w.charAt(h - 1)) ? "" : "-"));
                        w = w.substring(h);
                    } else {
                        lines.add(w.substring(0, cut));
                        w = w.substring(cut);
                    }
                }
                line.append(w);
            }
            lines.add(line.toString());
        }
        return lines;
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
    static int hyphenPoint(String w, int max) {
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

    /** Text at a position, no wrapping, no cursor move. */
    public void text(String s, float x, float baseline, Style st) throws IOException {
        PDFont f = fonts.of(st.bold());
        cs.beginText();
        cs.setFont(f, st.size());
        cs.setNonStrokingColor(st.color());
        cs.newLineAtOffset(x, baseline);
        cs.showText(PdfFonts.printable(f, s));
        cs.endText();
    }

    /** A wrapped paragraph at the cursor, indented; lines that do not fit go on a new page. */
    public void paragraph(String text, Style st, float indent) throws IOException {
        float lh = lineHeight(st);
        for (String line : wrap(text, st, width() - indent)) {
            ensure(lh);
            y -= lh;
            text(line, margin + indent, y + lh * 0.25f, st);
        }
    }

    /** A paragraph in a filled box (a warning, the answer). */
    public void boxed(String text, Style st, Color fill, Color border) throws IOException {
        float pad = 5;
        List<String> lines = wrap(text, st, width() - 2 * pad);
        float lh = lineHeight(st);
        float h = lines.size() * lh + 2 * pad;
        ensure(h);
        cs.saveGraphicsState();
        cs.setNonStrokingColor(fill);
        cs.setStrokingColor(border);
        cs.setLineWidth(0.8f);
        cs.addRect(margin, y - h, width(), h);
        cs.fillAndStroke();
        cs.restoreGraphicsState();
        float yy = y - pad;
        for (String line : lines) {
            yy -= lh;
            text(line, margin + pad, yy + lh * 0.25f, st);
        }
        y -= h;
    }

    /**
     * A table: column widths in points, one header row (bold, shaded) then rows; cells wrap, a
     * row never splits across pages and the header is repeated on a new page.
     */
    public void table(float[] widths, String[] header, List<String[]> rows, Style st) throws IOException {
        float pad = 2.5f;
        float lh = lineHeight(st);
        Style head = st.withBold(true);
        if (header != null) ensure(rowHeight(widths, header, head, pad, lh) + rowHeight(widths,
                rows.isEmpty() ? header : rows.get(0), st, pad, lh));
        if (header != null) row(widths, header, head, pad, lh, new Color(0xE8, 0xE4, 0xDC));
        for (String[] r : rows) {
            float h = rowHeight(widths, r, st, pad, lh);
            if (room() < h) {
                newPage();
                if (header != null) row(widths, header, head, pad, lh, new Color(0xE8, 0xE4, 0xDC));
            }
            row(widths, r, st, pad, lh, null);
        }
    }

    private float rowHeight(float[] widths, String[] cells, Style st, float pad, float lh) throws IOException {
        int lines = 1;
        for (int i = 0; i < cells.length; i++) lines = Math.max(lines, wrap(cells[i] == null ? "" : cells[i], st,
                widths[i] - 2 * pad).size());
        return lines * lh + 2 * pad;
    }

    private void row(float[] widths, String[] cells, Style st, float pad, float lh, Color fill) throws IOException {
        float h = rowHeight(widths, cells, st, pad, lh);
        float x = margin;
        cs.saveGraphicsState();
        if (fill != null) {
            cs.setNonStrokingColor(fill);
            cs.addRect(margin, y - h, sum(widths), h);
            cs.fill();
        }
        cs.setStrokingColor(new Color(0xB0, 0xAA, 0xA0));
        cs.setLineWidth(0.4f);
        cs.moveTo(margin, y - h);
        cs.lineTo(margin + sum(widths), y - h);
        cs.stroke();
        cs.restoreGraphicsState();
        for (int i = 0; i < cells.length; i++) {
            float yy = y - pad;
            for (String line : wrap(cells[i] == null ? "" : cells[i], st, widths[i] - 2 * pad)) {
                yy -= lh;
                text(line, x + pad, yy + lh * 0.25f, st);
            }
            x += widths[i];
        }
        y -= h;
    }

    private static float sum(float[] a) {
        float s = 0;
        for (float v : a) s += v;
        return s;
    }

    /** Writes the footer of every page, once all pages exist: {@code footer.apply(pageNumber)} gives its text. */
    public void footers(IntFunction<String> footer, Style st) throws IOException {
        cs.close();
        cs = null;
        int n = doc.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            PDPage p = doc.getPage(i);
            try (PDPageContentStream s = new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND, true,
                    true)) {
                PDFont f = fonts.of(st.bold());
                String text = PdfFonts.printable(f, footer.apply(i + 1));
                PDRectangle box = p.getMediaBox();
                s.setStrokingColor(new Color(0xB0, 0xAA, 0xA0));
                s.setLineWidth(0.4f);
                s.moveTo(margin, margin + footerHeight - 4);
                s.lineTo(box.getWidth() - margin, margin + footerHeight - 4);
                s.stroke();
                s.beginText();
                s.setFont(f, st.size());
                s.setNonStrokingColor(st.color());
                s.newLineAtOffset(margin, margin + footerHeight - 4 - st.size() * 1.3f);
                s.showText(text);
                s.endText();
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
    }

    /** The current page (to draw maps and boxes on). */
    public PDPage page() {
        return page;
    }
}
