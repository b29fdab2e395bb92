package fr.bassinminier.atlas.print;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.analysis.Measure;
import fr.bassinminier.atlas.analysis.impact.HeritageRole;
import fr.bassinminier.atlas.analysis.impact.HeritageSource;
import fr.bassinminier.atlas.analysis.impact.ImpactReport;
import fr.bassinminier.atlas.analysis.impact.ImpactReport.CiteStatus;
import fr.bassinminier.atlas.analysis.impact.ImpactReport.ComponentHit;
import fr.bassinminier.atlas.analysis.impact.ImpactReport.ElementHit;
import fr.bassinminier.atlas.analysis.impact.ImpactText;
import fr.bassinminier.atlas.analysis.impact.ProtectionReport;
import fr.bassinminier.atlas.analysis.impact.ReportInfo;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.render.ImageRenderer;
import fr.bassinminier.atlas.render.Viewport;
import fr.bassinminier.atlas.print.PdfPageWriter.Style;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * The impact check as an A4 report of one or two pages: the answer, a map extract (vector, at a
 * round scale, with a scale bar and a north arrow) showing the footprint, the property, the
 * buffer zone and the elements found, the findings as tables, the sources with their dates, and
 * the "Données indicatives" warning when the answer rests on demo data.
 */
public final class ImpactReportPdf {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final float MARGIN = PageFormat.mm(14);
    private static final float FOOTER = 18;
    /**
     * How much goes on paper. The report must fit two pages: when the full version does not,
     * it is laid out again with fewer rows (the JSON output always has them all).
     */
    private record Limits(float mapHeight, int elements, int nearest, int cites, int terrils) {
        static final Limits[] LEVELS = {new Limits(290, 14, 30, 8, 6), new Limits(270, 10, 12, 5, 4),
                new Limits(240, 6, 8, 3, 3)};
    }
    private static final Color PROPERTY = new Color(0xA5, 0x0F, 0x15);
    private static final Color ELEMENT = new Color(0x1F, 0x4E, 0x9C);
    private static final Color FOOTPRINT_FILL = new Color(0xE7, 0x29, 0x8A, 90);
    private static final Color RED_TEXT = new Color(0x8A, 0x1C, 0x14);
    private static final Style BODY = Style.BODY.withSize(8.5f);
    private static final Style SMALL = Style.BODY.withSize(7.5f);
    private static final Style H2 = Style.BODY.withBold(true).withSize(10.5f).withColor(new Color(0x33, 0x2A, 0x22));

    private ImpactReportPdf() {
    }

    /** Writes the report atomically. */
    public static void write(Path target, ImpactReport r, ReportInfo info, LoadedProject project)
            throws IOException, DataException {
        write(target, r, info, project, null);
    }

    /** Writes the report with the protections consulted online (null: none asked). */
    public static void write(Path target, ImpactReport r, ReportInfo info, LoadedProject project,
                             ProtectionReport online) throws IOException, DataException {
        try (PDDocument doc = build(r, info, project, online)) {
            PdfFiles.save(doc, target);
        }
    }

    /** The report as an open document of one or two pages (the caller closes it). */
    public static PDDocument build(ImpactReport r, ReportInfo info, LoadedProject project) throws IOException {
        return build(r, info, project, (ProtectionReport) null);
    }

    public static PDDocument build(ImpactReport r, ReportInfo info, LoadedProject project, ProtectionReport online)
            throws IOException {
        for (int level = 0; ; level++) {
            PDDocument doc = build(r, info, project, Limits.LEVELS[level], online);
            if (doc.getNumberOfPages() <= 2 || level == Limits.LEVELS.length - 1) return doc;
            doc.close();
        }
    }

    private static PDDocument build(ImpactReport r, ReportInfo info, LoadedProject project, Limits limits,
                                    ProtectionReport online) throws IOException {
        PDDocument doc = new PDDocument();
        try {
            PdfFonts.Fonts fonts = PdfFonts.load(doc);
            PdfFiles.describe(doc, Localization.get("pdf.impact.docTitle") + (info.reference() != null ? " — " + info.reference() : ""),
                    info.author(), ImpactText.summary(r));
            try (PdfPageWriter w = new PdfPageWriter(doc, fonts, PageFormat.A4_PORTRAIT, MARGIN, FOOTER)) {
                head(w, r, info);
                map(w, r, project, limits, online);
                findings(w, r, limits);
                elements(w, r, limits);
                nearest(w, r, limits);
                if (online != null) ProtectionsPdf.sections(w, online);
                sources(w, r);
                closing(w, r);
                String day = info.date() == null ? "" : Localization.get("pdf.impact.footer.date", DAY.format(info.date()));
                String ref = info.reference() == null ? "" : " — " + info.reference();
                int pages = w.pageCount();
                w.footers(p -> Localization.get("pdf.impact.footer", day + ref, String.valueOf(p), String.valueOf(pages)),
                        SMALL.withColor(Color.DARK_GRAY));
            }
            return doc;
        } catch (IOException | RuntimeException e) {
            doc.close();
            throw e;
        }
    }

    private static void head(PdfPageWriter w, ImpactReport r, ReportInfo info) throws IOException {
        w.paragraph(Localization.get("pdf.impact.title"), Style.BODY.withBold(true).withSize(15), 0);
        w.paragraph(Localization.get("pdf.impact.subtitle"), Style.BODY.withSize(9.5f).withColor(Color.DARK_GRAY), 0);
        w.space(2);
        String head = ImpactText.header(info);
        w.paragraph(head.isEmpty() ? Localization.get("pdf.impact.noReference") : head, BODY.withBold(true), 0);
        w.space(4);
        if (r.indicative()) {
            w.boxed(Localization.get("pdf.impact.indicative"),
                    BODY.withBold(true).withColor(RED_TEXT), new Color(0xFC, 0xE4, 0xE0), RED_TEXT);
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

    /** The map extract, its legend and its scale. */
    private static void map(PdfPageWriter w, ImpactReport r, LoadedProject project, Limits limits,
                            ProtectionReport online) throws IOException {
        float h = Math.min(limits.mapHeight(), w.room() - 40);
        if (h < 180) {
            w.newPage();
            h = limits.mapHeight();
        }
        PDRectangle rect = new PDRectangle(w.left(), w.y() - h, w.width(), h);
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
        double scale = PdfMap.fitScale(ground, rect);
        // The notice stays on the map; the sources line would run into it on a page-wide map and is in the
        // sources table anyway.
        Envelope centre = fp.getEnvelopeInternal();
        double cx = (ground.getMinX() + ground.getMaxX()) / 2;
        double cy = (ground.getMinY() + ground.getMaxY()) / 2;
        if (ground.getWidth() < 1) {
            cx = centre.centre().x;
            cy = centre.centre().y;
        }
        PdfMap.Placed placed = PdfMap.draw(w.document(), w.stream(), w.fonts(), rect, project, cx, cy, scale,
                ImageRenderer.indicativeNotice(project),
                (g, m) -> {
                    ProtectionsPdf.drawAreas(g, m.viewport(), m.unit(), online);
                    overlay(g, m, r);
                });
        w.skip(h);
        w.space(3);
        legend(w, r, project, placed.scaleDenominator());
        ProtectionsPdf.legend(w, online);
        w.paragraph(Localization.get("pdf.impact.scale", Measure.number(placed.scaleDenominator(), 0), Measure.formatDistance(r.radius()))
                + (r.indicative() ? Localization.get("report.source.indicative") : ""),
                SMALL.withColor(Color.DARK_GRAY), 0);
        w.space(6);
    }

    private static Point2D.Double nearestPoint(Geometry component, Geometry fp) {
        var pts = DistanceOp.nearestPoints(component, fp);
        return new Point2D.Double(pts[0].x, pts[0].y);
    }

    private static void overlay(Graphics2D g, PdfMap.Placed m, ImpactReport r) {
        Viewport vp = m.viewport();
        double u = m.unit();
        ShapeWriter sw = new ShapeWriter((src, dest) -> dest.setLocation(vp.toScreen(src.x, src.y)));
        // The radius ring first, under everything else drawn here.
        if (r.radius() > 0) {
            Shape ring = sw.toShape(r.footprint().geometry().buffer(r.radius(), 24).getBoundary());
            g.setColor(new Color(0x33, 0x33, 0x33));
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
        // Scale bar top left, north arrow top right: the renderer's sources and notice lines are at the bottom.
        ScaleBar.draw(g, 10 * u, 22 * u, m.metresPerUnit(), vp.width() * 0.28, u,
                "1:" + Measure.number(m.scaleDenominator(), 0));
        double angle = NorthArrow.trueNorthAngle(CrsId.LAMBERT_93, vp.centerX(), vp.centerY());
        NorthArrow.draw(g, vp.width() - 20 * u, 22 * u, 26 * u, angle, u);
    }

    private static Shape marker(Viewport vp, Geometry g, double radius) {
        Point c = g.getCentroid();
        Point2D p = vp.toScreen(c.getX(), c.getY());
        return new Ellipse2D.Double(p.getX() - radius, p.getY() - radius, 2 * radius, 2 * radius);
    }

    /** One row of swatches under the map; the property and buffer zone as the project draws them. */
    private static void legend(PdfPageWriter w, ImpactReport r, LoadedProject project, double scale) throws IOException {
        PDPageContentStream cs = w.stream();
        float x = w.left();
        float y = w.y() - 9;
        x = swatch(w, cs, x, y, FOOTPRINT_FILL, Color.BLACK, 1.6f, null, Localization.get("pdf.impact.legend.footprint"));
        for (HeritageRole role : new HeritageRole[] {HeritageRole.PROPERTY, HeritageRole.BUFFER}) {
            ProjectLayer layer = r.sources().stream().filter(s -> s.role() == role)
                    .map(s -> project.layer(s.layerId()).orElse(null)).filter(l -> l != null && l.isLoaded())
                    .findFirst().orElse(null);
            if (layer == null) continue;
            PdfMap.swatch(cs, w.document(), new PDRectangle(x, y - 3, 16, 10), layer, project.layers().indexOf(layer),
                    scale);
            w.text(role.layerLabel(), x + 20, y, SMALL);
            x += 20 + w.textWidth(role.layerLabel(), SMALL) + 12;
        }
        x = swatch(w, cs, x, y, null, ELEMENT, 1f, null, Localization.get("pdf.impact.legend.elements", Measure.formatDistance(r.radius())));
        swatch(w, cs, x, y, null, Color.DARK_GRAY, 0.8f, new float[] {3, 2}, Localization.get("pdf.impact.legend.radius", Measure.formatDistance(r.radius())));
        w.skip(13);
    }

    private static float swatch(PdfPageWriter w, PDPageContentStream cs, float x, float y, Color fill, Color stroke,
                                float width, float[] dash, String label) throws IOException {
        cs.saveGraphicsState();
        if (fill != null) {
            cs.setNonStrokingColor(new Color(fill.getRed(), fill.getGreen(), fill.getBlue()));
            if (fill.getAlpha() < 255) {
                var gs = new org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState();
                gs.setNonStrokingAlphaConstant(fill.getAlpha() / 255f);
                cs.setGraphicsStateParameters(gs);
            }
            cs.addRect(x, y - 2, 14, 8);
            cs.fill();
        }
        cs.restoreGraphicsState();
        cs.saveGraphicsState();
        cs.setStrokingColor(stroke);
        cs.setLineWidth(width);
        if (dash != null) cs.setLineDashPattern(dash, 0);
        cs.addRect(x, y - 2, 14, 8);
        cs.stroke();
        cs.restoreGraphicsState();
        w.text(label, x + 18, y, SMALL);
        return x + 18 + w.textWidth(label, SMALL) + 12;
    }

    private static void findings(PdfPageWriter w, ImpactReport r, Limits limits) throws IOException {
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
        w.table(new float[] {120, w.width() - 120}, null, rows, BODY);
        w.space(8);
    }

    private static String more(int n, int shown) {
        return n > shown ? "\n" + Localization.get(n - shown > 1 ? "pdf.impact.more.many" : "pdf.impact.more.one", String.valueOf(n - shown)) : "";
    }

    private static void elements(PdfPageWriter w, ImpactReport r, Limits limits) throws IOException {
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
        float wd = w.width();
        w.table(new float[] {62, 112, wd - 62 - 112 - 85 - 88, 85, 88},
                new String[] {Localization.get("pdf.impact.col.distance"), Localization.get("pdf.impact.col.kind"), Localization.get("pdf.impact.col.element"),
                        Localization.get("pdf.impact.col.commune"), Localization.get("pdf.impact.col.monument")}, rows, SMALL);
        if (r.elements().size() > limits.elements()) {
            w.paragraph(Localization.get("pdf.impact.elements.more", String.valueOf(r.elements().size() - limits.elements())), SMALL, 0);
        }
        w.space(8);
    }

    private static void nearest(PdfPageWriter w, ImpactReport r, Limits limits) throws IOException {
        if (r.nearest().isEmpty()) return;
        heading(w, Localization.get("pdf.impact.nearest"));
        List<String[]> rows = new ArrayList<>();
        for (ElementHit e : r.nearest().stream().limit(limits.nearest()).toList()) {
            rows.add(new String[] {e.role().elementLabel() + (e.category() != null ? " — " + e.category() : ""),
                    ImpactText.elementName(e) + (e.commune() != null ? ", " + e.commune() : ""), ImpactText.distance(e)});
        }
        w.table(new float[] {150, w.width() - 150 - 90, 90}, new String[] {Localization.get("pdf.impact.col.kind"), Localization.get("pdf.impact.col.element"),
                Localization.get("pdf.impact.col.distance")}, rows, SMALL);
        if (r.nearest().size() > limits.nearest()) {
            w.paragraph(Localization.get("pdf.impact.nearest.more", String.valueOf(r.nearest().size() - limits.nearest())), SMALL, 0);
        }
        w.space(8);
    }

    /** One row per file: a GeoPackage's layers share its date and its line. */
    private static void sources(PdfPageWriter w, ImpactReport r) throws IOException {
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
                layers.add(s.role().layerLabel().toLowerCase(java.util.Locale.FRANCE) + " : "
                        + (s.layerName() != null ? s.layerName() : "« " + s.title() + " »") + " (" + s.features() + ")");
            }
            String what = f + " — " + String.join(" ; ", layers)
                    + (first.attribution() != null ? "\n" + first.attribution() : "");
            rows.add(new String[] {what, first.date() == null ? Localization.get("pdf.impact.date.unknown")
                    : ImpactText.date(first.date()) + " (" + first.dateOrigin() + ")",
                    first.indicative() ? Localization.get("pdf.impact.nature.indicative") : Localization.get("pdf.impact.nature.file")});
        }
        float wd = w.width();
        w.table(new float[] {wd - 150 - 70, 150, 70}, new String[] {Localization.get("pdf.impact.col.file"), Localization.get("pdf.impact.col.date"),
                Localization.get("pdf.impact.col.kind")}, rows, SMALL);
        w.space(8);
    }

    private static void closing(PdfPageWriter w, ImpactReport r) throws IOException {
        for (String warning : r.warnings()) {
            w.boxed(Localization.get("pdf.impact.warning", warning), SMALL.withBold(true).withColor(RED_TEXT), new Color(0xFC, 0xE4, 0xE0),
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

    private static void heading(PdfPageWriter w, String text) throws IOException {
        w.ensure(40);
        w.paragraph(text, H2, 0);
        w.space(2);
    }
}
