package fr.bassinminier.atlas.print.layout;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.analysis.Measure;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.PrintTemplate;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.model.style.Rule;
import fr.bassinminier.atlas.model.style.Style;
import fr.bassinminier.atlas.model.style.Symbolizer;
import fr.bassinminier.atlas.model.style.TextSymbolizer;
import fr.bassinminier.atlas.print.NorthArrow;
import fr.bassinminier.atlas.print.PageFormat;
import fr.bassinminier.atlas.render.LegendSwatch;
import fr.bassinminier.atlas.render.ImageRenderer;
import fr.bassinminier.atlas.render.MapRenderer;
import fr.bassinminier.atlas.render.RenderRequest;
import fr.bassinminier.atlas.render.TileProvider;
import fr.bassinminier.atlas.render.Viewport;
import fr.bassinminier.atlas.style.sld.Styles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Collator;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A print layout: a map frame at an exact scale, title, subtitle, free text, a legend of the
 * classes that appear in the frame, scale bar and numeric scale, grid-north arrow with the
 * meridian convergence, sources, date, author, logo, an overview of the basin and the
 * "Données indicatives" mark. Drawn on any Graphics2D whose units are {@code unit} per point,
 * y down: PDFBox's (vector PDF) or a BufferedImage's (PNG), with the screen's renderer.
 */
public final class PrintLayout {
    /** Points per 96 dpi screen pixel: a 1 px line prints 0.26 mm as it looks on screen. */
    private static final double POINTS_PER_SCREEN_PIXEL = 72.0 / 96;
    private static final Color INK = new Color(0x1e, 0x1e, 0x1e);
    private static final Color GREY = new Color(0x55, 0x55, 0x55);
    private static final Color WARNING = new Color(0x8a, 0x2b, 0x1f);
    private static Font regular;
    private static Font bold;

    /**
     * What to print.
     *
     * @param center      map centre (Lambert-93), or null
     * @param extent      ground to fit in the frame, or null (the project's initial view)
     * @param seriesLayer id (or title) of a layer: one page per feature; null for one page
     * @param roundScale  whether a scale fitted to the extent is rounded up to a usual one (1:25 000…),
     *                    or kept exact so that the extent fills the frame (the default)
     * @param basemap     background tiles under the map, fetched for the print's scale; null for none
     * @param legendPage  whether a legend that does not fit the map page is printed whole on a page of its own
     */
    public record Request(PrintTemplate template, double[] center, Envelope extent, String seriesLayer,
                          boolean roundScale, TileProvider basemap, boolean legendPage) {
        public Request(PrintTemplate template, double[] center, Envelope extent, String seriesLayer) {
            this(template, center, extent, seriesLayer, false, null, false);
        }

        public Request(PrintTemplate template, double[] center, Envelope extent, String seriesLayer,
                       boolean roundScale) {
            this(template, center, extent, seriesLayer, roundScale, null, false);
        }

        /** The same request over a background map (its tiles fetched for the print's scale). */
        public Request withBasemap(TileProvider tiles) {
            return new Request(template, center, extent, seriesLayer, roundScale, tiles, legendPage);
        }

        /** The same request with (or without) a page of its own for a legend that does not fit. */
        public Request withLegendPage(boolean on) {
            return new Request(template, center, extent, seriesLayer, roundScale, basemap, on);
        }
    }

    /** One page to draw: its title and subtitle, map centre and scale, and the feature a series page is about. */
    /**
     * @param fitHeight ground height (metres) the frame must show when the scale was fitted to an
     *                  extent, 0 otherwise: a frame taller than that may shrink to make room for the legend
     */
    public record Page(String title, String subtitle, double cx, double cy, double scale, Geometry highlight,
                       double fitHeight) {
        public Page(String title, String subtitle, double cx, double cy, double scale, Geometry highlight) {
            this(title, subtitle, cx, cy, scale, highlight, 0);
        }
    }

    private PrintLayout() {
    }

    /** The page format of a template. */
    public static PageFormat format(PrintTemplate t) {
        return PaperSize.of(t.page(), t.landscape());
    }

    /** The pages a request prints: one, or one per feature of the series layer. */
    public static List<Page> plan(LoadedProject project, Request r) {
        PrintTemplate t = r.template();
        PageFormat f = format(t);
        Rectangle2D frame = frame(f, t, t.subtitle() != null || r.seriesLayer() != null);
        List<Page> pages = new ArrayList<>();
        if (r.seriesLayer() != null) {
            ProjectLayer pl = project.layers().stream()
                    .filter(l -> l.entry().id().equals(r.seriesLayer()) || r.seriesLayer().equals(l.entry().title()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException(Localization.text("print.error.seriesMissing", r.seriesLayer())));
            if (!pl.isLoaded()) throw new IllegalArgumentException(Localization.text("print.error.seriesUnreadable", r.seriesLayer(), pl.error()));
            String field = labelField(pl);
            List<Feature> features = new ArrayList<>(pl.data().features());
            Collator c = Collator.getInstance(Locale.FRENCH);
            features.sort(Comparator.comparing((Feature ft) -> name(ft, field), c));
            for (Feature ft : features) {
                if (ft.geometry() == null || ft.geometry().isEmpty()) continue;
                Envelope e = new Envelope(ft.geometry().getEnvelopeInternal());
                e.expandBy(Math.max(100, 0.15 * Math.max(e.getWidth(), e.getHeight())));
                double scale = t.scale() > 0 ? t.scale() : fitScale(e, frame, r.roundScale());
                pages.add(new Page(name(ft, field), t.title(), e.centre().x, e.centre().y, scale, ft.geometry(),
                        t.scale() > 0 ? 0 : e.getHeight()));
            }
            if (pages.isEmpty()) throw new IllegalArgumentException(Localization.text("print.error.seriesEmpty", r.seriesLayer()));
            return pages;
        }
        Envelope view = r.extent() != null ? r.extent() : project.initialExtent();
        if (view == null) view = project.fullExtent();
        if (view == null || view.isNull()) view = new Envelope(650_000, 760_000, 7_000_000, 7_070_000);
        double scale = t.scale() > 0 ? t.scale() : fitScale(view, frame, r.roundScale());
        double cx = r.center() != null ? r.center()[0] : view.centre().x;
        double cy = r.center() != null ? r.center()[1] : view.centre().y;
        pages.add(new Page(t.title(), t.subtitle(), cx, cy, scale, null,
                t.scale() > 0 || r.center() != null ? 0 : view.getHeight()));
        return pages;
    }

    /**
     * A request as a document for {@link PrintJob}: its map pages in order, each followed by a page
     * of legend when asked for and its legend did not fit.
     */
    public static PrintDocument document(LoadedProject project, Request r) {
        PrintTemplate t = r.template();
        List<Page> pages = plan(project, r);
        String title = pages.get(0).title() == null ? "Carte" : pages.get(0).title();
        return new PrintDocument(format(t), title, t.author(), project.project().title(), drawn -> {
            int maps = (int) drawn.stream().filter(p -> !p.legendPage()).count();
            PageFacts last = drawn.isEmpty() ? null : drawn.get(drawn.size() - 1);
            int number = drawn.size() + 1;
            if (last != null && r.legendPage() && !last.legendPage() && !last.legendMissing().isEmpty()) {
                Page p = pages.get(maps - 1);
                return (g, unit) -> drawLegendPage(g, unit, project, t, p, last, number);
            }
            if (maps == pages.size()) return null;
            Page p = pages.get(maps);
            return (g, unit) -> draw(g, unit, project, t, p, number, r.basemap(), r.legendPage());
        });
    }

    private static double fitScale(Envelope e, Rectangle2D frame, boolean round) {
        return round ? MapFrame.fitScale(e, frame.getWidth(), frame.getHeight())
                : MapFrame.exactScale(e, frame.getWidth(), frame.getHeight());
    }

    private static String labelField(ProjectLayer pl) {
        LayerEntry e = pl.entry();
        if (e.label() != null && e.label().field() != null && pl.data().schema().indexOf(e.label().field()) >= 0) {
            return e.label().field();
        }
        for (String f : List.of("nom", "name", "libelle", "NOM", "nom_com")) {
            if (pl.data().schema().indexOf(f) >= 0) return f;
        }
        return null;
    }

    private static String name(Feature f, String field) {
        String s = field == null ? null : f.text(field);
        return s == null || s.isBlank() ? "Objet " + f.id() : s;
    }

    /**
     * Size factor of the page furniture: 1 on A4, growing a little more slowly than the page so that
     * an A0 poster reads at 2 m (3.25: legend text 24 pt, title 58 pt) and a larger page leaves more
     * room for a long legend.
     */
    static double furniture(PageFormat f) {
        return Math.pow(Math.min(f.width(), f.height()) / 595.28, 0.85);
    }

    /**
     * How much larger the map's symbols, line widths and labels are drawn than on a screen at the
     * same scale: the furniture's factor (×1 on A4, ×3.25 on A0), so that a poster's map reads from
     * as far as its legend. The scale, hence the rules chosen, does not change.
     */
    static double mapMagnification(PageFormat f) {
        return furniture(f);
    }

    private static double headerHeight(PageFormat f, boolean subtitle) {
        double s = furniture(f);
        return s * (18 * 1.35 + (subtitle ? 11 * 1.4 : 0) + 6);
    }

    private static double panelWidth(PageFormat f, PrintTemplate t) {
        double content = f.width() - 2 * PageFormat.mm(t.marginMm());
        return content * (t.landscape() ? 0.24 : 0.30);
    }

    /** The map frame on the page, in points from the top-left corner (before snapping to device units). */
    static Rectangle2D frame(PageFormat f, PrintTemplate t, boolean subtitle) {
        double m = PageFormat.mm(t.marginMm());
        double gap = 8 * furniture(f);
        double top = m + headerHeight(f, subtitle);
        double w = f.width() - 2 * m - panelWidth(f, t) - gap;
        double h = f.height() - m - top;
        return new Rectangle2D.Double(m, top, w, h);
    }

    /**
     * Draws one page.
     *
     * @param g    page graphics, origin top-left, {@code unit} units per point, y down
     * @param unit device units per point (4 for PDF, dpi/72 for PNG)
     */
    public static PageFacts draw(Graphics2D g, double unit, LoadedProject project, PrintTemplate t, Page page,
                                 int number) {
        return draw(g, unit, project, t, page, number, null);
    }

    /** Draws one page over a background map (null for none), waiting for its tiles. */
    public static PageFacts draw(Graphics2D g, double unit, LoadedProject project, PrintTemplate t, Page page,
                                 int number, TileProvider basemap) {
        return draw(g, unit, project, t, page, number, basemap, false);
    }

    /**
     * Draws one page.
     *
     * @param legendPage whether a legend that does not fit is printed whole on the next page (by
     *                   {@link #drawLegendPage}); this page then says so
     */
    public static PageFacts draw(Graphics2D g, double unit, LoadedProject project, PrintTemplate t, Page page,
                                 int number, TileProvider basemap, boolean legendPage) {
        PageFormat f = format(t);
        double s = furniture(f);
        double m = PageFormat.mm(t.marginMm());
        boolean hasSub = page.subtitle() != null && !page.subtitle().isBlank();
        Rectangle2D fr = frame(f, t, hasSub);
        double mag = mapMagnification(f);
        double k = unit * POINTS_PER_SCREEN_PIXEL;
        String notice = ImageRenderer.indicativeNotice(project);
        boolean indicative = notice != null;
        double convergence = Math.toDegrees(NorthArrow.trueNorthAngle(CrsId.LAMBERT_93, page.cx(), page.cy()));
        double px = fr.getX() + fr.getWidth() + 8 * s;
        double pw = f.width() - m - px;
        Viewport vp = viewport(fr, page, unit);
        List<LayerLegend> legend = legend(project, vp.ground(), page.scale());
        boolean overview = t.overview() && overviewHelps(project, vp.ground());
        double yb = panelBottom(g, unit, project, t, legend, basemap, notice, convergence, number, px, pw,
                fr.getY() + fr.getHeight(), s, false);
        double yt = panelTop(g, unit, project, t, fr, px, pw, yb, s, overview, page, false);

        // The legend: in the panel, or in columns under a map that leaves room below it (the frame
        // then shrinks to the fitted extent, same scale), its text stepped down to a floor; what
        // still does not fit is named on the page and in the facts, never silently dropped.
        double legendHead = 10 * s * 1.3 + 3 * s;
        LegendLayout.Fit fit = null;
        boolean band = false;
        // One point more than the extent: snapping the frame to device units never cuts it.
        double needed = page.fitHeight() > 0 ? Math.ceil(page.fitHeight()
                / PageFormat.groundMetresPerPoint(page.scale()) + 1) : 0;
        double bandH = fr.getHeight() - needed - 10 * s - legendHead;
        if (t.legend() && !legend.isEmpty()) {
            boolean bandOk = needed > 0 && bandH >= 60 * s;
            LegendLayout.Fit panelBest = null;
            LegendLayout.Fit bandBest = null;
            for (double q : LegendLayout.STEPS) {
                panelBest = LegendLayout.fitAt(legend, pw, yb - yt - legendHead, s, q);
                if (panelBest.complete()) {
                    fit = panelBest;
                    break;
                }
                if (bandOk) {
                    bandBest = LegendLayout.fitAt(legend, fr.getWidth(), bandH, s, q);
                    if (bandBest.complete()) {
                        fit = bandBest;
                        band = true;
                        break;
                    }
                }
            }
            if (fit == null) {
                band = bandBest != null && bandBest.placed().size() > panelBest.placed().size();
                fit = panelBest;
            }
            if (band) {
                fr = new Rectangle2D.Double(fr.getX(), fr.getY(), fr.getWidth(), needed);
                vp = viewport(fr, page, unit);
                legend = legend(project, vp.ground(), page.scale());
                fit = LegendLayout.fit(legend, fr.getWidth(), bandH, s, LegendLayout.FLOOR);
                overview = t.overview() && overviewHelps(project, vp.ground());
            }
        }
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, f.width() * unit, f.height() * unit));

        Geometry hl = page.highlight();
        MapFrame.draw(g, unit, s, mag, project, vp, fr, page.scale(), basemap, indicative ? notice : null, 0,
                hl == null ? null : (mg, v, u) -> highlight(mg, v, u, hl));

        // Header.
        double y = m;
        double titleSize = 18 * s;
        String title = page.title() == null ? "" : page.title();
        Font tf = font(true, titleSize);
        // A long title shrinks (down to 60 %) to stay on one line, then is cut with an ellipsis.
        double avail = f.width() - 2 * m;
        double tw = g.getFontMetrics(tf.deriveFont((float) (titleSize * unit))).stringWidth(title) / unit;
        if (tw > avail) {
            tf = font(true, Math.max(titleSize * 0.6, titleSize * avail / tw));
            FontMetrics tm = g.getFontMetrics(tf.deriveFont((float) (tf.getSize2D() * unit)));
            while (title.length() > 1 && tm.stringWidth(title) / unit > avail) {
                title = title.substring(0, title.length() - 2) + "…";
            }
        }
        text(g, unit, title, m, y + titleSize, tf, INK, avail);
        y += titleSize * 1.35;
        if (hasSub) {
            double sub = 11 * s;
            text(g, unit, page.subtitle(), m, y + sub, font(false, sub), GREY, f.width() - 2 * m);
        }

        // Side panel: the bottom block keeps the page's full frame height, so the panel does not jump.
        double bottom = frame(f, t, hasSub).getMaxY();
        yb = panelBottom(g, unit, project, t, legend, basemap, notice, convergence, number, px, pw, bottom, s, true);
        yt = panelTop(g, unit, project, t, fr, px, pw, yb, s, overview, page, true);
        List<PageFacts.LegendItem> items = new ArrayList<>();
        List<String> missing = List.of();
        if (fit != null) {
            double lx = band ? fr.getX() : px;
            double ly = band ? fr.getMaxY() + 10 * s : yt;
            text(g, unit, Localization.get("print.page.legend"), lx, ly + 10 * s * 1.3, font(true, 10 * s), INK, pw);
            ly += legendHead;
            items.addAll(LegendLayout.draw(g, unit, fit, lx, ly, s, k * mag, INK));
            missing = fit.missing();
            if (!missing.isEmpty()) {
                double body = LegendLayout.body(s, fit.q());
                Font wf = font(true, body);
                double width = fit.columnWidth() * fit.columns() + fit.gap() * (fit.columns() - 1);
                String say = legendPage ? Localization.text("print.page.legendOnPage", number + 1)
                        : Localization.text("print.page.legendMissing", String.join(", ", missing));
                double by = ly + fit.height();
                for (String l : Words.wrap(say, wf, width)) {
                    by += LegendLayout.lineHeight(s, fit.q());
                    text(g, unit, l, lx, by - body * 0.25, wf, WARNING, width);
                }
            }
        }

        return MapFrame.facts(number, page.title(), f, fr, vp, unit, page.scale(), convergence, items, missing);
    }

    /** The feature a series page is about, outlined in dashed red over the map. */
    private static void highlight(Graphics2D mg, Viewport vp, double unit, Geometry geometry) {
        Shape sh = vp.worldToScreen().createTransformedShape(new ShapeWriter().toShape(geometry));
        mg.setColor(new Color(0xC0, 0x10, 0x10));
        mg.setStroke(new BasicStroke((float) (1.6 * unit), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                10, new float[] {(float) (4 * unit), (float) (2.5 * unit)}, 0));
        mg.draw(sh);
    }

    private static Viewport viewport(Rectangle2D fr, Page page, double unit) {
        return MapFrame.viewport(fr, page.cx(), page.cy(), page.scale(), unit);
    }

    /** An overview helps only when the map shows much less than the basin (else it repeats the map). */
    static boolean overviewHelps(LoadedProject project, Envelope shown) {
        Envelope all = project.fullExtent();
        if (all == null || all.isNull() || all.getWidth() <= 0 || all.getHeight() <= 0) return false;
        return Math.max(shown.getWidth() / all.getWidth(), shown.getHeight() / all.getHeight()) < 0.5;
    }

    /**
     * The top of the side panel: numeric scale, overview, free text. Returns where the legend may
     * start; draws only when {@code paint}.
     */
    private static double panelTop(Graphics2D g, double unit, LoadedProject project, PrintTemplate t, Rectangle2D fr,
                                   double px, double pw, double yb, double s, boolean overview, Page page,
                                   boolean paint) {
        double y = fr.getY();
        y += 11 * s * 1.2;
        if (paint) text(g, unit, Localization.text("print.page.scale", Measure.number(page.scale(), 0)), px, y, font(true, 11 * s), INK, pw);
        y += 6 * s;
        if (overview) {
            double oh = Math.min(pw * 0.75, (yb - y) * 0.3);
            if (oh > 20 * s) {
                if (paint) {
                    Viewport vp = viewport(fr, page, unit);
                    overview(g, unit, project, new Rectangle2D.Double(px, y, pw, oh), vp.ground(), s);
                }
                y += oh + 8 * s;
            }
        }
        if (t.text() != null && !t.text().isBlank()) {
            double body = 7.5 * s;
            double lh = body * 1.3;
            Font bodyFont = font(false, body);
            for (String l : wrap(g, unit, t.text(), bodyFont, pw)) {
                if (y + lh > yb) break;
                y += lh;
                if (paint) text(g, unit, l, px, y - body * 0.3, bodyFont, INK, pw);
            }
            y += 6 * s;
        }
        return y;
    }

    /**
     * The bottom of the side panel, laid out from the bottom up: logo, date and author, sources,
     * indicative mark. Returns its top; draws only when {@code paint}.
     */
    private static double panelBottom(Graphics2D g, double unit, LoadedProject project, PrintTemplate t,
                                      List<LayerLegend> legend, TileProvider basemap, String notice,
                                      double convergence, int number, double px, double pw, double bottom, double s,
                                      boolean paint) {
        double body = 7.5 * s;
        Font bodyFont = font(false, body);
        Font boldFont = font(true, body);
        double lh = body * 1.3;
        List<String[]> foot = new ArrayList<>();
        // One line per distinct source, naming the layers it covers.
        java.util.Map<String, List<String>> bySource = new java.util.LinkedHashMap<>();
        for (LayerLegend l : legend) {
            String a = l.layer().entry().credit();
            bySource.computeIfAbsent(a == null || a.isBlank() ? Localization.get("print.page.noSource") : a, x -> new ArrayList<>())
                    .add(l.layer().entry().title());
        }
        Set<String> sources = new LinkedHashSet<>();
        // A source of many layers names the first ones only, so the block cannot crowd out the legend.
        bySource.forEach((a, layers) -> sources.add(a + " (" + (layers.size() <= 10 ? String.join(", ", layers)
                : Localization.text("print.page.moreLayers", String.join(", ", layers.subList(0, 8)), layers.size() - 8)) + ")"));
        if (basemap != null && basemap.basemap().attribution() != null) {
            sources.add(Localization.text("print.page.basemapSource", basemap.basemap().attribution(), today()));
        }
        double yb = bottom;
        BufferedImage logo = logo(project, t);
        if (logo != null) {
            double lhgt = Math.min(40 * s, pw * logo.getHeight() / (double) logo.getWidth());
            double lw = lhgt * logo.getWidth() / logo.getHeight();
            if (paint) {
                g.drawImage(logo, (int) Math.round(px * unit), (int) Math.round((yb - lhgt) * unit),
                        (int) Math.round(lw * unit), (int) Math.round(lhgt * unit), null);
            }
            yb -= lhgt + 4 * s;
        }
        foot.add(new String[] {t.author() != null && !t.author().isBlank()
                ? Localization.text("print.page.printedBy", today(), t.author(), number)
                : Localization.text("print.page.printed", today(), number), "n"});
        foot.add(new String[] {Localization.text("print.page.grid", Measure.number(convergence, 2)), "n"});
        List<String[]> lines = new ArrayList<>();
        if (!sources.isEmpty()) {
            lines.add(new String[] {Localization.get("print.page.sources"), "b"});
            for (String src : sources) for (String l : wrap(g, unit, src, bodyFont, pw)) lines.add(new String[] {l, "n"});
        }
        for (String[] fl : foot) for (String l : wrap(g, unit, fl[0], bodyFont, pw)) lines.add(new String[] {l, "n"});
        double blockH = lines.size() * lh;
        double yy = yb - blockH;
        if (paint) {
            for (String[] l : lines) {
                yy += lh;
                text(g, unit, l[0], px, yy - body * 0.3, l[1].equals("b") ? boldFont : bodyFont, GREY, pw);
            }
        }
        yb -= blockH + 4 * s;
        if (notice != null) {
            Font wf = font(true, 9 * s);
            List<String> wl = wrap(g, unit, notice.contains(Localization.get("print.page.indicative")) ? notice
                    : Localization.get("print.page.indicative") + " — " + notice, wf, pw - 8 * s);
            double bh = wl.size() * 9 * s * 1.3 + 6 * s;
            if (paint) {
                g.setColor(new Color(0xFB, 0xEA, 0xE5));
                Rectangle2D box = new Rectangle2D.Double(px * unit, (yb - bh) * unit, pw * unit, bh * unit);
                g.fill(box);
                g.setColor(WARNING);
                g.setStroke(new BasicStroke((float) (0.8 * unit)));
                g.draw(box);
                double ty = yb - bh + 3 * s;
                for (String l : wl) {
                    ty += 9 * s * 1.3;
                    text(g, unit, l, px + 4 * s, ty - 9 * s * 0.3, wf, WARNING, pw);
                }
            }
            yb -= bh + 6 * s;
        }
        return yb;
    }

    /**
     * Draws the whole legend of a map page on a page of its own (same paper), in columns, for a
     * legend too long for the map page.
     */
    public static PageFacts drawLegendPage(Graphics2D g, double unit, LoadedProject project, PrintTemplate t,
                                           Page page, PageFacts mapPage, int number) {
        PageFormat f = format(t);
        double s = furniture(f);
        double m = PageFormat.mm(t.marginMm());
        double k = unit * POINTS_PER_SCREEN_PIXEL * mapMagnification(f);
        double[] gr = mapPage.ground();
        Envelope ground = new Envelope(gr[0], gr[2], gr[1], gr[3]);
        // Rules at the printed scale, as on the map page.
        List<LayerLegend> legend = legend(project, ground, page.scale());
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, f.width() * unit, f.height() * unit));
        double titleSize = 18 * s;
        String title = Localization.text("print.page.legendTitle", page.title() == null ? "" : page.title());
        text(g, unit, title, m, m + titleSize, font(true, titleSize), INK, f.width() - 2 * m);
        double top = m + titleSize * 1.35 + 8 * s;
        LegendLayout.Fit fit = LegendLayout.fit(legend, f.width() - 2 * m, f.height() - m - top, s, 0.5);
        List<PageFacts.LegendItem> items = LegendLayout.draw(g, unit, fit, m, top, s, k, INK);
        return new PageFacts(number, title, f.width(), f.height(), new double[4], new double[4], page.scale(), 0,
                List.copyOf(items), fit.missing(), true);
    }

    /** A layer of the legend and its classes that appear in the frame, in the style's order. */
    public record LayerLegend(ProjectLayer layer, List<Rule> rules) {
    }

    /**
     * The layers (in layer-tree order) and classes that actually appear in the ground extent: a
     * class appears when at least one feature meeting the extent selects its rule at the scale.
     *
     * @param sldScale the scale denominator the renderer uses for SLD rules on this print
     */
    public static List<LayerLegend> legend(LoadedProject project, Envelope ground, double sldScale) {
        List<LayerLegend> out = new ArrayList<>();
        PreparedGeometry area = PreparedGeometryFactory.prepare(new GeometryFactory().toGeometry(ground));
        List<ProjectLayer> layers = project.layers();
        for (int i = 0; i < layers.size(); i++) {
            ProjectLayer pl = layers.get(i);
            if (!pl.isLoaded() || !pl.entry().visible()) continue;
            VectorLayer data = pl.data();
            Style style = Styles.of(pl, i);
            Set<Rule> used = new java.util.HashSet<>();
            // A style that reads no attribute gives every feature the same rules: the first
            // feature in the frame is enough (no attribute read, no scan of 500,000 rows).
            Feature blank = MapRenderer.readsAttributes(style)
                    ? null : new Feature(0, null, data.schema(), new Object[data.schema().size()]);
            // A scan, not the features: a layer read from its file as it is drawn stays unloaded.
            // A feature whose envelope lies inside the frame needs no geometry test.
            try {
                data.scan(ground, c -> {
                    boolean inside = c.minX() >= ground.getMinX() && c.maxX() <= ground.getMaxX()
                            && c.minY() >= ground.getMinY() && c.maxY() <= ground.getMaxY();
                    if (!inside) {
                        Geometry geom = c.geometry();
                        if (geom == null || geom.isEmpty() || !area.intersects(geom)) return;
                    }
                    used.addAll(Styles.rulesFor(style, blank != null ? blank : c.attributes(), sldScale));
                    if (blank != null) throw FirstFound.INSTANCE;
                });
            } catch (FirstFound enough) {
                // the scan stops at the first feature of a constant style
            }
            List<Rule> rules = new ArrayList<>();
            for (var fts : style.featureTypeStyles()) {
                for (Rule r : fts.rules()) {
                    if (used.contains(r) && !swatchSymbolizers(r).isEmpty() && !rules.contains(r)) rules.add(r);
                }
            }
            if (!rules.isEmpty()) out.add(new LayerLegend(pl, rules));
        }
        // What a heritage map is about comes first, so a legend cut for room never loses it:
        // the property and buffer zone, then official layers, then indicative ones (tree order within).
        out.sort(java.util.Comparator.comparingInt(l -> legendRank(l.layer())));
        return out;
    }

    /** Stops a legend's scan once what it looks for is found. */
    private static final class FirstFound extends RuntimeException {
        static final FirstFound INSTANCE = new FirstFound();

        private FirstFound() {
            super(null, null, false, false);
        }
    }

    private static int legendRank(ProjectLayer pl) {
        var role = fr.bassinminier.atlas.analysis.impact.HeritageLayers.roleOf(pl);
        if (role == fr.bassinminier.atlas.analysis.impact.HeritageRole.PROPERTY
                || role == fr.bassinminier.atlas.analysis.impact.HeritageRole.BUFFER) {
            return 0;
        }
        return pl.entry().indicative() ? 2 : 1;
    }

    private static List<Symbolizer> swatchSymbolizers(Rule r) {
        return r.symbolizers().stream().filter(s -> !(s instanceof TextSymbolizer)).toList();
    }

    static void swatch(Graphics2D g, double unit, Rule r, double x, double y, double w, double h, double k) {
        Graphics2D sg = (Graphics2D) g.create();
        try {
            LegendSwatch.draw(sg, new Rectangle2D.Double(x * unit, y * unit, w * unit, h * unit), swatchSymbolizers(r), k);
        } finally {
            sg.dispose();
        }
    }

    private static void overview(Graphics2D g, double unit, LoadedProject project, Rectangle2D box, Envelope shown,
                                 double s) {
        Envelope all = project.fullExtent();
        if (all == null || all.isNull()) return;
        all = new Envelope(all);
        all.expandToInclude(shown);
        all.expandBy(Math.max(all.getWidth(), all.getHeight()) * 0.03);
        // The overview is drawn in whole points (at most 1 unit per point): a coarse unit drops the
        // vertices a 1:500 000 sketch cannot show and keeps each page of a series small.
        double ou = Math.min(unit, 1);
        int wu = (int) Math.max(1, Math.round(box.getWidth() * ou));
        int hu = (int) Math.max(1, Math.round(box.getHeight() * ou));
        Viewport ov = Viewport.fit(all, wu, hu);
        List<ProjectLayer> plain = new ArrayList<>();
        for (ProjectLayer pl : project.layers()) {
            if (!pl.isLoaded() || !pl.entry().visible() || pl.data().geometryType().family() == GeometryType.Family.POINT) continue;
            LayerEntry e = pl.entry();
            LayerEntry noLabel = new LayerEntry(e.id(), e.title(), e.group(), e.source(), e.layerName(), true,
                    e.opacity(), e.style(), null, e.attribution(), e.indicative(), e.description(), null);
            plain.add(new ProjectLayer(noLabel, pl.data(), null, null, null));
        }
        Graphics2D og = (Graphics2D) g.create();
        try {
            og.translate(Math.round(box.getX() * unit), Math.round(box.getY() * unit));
            og.scale(unit / ou, unit / ou);
            og.clip(new Rectangle2D.Double(0, 0, wu, hu));
            new MapRenderer().render(og, plain, RenderRequest.of(ov, ou * 0.3));
            Rectangle2D r = ov.worldToScreen().createTransformedShape(new Rectangle2D.Double(shown.getMinX(),
                    shown.getMinY(), shown.getWidth(), shown.getHeight())).getBounds2D();
            double min = 4 * ou;
            if (r.getWidth() < min || r.getHeight() < min) {
                r = new Rectangle2D.Double(r.getCenterX() - Math.max(min, r.getWidth()) / 2,
                        r.getCenterY() - Math.max(min, r.getHeight()) / 2, Math.max(min, r.getWidth()),
                        Math.max(min, r.getHeight()));
            }
            og.setColor(new Color(0xC0, 0x10, 0x10));
            og.setStroke(new BasicStroke((float) (1.4 * ou * s)));
            og.draw(r);
        } finally {
            og.dispose();
        }
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke((float) (0.5 * unit)));
        g.draw(new Rectangle2D.Double(Math.round(box.getX() * unit), Math.round(box.getY() * unit), wu * unit / ou,
                hu * unit / ou));
        text(g, unit, "Situation dans le bassin minier", box.getX(), box.getY() + box.getHeight() + 7 * s,
                font(false, 6 * s), GREY, box.getWidth());
    }

    private static BufferedImage logo(LoadedProject project, PrintTemplate t) {
        if (t.logo() == null || t.logo().isBlank()) return null;
        Path p = Path.of(t.logo());
        if (!p.isAbsolute() && project.file() != null && project.file().getParent() != null) {
            p = project.file().getParent().resolve(p);
        }
        try {
            return Files.isRegularFile(p) ? ImageIO.read(p.toFile()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** DejaVu Sans at a size in points (the PDF embeds the same font, so metrics agree). */
    static synchronized Font font(boolean isBold, double size) {
        if (regular == null) {
            regular = load("DejaVuSans.ttf", Font.PLAIN);
            bold = load("DejaVuSans-Bold.ttf", Font.BOLD);
        }
        return (isBold ? bold : regular).deriveFont((float) size);
    }

    private static Font load(String file, int style) {
        try (InputStream in = PrintLayout.class.getResourceAsStream("/fr/bassinminier/atlas/print/fonts/" + file)) {
            if (in != null) return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            // fall back to the system font
        }
        return new Font(Font.SANS_SERIF, style, 1);
    }

    static void text(Graphics2D g, double unit, String s, double x, double baseline, Font f, Color c,
                             double maxWidth) {
        if (s == null || s.isEmpty()) return;
        Font scaled = f.deriveFont((float) (f.getSize2D() * unit));
        g.setFont(scaled);
        g.setColor(c);
        g.drawString(s, (float) (x * unit), (float) (baseline * unit));
    }

    /** Words wrapped to a width in points. */
    static List<String> wrap(Graphics2D g, double unit, String text, Font f, double width) {
        FontMetrics fm = g.getFontMetrics(f.deriveFont((float) (f.getSize2D() * unit)));
        return Words.wrap(text, fm::stringWidth, width * unit);
    }

    /** Today in France, written out in the UI language (the printed date of a map). */
    private static String today() {
        return Localization.today()
                .format(DateTimeFormatter.ofPattern("d MMMM yyyy", Localization.locale()));
    }

}
