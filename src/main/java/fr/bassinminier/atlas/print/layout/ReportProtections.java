package fr.bassinminier.atlas.print.layout;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.analysis.impact.ProtectionReport;
import fr.bassinminier.atlas.analysis.impact.ProtectionReport.Hit;
import fr.bassinminier.atlas.analysis.impact.ProtectionReport.Section;
import fr.bassinminier.atlas.analysis.impact.ProtectionText;
import fr.bassinminier.atlas.model.style.PolygonSymbolizer;
import fr.bassinminier.atlas.print.layout.TextFlow.Style;
import fr.bassinminier.atlas.render.Viewport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/** The heritage report's sections for the protections consulted online: one heading each, with its source. */
final class ReportProtections {
    private static final Style BODY = HeritageReport.BODY;
    private static final Style SMALL = HeritageReport.SMALL;
    private static final Style H2 = HeritageReport.H2;
    private static final Color GREY_TEXT = new Color(0x55, 0x55, 0x55);
    private static final Color WARN = new Color(0x8A, 0x1C, 0x14);

    /** Easement colours: the usual ones of the Géoportail de l'Urbanisme's SUP maps, muted for print. */
    private static final Map<ProtectionReport.Kind, Color> COLOURS = new EnumMap<>(Map.of(
            ProtectionReport.Kind.AC1, new Color(0x6A, 0x3D, 0x9A), ProtectionReport.Kind.AC2, new Color(0x1B, 0x78, 0x37),
            ProtectionReport.Kind.AC4, new Color(0xD9, 0x5F, 0x02), ProtectionReport.Kind.PLU, new Color(0x4D, 0x4D, 0x4D)));
    private static final Map<ProtectionReport.Kind, String> LEGEND = new EnumMap<>(Map.of(
            ProtectionReport.Kind.AC1, "report.protections.legend.AC1", ProtectionReport.Kind.AC2, "report.protections.legend.AC2",
            ProtectionReport.Kind.AC4, "report.protections.legend.AC4", ProtectionReport.Kind.PLU, "report.protections.legend.PLU"));

    private ReportProtections() {
    }

    /** The kinds that have an area to draw on the map (touched, geometry known). */
    private static List<ProtectionReport.Kind> drawn(ProtectionReport p) {
        List<ProtectionReport.Kind> out = new ArrayList<>();
        if (p == null) return out;
        for (Section s : p.sections()) {
            if (s.hits().stream().anyMatch(h -> h.geometry() != null && !h.geometry().isEmpty())) out.add(s.kind());
        }
        return out;
    }

    /**
     * The protections the footprint touches, under the footprint on the report's map: easements
     * as a light tint with a dashed outline in their colour, PLU zones as a grey dashed outline
     * with their code, so that the reader sees where the footprint sits in each.
     */
    static void drawAreas(Graphics2D g, Viewport vp, double u, ProtectionReport p) {
        if (p == null) return;
        ShapeWriter sw = new ShapeWriter((src, dest) -> dest.setLocation(vp.toScreen(src.x, src.y)));
        Geometry view = new GeometryFactory().toGeometry(vp.ground());
        // PLU first (under), then the easements, widest category first.
        for (ProtectionReport.Kind k : List.of(ProtectionReport.Kind.PLU, ProtectionReport.Kind.AC2, ProtectionReport.Kind.AC4,
                ProtectionReport.Kind.AC1)) {
            Section s = p.sections().stream().filter(x -> x.kind() == k).findFirst().orElse(null);
            if (s == null) continue;
            Color c = COLOURS.get(k);
            for (Hit h : s.hits()) {
                if (h.geometry() == null || h.geometry().isEmpty()) continue;
                Geometry part;
                try {
                    part = h.geometry().intersection(view);
                } catch (RuntimeException invalid) {
                    part = h.geometry();
                }
                if (part.isEmpty()) continue;
                Shape shape = sw.toShape(part);
                if (k != ProtectionReport.Kind.PLU) {
                    g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 40));
                    g.fill(shape);
                }
                g.setColor(c);
                g.setStroke(new BasicStroke((float) ((k == ProtectionReport.Kind.PLU ? 0.8 : 1.4) * u), BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_ROUND, 10, new float[] {(float) (5 * u), (float) (2.5 * u)}, 0));
                g.draw(shape);
                if (k == ProtectionReport.Kind.PLU && h.label() != null) {
                    Point at = part.getInteriorPoint();
                    var xy = vp.toScreen(at.getX(), at.getY());
                    String code = h.label().contains(",") ? h.label().substring(0, h.label().indexOf(',')) : h.label();
                    g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 1).deriveFont((float) (8 * u)));
                    g.drawString(code, (float) (xy.getX() + 4 * u), (float) (xy.getY() - 4 * u));
                }
            }
        }
    }

    /** The legend lines of the protections drawn on the map (tint and dashed outline); none when none is. */
    static List<PrintLayout.LayerLegend> legend(ProtectionReport p) {
        List<PrintLayout.LayerLegend> out = new ArrayList<>();
        for (ProtectionReport.Kind k : drawn(p)) {
            Color c = COLOURS.get(k);
            boolean plu = k == ProtectionReport.Kind.PLU;
            out.add(HeritageReport.key(Localization.get(LEGEND.get(k)), new PolygonSymbolizer(plu ? null
                    : HeritageReport.fill(new Color(c.getRed(), c.getGreen(), c.getBlue(), 40)),
                    HeritageReport.stroke(c, plu ? 0.8 : 1.2, List.of(3.0, 1.5)))));
        }
        return out;
    }

    static void sections(TextFlow w, ProtectionReport p) {
        List<Section> missing = p.notConsulted();
        if (!missing.isEmpty()) {
            w.ensure(40);
            w.boxed(Localization.get("protection.pdf.notConsulted", String.join(", ", missing.stream().map(s -> s.kind().title()).toList())),
                    SMALL.withBold(true).withColor(WARN),
                    HeritageReport.WARNING_FILL, WARN);
            w.space(6);
        }
        for (Section s : p.sections()) {
            w.ensure(46);
            w.paragraph(s.kind().title(), H2, 0);
            w.space(2);
            w.paragraph(ProtectionText.status(s), BODY.withBold(true), 0);
            if (!s.hits().isEmpty()) {
                List<String[]> rows = new ArrayList<>();
                for (Hit h : s.hits()) {
                    rows.add(new String[] {h.label() == null ? "" : h.label(), h.name() == null ? "" : h.name(),
                            (h.act() == null ? "" : h.act()) + (h.date() == null ? "" : "\n" + ProtectionText.date(h.date())),
                            ProtectionText.hit(new Hit(null, null, null, null, h.overlapArea(), h.share(), null))
                                    .replaceFirst("^ : ", "")});
                }
                double wd = w.width();
                w.table(new double[] {90, wd - 90 - 120 - 110, 120, 110},
                        new String[] {Localization.get(s.kind() == ProtectionReport.Kind.PLU ? "protection.col.zone" : "protection.col.type"),
                                Localization.get("protection.col.name"), Localization.get("protection.col.act"), Localization.get("protection.col.share")}, rows, SMALL);
            }
            if (s.source() != null) w.paragraph(Localization.get("protection.source", ProtectionText.source(s)), SMALL.withColor(GREY_TEXT), 0);
            if (s.kind() == ProtectionReport.Kind.AC1 && s.consulted()) {
                w.paragraph(Localization.get("protection.ac1Note"), SMALL.withColor(GREY_TEXT), 0);
            }
            w.space(6);
        }
    }
}
