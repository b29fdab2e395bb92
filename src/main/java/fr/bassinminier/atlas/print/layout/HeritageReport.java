package fr.bassinminier.atlas.print.layout;

import fr.bassinminier.atlas.analysis.Measure;
import fr.bassinminier.atlas.analysis.impact.HeritageRole;
import fr.bassinminier.atlas.analysis.impact.HeritageSource;
import fr.bassinminier.atlas.analysis.impact.ImpactReport;
import fr.bassinminier.atlas.analysis.impact.ImpactReport.ComponentHit;
import fr.bassinminier.atlas.analysis.impact.ImpactReport.ElementHit;
import fr.bassinminier.atlas.analysis.impact.ImpactText;
import fr.bassinminier.atlas.analysis.impact.ProtectionReport;
import fr.bassinminier.atlas.analysis.impact.ReportInfo;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.model.style.Fill;
import fr.bassinminier.atlas.model.style.LineSymbolizer;
import fr.bassinminier.atlas.model.style.PolygonSymbolizer;
import fr.bassinminier.atlas.model.style.Rule;
import fr.bassinminier.atlas.model.style.Stroke;
import fr.bassinminier.atlas.model.style.Symbolizer;
import fr.bassinminier.atlas.print.NorthArrow;
import fr.bassinminier.atlas.print.PageFormat;
import fr.bassinminier.atlas.print.layout.TextFlow.Style;
import fr.bassinminier.atlas.render.ImageRenderer;
import fr.bassinminier.atlas.render.Viewport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * The impact check as an A4 report of one or two pages, a print layout like any other: the
 * answer, a map frame (at a round scale, with its scale bar, north arrow and legend) showing the
 * footprint, the property, the buffer zone and the elements found, the findings as tables, the
 * sources with their dates, and the "Données indicatives" warning when the answer rests on demo
 * data. Printed by {@link PrintJob} to PDF or PNG pages.
 */
public final class HeritageReport {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** The print's page model: an A4 portrait page, its furniture factor (1 on A4). */
    private static final PageFormat PAGE = PaperSize.of("A4", false);
    private static final double S = PrintLayout.furniture(PAGE);
    private static final double MARGIN = PageFormat.mm(14);
    private static final double FOOTER = 18;
    /**
     * How much goes on paper. The report must fit two pages: when the full version does not,
     * it is laid out again with fewer rows (the JSON output always has them all).
     */
    private record Limits(double mapHeight, int elements, int nearest, int cites, int terrils) {
        static final Limits[] LEVELS = {new Limits(290, 14, 30, 8, 6), new Limits(270, 10, 12, 5, 4),
                new Limits(240, 6, 8, 3, 3)};
    }
    private static final Color PROPERTY = new Color(0xA5, 0x0F, 0x15);
    private static final Color ELEMENT = new Color(0x1F, 0x4E, 0x9C);
    private static final Color FOOTPRINT_FILL = new Color(0xE7, 0x29, 0x8A, 90);
    private static final Color RING = new Color(0x33, 0x33, 0x33);
    static final Color RED_TEXT = new Color(0x8A, 0x1C, 0x14);
    static final Color WARNING_FILL = new Color(0xFC, 0xE4, 0xE0);
    static final Style BODY = Style.BODY.withSize(8.5f);
    static final Style SMALL = Style.BODY.withSize(7.5f);
    static final Style H2 = Style.BODY.withBold(true).withSize(10.5f).withColor(new Color(0x33, 0x2A, 0x22));

    private HeritageReport() {
    }

    /** Writes the report as a PDF, atomically; returns the facts of its pages. */
    public static List<PageFacts> write(Path target, ImpactReport r, ReportInfo info, LoadedProject project)
            throws IOException, DataException {
        return write(target, r, info, project, null);
    }

    /** Writes the report with the protections consulted online (null: none asked). */
    public static List<PageFacts> write(Path target, ImpactReport r, ReportInfo info, LoadedProject project,
                                        ProtectionReport online) throws IOException, DataException {
        return PrintJob.pdf(document(r, info, project, online), target);
    }

    /** Writes the report's pages as PNG images at {@code dpi} (NAME-001.png, NAME-002.png for two pages). */
    public static List<PageFacts> png(Path target, ImpactReport r, ReportInfo info, LoadedProject project,
                                      ProtectionReport online, int dpi) throws DataException {
        return PrintJob.png(document(r, info, project, online), target, dpi);
    }

    /** The report laid out on at most two pages (fewer rows when the full version does not fit). */
    public static PrintDocument document(ImpactReport r, ReportInfo info, LoadedProject project,
                                         ProtectionReport online) {
        for (int level = 0; ; level++) {
            TextFlow w = layout(r, info, project, Limits.LEVELS[level], online);
            if (w.pageCount() <= 2 || level == Limits.LEVELS.length - 1) {
                return w.document(Localization.get("pdf.impact.docTitle")
                        + (info.reference() != null ? " — " + info.reference() : ""), info.author(), ImpactText.summary(r));
            }
        }
    }

    private static TextFlow layout(ImpactReport r, ReportInfo info, LoadedProject project, Limits limits,
                                   ProtectionReport online) {
        TextFlow w = new TextFlow(PAGE, MARGIN, FOOTER);
        head(w, r, info);
        map(w, r, project, limits, online);
        findings(w, r, limits);
        elements(w, r, limits);
        nearest(w, r, limits);
        if (online != null) ReportProtections.sections(w, online);
        sources(w, r);
        closing(w, r);
        String day = info.date() == null ? "" : Localization.get("pdf.impact.footer.date", DAY.format(info.date()));
        String ref = info.reference() == null ? "" : " — " + info.reference();
        int pages = w.pageCount();
        w.footers(p -> Localization.get("pdf.impact.footer", day + ref, String.valueOf(p), String.valueOf(pages)),
                SMALL.withColor(Color.DARK_GRAY));
        return w;
    }

    private static void head(TextFlow w, ImpactReport r, ReportInfo info) {
        w.paragraph(Localization.get("pdf.impact.title"), Style.BODY.withBold(true).withSize(15), 0);
        w.paragraph(Localization.get("pdf.impact.subtitle"), Style.BODY.withSize(9.5f).withColor(Color.DARK_GRAY), 0);
        w.space(2);
        String head = ImpactText.header(info);
        w.paragraph(head.isEmpty() ? Localization.get("pdf.impact.noReference") : head, BODY.withBold(true), 0);
        w.space(4);
        if (r.indicative()) {
            w.boxed(Localization.get("pdf.impact.indicative"), BODY.withBold(true).withColor(RED_TEXT), WARNING_FILL,
                    RED_TEXT);
            w.space(4);
        }
        Color fill = switch (r.situation()) {
            case BIEN, BIEN_ET_ZONE_TAMPON -> new Color(0xF8, 0xD7, 0xD3);
            case ZONE_TAMPON -> new Color(0xFD, 0xE8, 0xCF);
            case HORS -> new Color(0xE3, 0xF0, 0xDF);
        };
        String answer = ImpactText.summary(r);
        w.boxed(Localization.get("report.answer") + Character.toUpperCase(answer.charAt(0)) + answer.substring(1),
                Style.BODY.withBold(true).withSize(10), fill, new Color(0x80, 0x70, 0x60));
        w.space(4);
        w.paragraph(Localization.get("report.footprint") + ImpactText.footprint(r), SMALL, 0);
        for (String n : r.footprint().notes()) w.paragraph(Localization.get("pdf.impact.note", n), SMALL.withColor(RED_TEXT), 0);
        w.space(5);
    }

    /** The map frame, its legend and its scale. */
    private static void map(TextFlow w, ImpactReport r, LoadedProject project, Limits limits,
                            ProtectionReport online) {
        double h = Math.min(limits.mapHeight(), w.room() - 40);
        if (h < 180) {
            w.newPage();
            h = limits.mapHeight();
        }
        Rectangle2D frame = new Rectangle2D.Double(w.left(), w.y(), w.width(), h);
        Geometry fp = r.footprint().geometry();
        Envelope ground = fp.getEnvelopeInternal().copy();
        ground.expandBy(Math.max(r.radius(), 150));
        ComponentHit near = r.property().nearest();
        if (near != null && near.distance() <= 3000) {
            // Show where the property is when it is near: the point of it nearest to the footprint.
            Point2D.Double p = nearestPoint(near.feature().geometry(), fp);
            ground.expandToInclude(p.x, p.y);
        }
        ground.expandBy(ground.getWidth() * 0.06, ground.getHeight() * 0.06);
        double scale = MapFrame.fitScale(ground, frame.getWidth(), frame.getHeight());
        double cx = ground.getWidth() < 1 ? fp.getEnvelopeInternal().centre().x : ground.centre().x;
        double cy = ground.getWidth() < 1 ? fp.getEnvelopeInternal().centre().y : ground.centre().y;
        double convergence = Math.toDegrees(NorthArrow.trueNorthAngle(CrsId.LAMBERT_93, cx, cy));
        // The legend of what the frame shows at this scale, laid out by the print's legend under the map.
        Envelope shown = MapFrame.viewport(frame, cx, cy, scale, 1).ground();
        LegendLayout.Fit fit = lowest(legend(r, project, shown, scale, online), frame.getWidth());
        double legendTop = frame.getMaxY() + 4;
        String notice = ImageRenderer.indicativeNotice(project);
        String title = Localization.get("pdf.impact.title");
        w.draw((g, unit, page) -> {
            Viewport vp = MapFrame.viewport(frame, cx, cy, scale, unit);
            // The arrow points to true north, the report having no line to state the meridian convergence.
            MapFrame.draw(g, unit, S, PrintLayout.mapMagnification(PAGE), project, vp, frame, scale, null, notice,
                    Math.toRadians(convergence), (mg, v, u) -> {
                        ReportProtections.drawAreas(mg, v, u, online);
                        overlay(mg, v, u, r);
                    });
            List<PageFacts.LegendItem> items = LegendLayout.draw(g, unit, fit, frame.getX(), legendTop, S,
                    unit * MapFrame.POINTS_PER_SCREEN_PIXEL, Color.BLACK);
            return MapFrame.facts(page, title, PAGE, frame, vp, unit, scale, convergence, items,
                    fit.missing());
        });
        w.space(h + 4 + fit.height());
        w.paragraph(Localization.get("pdf.impact.scale", Measure.number(scale, 0), Measure.formatDistance(r.radius()))
                + (r.indicative() ? Localization.get("report.source.indicative") : ""),
                SMALL.withColor(Color.DARK_GRAY), 0);
        w.space(6);
    }

    /** As many columns as the width takes: the lowest legend that holds every line, at the body size. */
    private static LegendLayout.Fit lowest(List<PrintLayout.LayerLegend> legend, double width) {
        LegendLayout.Fit fit = LegendLayout.fitAt(legend, width, 12, S, 1);
        for (double h = 18; !fit.complete() && h < 200; h += 6) fit = LegendLayout.fitAt(legend, width, h, S, 1);
        return fit;
    }

    /**
     * The report's legend: the footprint, the property and buffer zone as the print's legend finds
     * them in the frame at this scale (named by their role), the elements, the radius ring and the
     * protections drawn.
     */
    static List<PrintLayout.LayerLegend> legend(ImpactReport r, LoadedProject project, Envelope shown, double scale,
                                                ProtectionReport online) {
        List<PrintLayout.LayerLegend> out = new ArrayList<>();
        out.add(key(Localization.get("pdf.impact.legend.footprint"),
                new PolygonSymbolizer(fill(FOOTPRINT_FILL), stroke(Color.BLACK, 1.6, null))));
        List<PrintLayout.LayerLegend> layers = PrintLayout.legend(project, shown, scale);
        for (HeritageRole role : new HeritageRole[] {HeritageRole.PROPERTY, HeritageRole.BUFFER}) {
            Set<String> ids = r.sources().stream().filter(s -> s.role() == role).map(HeritageSource::layerId)
                    .collect(Collectors.toSet());
            for (PrintLayout.LayerLegend l : layers) {
                if (!ids.contains(l.layer().entry().id())) continue;
                // A one-class layer on one line, named by its role; classes under its role otherwise.
                out.add(l.rules().size() == 1 ? new PrintLayout.LayerLegend(titled(role.layerLabel()),
                        List.of(Rule.of("", l.rules().get(0).symbolizers())))
                        : new PrintLayout.LayerLegend(titled(role.layerLabel()), l.rules()));
            }
        }
        String radius = Measure.formatDistance(r.radius());
        out.add(key(Localization.get("pdf.impact.legend.elements", radius),
                new LineSymbolizer(stroke(ELEMENT, 1.1, null), null)));
        out.add(key(Localization.get("pdf.impact.legend.radius", radius),
                new LineSymbolizer(stroke(RING, 0.9, List.of(4.0, 2.5)), null)));
        out.addAll(ReportProtections.legend(online));
        return out;
    }

    /** One line of legend for something the report draws over the map. */
    static PrintLayout.LayerLegend key(String label, Symbolizer symbol) {
        return new PrintLayout.LayerLegend(titled(label), List.of(Rule.of("", List.of(symbol))));
    }

    private static ProjectLayer titled(String title) {
        return new ProjectLayer(new LayerEntry("report", title, null, "report", null, true, 1, null, null, null,
                false, null), null, null, null, null);
    }

    /** A stroke of {@code points} width (the legend counts widths in 96 dpi pixels of 0.75 pt). */
    static Stroke stroke(Color c, double points, List<Double> dashPoints) {
        Stroke s = Stroke.of(hex(c), points / MapFrame.POINTS_PER_SCREEN_PIXEL);
        if (dashPoints == null) return s;
        return new Stroke(s.color(), s.width(), null,
                dashPoints.stream().map(d -> d / MapFrame.POINTS_PER_SCREEN_PIXEL).toList(), null, null, null);
    }

    static Fill fill(Color c) {
        return Fill.of(hex(c), c.getAlpha() / 255.0);
    }

    private static String hex(Color c) {
        return String.format("#%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static Point2D.Double nearestPoint(Geometry component, Geometry fp) {
        var pts = DistanceOp.nearestPoints(component, fp);
        return new Point2D.Double(pts[0].x, pts[0].y);
    }

    /** The footprint, the radius ring, the property and the elements found, over the map. */
    private static void overlay(Graphics2D g, Viewport vp, double u, ImpactReport r) {
        ShapeWriter sw = new ShapeWriter((src, dest) -> dest.setLocation(vp.toScreen(src.x, src.y)));
        // The radius ring first, under everything else drawn here.
        if (r.radius() > 0) {
            Shape ring = sw.toShape(r.footprint().geometry().buffer(r.radius(), 24).getBoundary());
            g.setColor(RING);
            g.setStroke(new BasicStroke((float) (0.9 * u), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10,
                    new float[] {(float) (4 * u), (float) (2.5 * u)}, 0));
            g.draw(ring);
        }
        g.setStroke(new BasicStroke((float) (1.1 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(ELEMENT);
        for (ElementHit e : r.elements()) {
            Geometry eg = e.feature().geometry();
            if (eg instanceof Puntal) g.draw(marker(vp, eg, 3 * u));
            else g.draw(sw.toShape(eg));
        }
        g.setColor(PROPERTY);
        g.setStroke(new BasicStroke((float) (1.8 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (ComponentHit c : r.property().components()) g.draw(sw.toShape(c.feature().geometry()));
        // The footprint: a white halo under a strong black outline, so that it reads on any colour.
        Geometry fp = r.footprint().geometry();
        for (int i = 0; i < fp.getNumGeometries(); i++) {
            Geometry part = fp.getGeometryN(i);
            Shape s = part instanceof Point ? marker(vp, part, 4.5 * u) : sw.toShape(part);
            if (part.getDimension() == 2) {
                g.setColor(FOOTPRINT_FILL);
                g.fill(s);
            }
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke((float) (4.2 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(s);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke((float) (2.0 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(s);
            if (part instanceof Point p) {
                Point2D c = vp.toScreen(p.getX(), p.getY());
                g.setStroke(new BasicStroke((float) (1.2 * u)));
                g.draw(new Line2D.Double(c.getX() - 7 * u, c.getY(), c.getX() + 7 * u, c.getY()));
                g.draw(new Line2D.Double(c.getX(), c.getY() - 7 * u, c.getX(), c.getY() + 7 * u));
            }
        }
    }

    private static Shape marker(Viewport vp, Geometry g, double radius) {
        Point c = g.getCentroid();
        Point2D p = vp.toScreen(c.getX(), c.getY());
        return new Ellipse2D.Double(p.getX() - radius, p.getY() - radius, 2 * radius, 2 * radius);
    }

    private static void findings(TextFlow w, ImpactReport r, Limits limits) {
        heading(w, Localization.get("pdf.impact.findings"));
        List<String[]> rows = new ArrayList<>();
        StringBuilder prop = new StringBuilder(ImpactText.propertyLine(r.property()));
        for (ComponentHit c : r.property().components()) prop.append("\n– ").append(ImpactText.component(c));
        rows.add(new String[] {Localization.get("heritageRole.layer.bien"), prop.toString()});
        rows.add(new String[] {Localization.get("heritageRole.layer.zone_tampon"), ImpactText.bufferLine(r.buffer())});
        List<ComponentHit> others = r.property().nearby().stream().filter(c -> c.distance() > 0).toList();
        if (!others.isEmpty()) {
            rows.add(new String[] {Localization.get("pdf.impact.otherComponents", Measure.formatDistance(r.radius())),
                    String.join("\n", others.stream().map(c -> "– " + Localization.get("report.componentAt", ImpactText.componentName(c),
                            Measure.formatDistance(c.distance()))).toList())});
        }
        rows.add(new String[] {Localization.get("pdf.impact.monuments", Measure.formatDistance(500)),
                r.monuments().isEmpty() ? Localization.get("pdf.impact.monuments.none")
                        : String.join("\n", r.monuments().stream().map(e -> "– " + ImpactText.element(e, true)).toList())});
        if (!r.cites().isEmpty()) {
            rows.add(new String[] {Localization.get("pdf.impact.cites", Measure.formatDistance(r.radius())), String.join("\n", r.cites().stream().limit(limits.cites())
                    .map(c -> "– " + ImpactText.cite(c)).toList()) + more(r.cites().size(), limits.cites())});
        }
        if (!r.terrils().isEmpty()) {
            rows.add(new String[] {Localization.get("pdf.impact.terrils", Measure.formatDistance(r.radius())),
                    String.join("\n", r.terrils().stream().limit(limits.terrils())
                            .map(t -> "– " + ImpactText.element(t, false)).toList())
                            + more(r.terrils().size(), limits.terrils())});
        }
        w.table(new double[] {120, w.width() - 120}, null, rows, BODY);
        w.space(8);
    }

    private static String more(int n, int shown) {
        return n > shown ? "\n" + Localization.get(n - shown > 1 ? "pdf.impact.more.many" : "pdf.impact.more.one", String.valueOf(n - shown)) : "";
    }

    private static void elements(TextFlow w, ImpactReport r, Limits limits) {
        heading(w, Localization.get("pdf.impact.elements", Measure.formatDistance(r.radius()), String.valueOf(r.elements().size())));
        if (r.elements().isEmpty()) {
            w.paragraph(Localization.get("pdf.impact.elements.none"), BODY, 0);
            w.space(8);
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (ElementHit e : r.elements().stream().limit(limits.elements()).toList()) {
            rows.add(new String[] {ImpactText.distance(e), e.role().elementLabel() + (e.category() != null
                    ? " — " + e.category() : ""), ImpactText.elementName(e)
                    + ("zone_tampon".equals(e.perimeter()) ? Localization.get("report.element.inBuffer") : ""),
                    e.commune() == null ? "" : e.commune(),
                    e.monument() == null ? Localization.get("record.unknown") : e.monument().isListed() ? e.monument().label()
                            : e.protection() != null ? e.protection() : Localization.get("pdf.impact.monument.no")});
        }
        double wd = w.width();
        w.table(new double[] {62, 112, wd - 62 - 112 - 85 - 88, 85, 88},
                new String[] {Localization.get("pdf.impact.col.distance"), Localization.get("pdf.impact.col.kind"), Localization.get("pdf.impact.col.element"),
                        Localization.get("pdf.impact.col.commune"), Localization.get("pdf.impact.col.monument")}, rows, SMALL);
        if (r.elements().size() > limits.elements()) {
            w.paragraph(Localization.get("pdf.impact.elements.more", String.valueOf(r.elements().size() - limits.elements())), SMALL, 0);
        }
        w.space(8);
    }

    private static void nearest(TextFlow w, ImpactReport r, Limits limits) {
        if (r.nearest().isEmpty()) return;
        heading(w, Localization.get("pdf.impact.nearest"));
        List<String[]> rows = new ArrayList<>();
        for (ElementHit e : r.nearest().stream().limit(limits.nearest()).toList()) {
            rows.add(new String[] {e.role().elementLabel() + (e.category() != null ? " — " + e.category() : ""),
                    ImpactText.elementName(e) + (e.commune() != null ? ", " + e.commune() : ""), ImpactText.distance(e)});
        }
        w.table(new double[] {150, w.width() - 150 - 90, 90}, new String[] {Localization.get("pdf.impact.col.kind"), Localization.get("pdf.impact.col.element"),
                Localization.get("pdf.impact.col.distance")}, rows, SMALL);
        if (r.nearest().size() > limits.nearest()) {
            w.paragraph(Localization.get("pdf.impact.nearest.more", String.valueOf(r.nearest().size() - limits.nearest())), SMALL, 0);
        }
        w.space(8);
    }

    /** One row per file: a GeoPackage's layers share its date and its line. */
    private static void sources(TextFlow w, ImpactReport r) {
        heading(w, Localization.get("pdf.impact.sources"));
        java.util.Map<String, List<HeritageSource>> byFile = new java.util.LinkedHashMap<>();
        for (HeritageSource s : r.sources()) {
            String key = s.file() + "|" + s.date() + "|" + s.indicative() + "|" + s.attribution();
            byFile.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        List<String[]> rows = new ArrayList<>();
        for (List<HeritageSource> group : byFile.values()) {
            HeritageSource first = group.get(0);
            String f = first.file() == null ? "" : first.file().replace('\\', '/');
            f = f.substring(f.lastIndexOf('/') + 1);
            List<String> layers = new ArrayList<>();
            for (HeritageSource s : group) {
                layers.add(s.role().layerLabel().toLowerCase(Localization.locale()) + Localization.get("report.colon")
                        + (s.layerName() != null ? s.layerName() : Localization.text("report.quoted", s.title())) + " (" + s.features() + ")");
            }
            String what = f + " — " + String.join(" ; ", layers)
                    + (first.attribution() != null ? "\n" + first.attribution() : "");
            rows.add(new String[] {what, first.date() == null ? Localization.get("pdf.impact.date.unknown")
                    : ImpactText.date(first.date()) + " (" + first.dateOrigin() + ")",
                    first.indicative() ? Localization.get("pdf.impact.nature.indicative") : Localization.get("pdf.impact.nature.file")});
        }
        double wd = w.width();
        w.table(new double[] {wd - 150 - 70, 150, 70}, new String[] {Localization.get("pdf.impact.col.file"), Localization.get("pdf.impact.col.date"),
                Localization.get("pdf.impact.col.kind")}, rows, SMALL);
        w.space(8);
    }

    private static void closing(TextFlow w, ImpactReport r) {
        for (String warning : r.warnings()) {
            w.boxed(Localization.get("pdf.impact.warning", warning), SMALL.withBold(true).withColor(RED_TEXT), WARNING_FILL,
                    RED_TEXT);
            w.space(3);
        }
        if (!r.dataNotes().isEmpty()) {
            w.paragraph(Localization.get("pdf.impact.dataNotes", String.join(" ", r.dataNotes())), SMALL.withColor(Color.DARK_GRAY), 0);
            w.space(3);
        }
        heading(w, Localization.get("pdf.impact.outOfScope"));
        for (String s : r.outOfScope()) w.paragraph("– " + s, SMALL, 0);
    }

    private static void heading(TextFlow w, String text) {
        w.ensure(40);
        w.paragraph(text, H2, 0);
        w.space(2);
    }
}
