package fr.bassinminier.atlas.print.layout;

import fr.bassinminier.atlas.print.PageFormat;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Text that flows down pages, as a report's body: paragraphs wrapped to the width, boxed
 * paragraphs, tables whose rows never split and whose header comes again on a new page, blocks
 * the caller draws (a map frame), a new page when the current one is full and a footer on every
 * page once their count is known. Laid out first (so that a report can be laid out again
 * smaller), drawn later by {@link PrintJob} on any page graphics. Points from the top-left
 * corner, y down; the cursor moves down.
 */
final class TextFlow {
    private static final Color RULE = new Color(0xB0, 0xAA, 0xA0);
    private static final Color HEADER = new Color(0xE8, 0xE4, 0xDC);

    /** A text style: font weight, size (points) and colour. */
    record Style(boolean bold, float size, Color color) {
        static final Style BODY = new Style(false, 9, Color.BLACK);

        Style withBold(boolean b) {
            return new Style(b, size, color);
        }

        Style withSize(float s) {
            return new Style(bold, s, color);
        }

        Style withColor(Color c) {
            return new Style(bold, size, c);
        }

        Font font() {
            return PrintLayout.font(bold, size);
        }
    }

    /**
     * Drawing on page {@code page} in page graphics of {@code unit} device units per point; returns
     * what the page shows when it is a map frame, else null.
     */
    @FunctionalInterface
    interface Block {
        PageFacts draw(Graphics2D g, double unit, int page);
    }

    private final PageFormat format;
    private final double margin;
    private final double footerHeight;
    private final List<List<Block>> pages = new ArrayList<>();
    private double y;
    /** The page blocks go to: the last one, but for footers. */
    private int current;

    TextFlow(PageFormat format, double margin, double footerHeight) {
        this.format = format;
        this.margin = margin;
        this.footerHeight = footerHeight;
        newPage();
    }

    double left() {
        return margin;
    }

    double width() {
        return format.width() - 2 * margin;
    }

    double y() {
        return y;
    }

    /** Room left above the footer. */
    double room() {
        return format.height() - margin - footerHeight - y;
    }

    int pageCount() {
        return pages.size();
    }

    void newPage() {
        pages.add(new ArrayList<>());
        current = pages.size() - 1;
        y = margin;
    }

    /** Starts a new page unless {@code height} points still fit. */
    void ensure(double height) {
        if (room() < height) newPage();
    }

    /** Moves the cursor down: a space, or below a block drawn by the caller. */
    void space(double points) {
        y += points;
    }

    void draw(Block b) {
        pages.get(current).add(b);
    }

    /** Drawing that says nothing of its page. */
    private void paint(java.util.function.BiConsumer<Graphics2D, Double> b) {
        draw((g, unit, n) -> {
            b.accept(g, unit);
            return null;
        });
    }

    double lineHeight(Style st) {
        return st.size() * 1.28;
    }

    /** Words wrapped to the width (French hyphenation of a word longer than the width). */
    List<String> wrap(String text, Style st, double width) {
        return Words.wrap(printable(text, st.font()), st.font(), width);
    }

    /**
     * The text with what the font cannot show replaced by "?" (and tabs by spaces), so that one
     * odd character in an attribute (an emoji, a private-use glyph) stays a character of text.
     */
    private static String printable(String text, Font f) {
        if (text == null) return "";
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\r' || cp == '\t') b.append(' ');
            else if (cp == '\n' || f.canDisplay(cp)) b.appendCodePoint(cp);
            else b.append('?');
        });
        return b.toString();
    }

    /** Text at a position, no wrapping, no cursor move. */
    void text(String s, double x, double baseline, Style st) {
        String t = printable(s, st.font()).replace('\n', ' ');
        paint((g, unit) -> PrintLayout.text(g, unit, t, x, baseline, st.font(), st.color(), 0));
    }

    /** A rectangle filled and/or outlined (null for neither), in points. */
    void rect(double x, double top, double w, double h, Color fill, Color border, double lineWidth) {
        paint((g, unit) -> {
            Rectangle2D r = new Rectangle2D.Double(x * unit, top * unit, w * unit, h * unit);
            if (fill != null) {
                g.setColor(fill);
                g.fill(r);
            }
            if (border != null) {
                g.setColor(border);
                g.setStroke(new BasicStroke((float) (lineWidth * unit)));
                g.draw(r);
            }
        });
    }

    /** A wrapped paragraph at the cursor, indented; lines that do not fit go on a new page. */
    void paragraph(String text, Style st, double indent) {
        double lh = lineHeight(st);
        for (String line : wrap(text, st, width() - indent)) {
            ensure(lh);
            y += lh;
            text(line, margin + indent, y - lh * 0.25, st);
        }
    }

    /** A paragraph in a filled box (a warning, the answer). */
    void boxed(String text, Style st, Color fill, Color border) {
        double pad = 5;
        List<String> lines = wrap(text, st, width() - 2 * pad);
        double lh = lineHeight(st);
        double h = lines.size() * lh + 2 * pad;
        ensure(h);
        rect(margin, y, width(), h, fill, border, 0.8);
        double yy = y + pad;
        for (String line : lines) {
            yy += lh;
            text(line, margin + pad, yy - lh * 0.25, st);
        }
        y += h;
    }

    /**
     * A table: column widths in points, one header row (bold, shaded; null for none) then rows;
     * cells wrap, a row never splits across pages and the header is repeated on a new page.
     */
    void table(double[] widths, String[] header, List<String[]> rows, Style st) {
        double pad = 2.5;
        Style head = st.withBold(true);
        if (header != null) ensure(rowHeight(widths, header, head, pad) + rowHeight(widths,
                rows.isEmpty() ? header : rows.get(0), st, pad));
        if (header != null) row(widths, header, head, pad, HEADER);
        for (String[] r : rows) {
            if (room() < rowHeight(widths, r, st, pad)) {
                newPage();
                if (header != null) row(widths, header, head, pad, HEADER);
            }
            row(widths, r, st, pad, null);
        }
    }

    private double rowHeight(double[] widths, String[] cells, Style st, double pad) {
        int lines = 1;
        for (int i = 0; i < cells.length; i++) lines = Math.max(lines, wrap(cells[i] == null ? "" : cells[i], st,
                widths[i] - 2 * pad).size());
        return lines * lineHeight(st) + 2 * pad;
    }

    private void row(double[] widths, String[] cells, Style st, double pad, Color fill) {
        double h = rowHeight(widths, cells, st, pad);
        double lh = lineHeight(st);
        double total = 0;
        for (double w : widths) total += w;
        if (fill != null) rect(margin, y, total, h, fill, null, 0);
        line(margin, y + h, margin + total);
        double x = margin;
        for (int i = 0; i < cells.length; i++) {
            double yy = y + pad;
            for (String line : wrap(cells[i] == null ? "" : cells[i], st, widths[i] - 2 * pad)) {
                yy += lh;
                text(line, x + pad, yy - lh * 0.25, st);
            }
            x += widths[i];
        }
        y += h;
    }

    /** A thin horizontal rule. */
    private void line(double x0, double at, double x1) {
        paint((g, unit) -> {
            g.setColor(RULE);
            g.setStroke(new BasicStroke((float) (0.4 * unit)));
            g.draw(new Line2D.Double(x0 * unit, at * unit, x1 * unit, at * unit));
        });
    }

    /** The footer of every page, once all pages exist: {@code footer.apply(pageNumber)} gives its text. */
    void footers(IntFunction<String> footer, Style st) {
        double top = format.height() - margin - footerHeight + 4;
        int last = current;
        for (current = 0; current < pages.size(); current++) {
            line(margin, top, format.width() - margin);
            text(footer.apply(current + 1), margin, top + st.size() * 1.3, st);
        }
        current = last;
    }

    /**
     * The laid-out pages as a document: each page white, its blocks drawn in order; a page's facts
     * are those its map frame gave, else the page's size.
     */
    PrintDocument document(String title, String author, String subject) {
        List<List<Block>> all = List.copyOf(pages);
        return new PrintDocument(format, title, author, subject, drawn -> {
            if (drawn.size() >= all.size()) return null;
            int n = drawn.size() + 1;
            return (g, unit) -> {
                PageFacts facts = new PageFacts(n, title, format.width(), format.height(), new double[4],
                        new double[4], 0, 0, List.of(), List.of(), false);
                g.setColor(Color.WHITE);
                g.fill(new Rectangle2D.Double(0, 0, format.width() * unit, format.height() * unit));
                for (Block b : all.get(n - 1)) {
                    PageFacts f = b.draw(g, unit, n);
                    if (f != null) facts = f;
                }
                return facts;
            };
        });
    }
}
