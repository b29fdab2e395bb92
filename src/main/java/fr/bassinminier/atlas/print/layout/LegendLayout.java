package fr.bassinminier.atlas.print.layout;

import fr.bassinminier.atlas.model.style.Rule;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a print legend out in a box: in as many columns as the box's width allows, its text
 * stepped down from the page's body size to a floor (never smaller), layers kept whole where
 * possible and a heading never left alone at the foot of a column. What does not fit is counted,
 * never dropped without a word: the caller names it on the page and in the print's facts.
 * Sizes are in points; {@code s} is the page's furniture factor.
 */
final class LegendLayout {
    /** Text sizes tried, relative to the page's body size: the last is the floor. */
    static final double[] STEPS = {1, 0.92, 0.85, 0.78};
    /** The smallest relative text size on a map page: 5.9 pt on A4. */
    static final double FLOOR = STEPS[STEPS.length - 1];
    /** Body text size of the legend on A4, in points (times the furniture factor). */
    static final double BODY = 7.5;
    /** Narrowest legend column, in points (times the furniture factor): a class label wraps in two lines at most. */
    static final double MIN_COLUMN = 125;

    /** One line of the legend: a layer's heading, one of its classes, or a one-class layer on one line. */
    enum Kind { HEADING, CLASS, INLINE }

    record Row(PrintLayout.LayerLegend layer, Rule rule, Kind kind) {
        String layerTitle() {
            String t = layer.layer().entry().title();
            return t == null ? layer.layer().entry().id() : t;
        }
    }

    /** A row placed: its column and top in points from the box's top. */
    record Placed(Row row, int column, double top) {
    }

    /**
     * A layout.
     *
     * @param q        text size relative to the body size
     * @param columns  column count
     * @param missing  titles of the layers not shown whole (empty when the legend is complete)
     */
    record Fit(double q, int columns, double columnWidth, double gap, List<Placed> placed, List<String> missing,
               double height) {
        boolean complete() {
            return missing.isEmpty();
        }
    }

    private LegendLayout() {
    }

    /** The rows of a legend, in its order. */
    static List<Row> rows(List<PrintLayout.LayerLegend> legend) {
        List<Row> rows = new ArrayList<>();
        for (PrintLayout.LayerLegend l : legend) {
            boolean single = l.rules().size() == 1;
            String only = single ? l.rules().get(0).legendLabel() : null;
            if (single && (only == null || only.isBlank())) {
                rows.add(new Row(l, l.rules().get(0), Kind.INLINE));
                continue;
            }
            rows.add(new Row(l, null, Kind.HEADING));
            for (Rule r : l.rules()) rows.add(new Row(l, r, Kind.CLASS));
        }
        return rows;
    }

    /**
     * The best layout of the legend in a box: the largest text size (down to the floor) at which
     * everything fits, with the fewest columns; when nothing fits at the floor, the floor layout
     * with as many rows as fit (and a line reserved to say so).
     *
     * @param minQ smallest relative size allowed (the floor of {@link #STEPS}, or smaller on a legend page)
     */
    static Fit fit(List<PrintLayout.LayerLegend> legend, double width, double height, double s, double minQ) {
        List<Double> steps = new ArrayList<>();
        for (double q : STEPS) if (q >= minQ) steps.add(q);
        // Below the map page's floor (a legend page), keep stepping down by the same ratio.
        while (steps.get(steps.size() - 1) * 0.9 >= minQ) steps.add(steps.get(steps.size() - 1) * 0.9);
        Fit f = null;
        for (double q : steps) {
            f = fitAt(legend, width, height, s, q);
            if (f.complete()) return f;
        }
        return f;
    }

    /** The layout at one text size: the fewest columns that hold everything, else the one that holds most. */
    static Fit fitAt(List<PrintLayout.LayerLegend> legend, double width, double height, double s, double q) {
        List<Row> rows = rows(legend);
        double gap = 10 * s * q;
        int maxCols = Math.max(1, (int) Math.floor((width + gap) / (MIN_COLUMN * s * q + gap)));
        Fit best = null;
        for (int cols = 1; cols <= maxCols; cols++) {
            double cw = (width - (cols - 1) * gap) / cols;
            Fit f = pack(rows, cols, cw, gap, height, s, q);
            if (f.complete()) return f;
            if (best == null || f.placed().size() > best.placed().size()) best = f;
        }
        return best;
    }

    /** Rows laid into columns top to bottom; stops at the first row that finds no room. */
    static Fit pack(List<Row> rows, int cols, double cw, double gap, double height, double s, double q) {
        List<Placed> placed = new ArrayList<>();
        int col = 0;
        double y = 0;
        double used = 0;
        int i = 0;
        boolean reserve = false;
        while (i < rows.size()) {
            Row r = rows.get(i);
            double h = height(r, cw, s, q);
            // A heading goes with its first class.
            double need = r.kind() == Kind.HEADING && i + 1 < rows.size() ? h + height(rows.get(i + 1), cw, s, q) : h;
            double limit = height - (reserve ? lineHeight(s, q) : 0);
            if (y + need > limit) {
                if (y > 0 && col + 1 < cols) {
                    col++;
                    y = 0;
                    continue;
                }
                if (!reserve) {
                    // Not everything fits: start again with a line kept free to say so.
                    reserve = true;
                    placed.clear();
                    col = 0;
                    y = 0;
                    used = 0;
                    i = 0;
                    continue;
                }
                break;
            }
            placed.add(new Placed(r, col, y));
            y += h + (i + 1 < rows.size() && rows.get(i + 1).layer() != r.layer() ? 3 * s * q : 0);
            used = Math.max(used, y);
            i++;
        }
        List<String> missing = new ArrayList<>();
        java.util.Set<PrintLayout.LayerLegend> whole = new java.util.HashSet<>();
        java.util.Map<PrintLayout.LayerLegend, Integer> count = new java.util.HashMap<>();
        for (Placed p : placed) count.merge(p.row().layer(), 1, Integer::sum);
        java.util.Map<PrintLayout.LayerLegend, Integer> total = new java.util.HashMap<>();
        for (Row r : rows) total.merge(r.layer(), 1, Integer::sum);
        for (Row r : rows) {
            if (whole.contains(r.layer())) continue;
            if (count.getOrDefault(r.layer(), 0).equals(total.get(r.layer()))) {
                whole.add(r.layer());
            } else if (!missing.contains(r.layerTitle())) {
                missing.add(r.layerTitle());
            }
        }
        return new Fit(q, cols, cw, gap, List.copyOf(placed), List.copyOf(missing), used);
    }

    static double body(double s, double q) {
        return BODY * s * q;
    }

    static double lineHeight(double s, double q) {
        return body(s, q) * 1.3;
    }

    /** Height of a row in a column of width {@code cw}, with the space below it. */
    static double height(Row r, double cw, double s, double q) {
        double lh = lineHeight(s, q);
        double sw = 16 * s * q;
        double sh = 10 * s * q;
        double row = Math.max(sh + 3 * s * q, lh);
        Font bold = PrintLayout.font(true, body(s, q));
        Font regular = PrintLayout.font(false, body(s, q));
        return switch (r.kind()) {
            case INLINE -> Math.max(row, Words.wrap(r.layerTitle(), bold, cw - sw - 5 * s * q).size() * lh) + 2 * s * q;
            case HEADING -> Words.wrap(r.layerTitle(), bold, cw).size() * lh + 2 * s * q;
            case CLASS -> Math.max(row, Words.wrap(r.rule().legendLabel(), regular, cw - sw - 9 * s * q).size() * lh
                    + 2 * s * q);
        };
    }

    /** Draws a layout with its top-left corner at (x, y) points; returns the items drawn. */
    static List<PageFacts.LegendItem> draw(Graphics2D g, double unit, Fit fit, double x, double y, double s, double k,
                                           Color ink) {
        double q = fit.q();
        double bodySize = body(s, q);
        Font bold = PrintLayout.font(true, bodySize);
        Font regular = PrintLayout.font(false, bodySize);
        double lh = lineHeight(s, q);
        double sw = 16 * s * q;
        double sh = 10 * s * q;
        List<PageFacts.LegendItem> items = new ArrayList<>();
        for (Placed p : fit.placed()) {
            double cx = x + p.column() * (fit.columnWidth() + fit.gap());
            double cy = y + p.top();
            double cw = fit.columnWidth();
            Row r = p.row();
            switch (r.kind()) {
                case INLINE -> {
                    PrintLayout.swatch(g, unit, r.rule(), cx, cy + 2 * s * q, sw, sh, k);
                    double ty = cy;
                    for (String line : Words.wrap(r.layerTitle(), bold, cw - sw - 5 * s * q)) {
                        ty += lh;
                        PrintLayout.text(g, unit, line, cx + sw + 5 * s * q, ty - bodySize * 0.25, bold, ink, cw);
                    }
                    items.add(new PageFacts.LegendItem(r.layerTitle(), ""));
                }
                case HEADING -> {
                    double ty = cy;
                    for (String line : Words.wrap(r.layerTitle(), bold, cw)) {
                        ty += lh;
                        PrintLayout.text(g, unit, line, cx, ty - bodySize * 0.25, bold, ink, cw);
                    }
                }
                case CLASS -> {
                    PrintLayout.swatch(g, unit, r.rule(), cx + 4 * s * q, cy, sw, sh, k);
                    double ty = cy;
                    for (String line : Words.wrap(r.rule().legendLabel(), regular, cw - sw - 9 * s * q)) {
                        ty += lh;
                        PrintLayout.text(g, unit, line, cx + sw + 9 * s * q, ty - bodySize * 0.25, regular, ink, cw);
                    }
                    items.add(new PageFacts.LegendItem(r.layerTitle(), r.rule().legendLabel()));
                }
            }
        }
        return items;
    }
}
