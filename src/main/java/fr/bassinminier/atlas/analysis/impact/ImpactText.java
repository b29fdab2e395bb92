package fr.bassinminier.atlas.analysis.impact;

import fr.bassinminier.atlas.analysis.CiteRecord;
import fr.bassinminier.atlas.analysis.Measure;
import fr.bassinminier.atlas.analysis.impact.ImpactReport.CiteStatus;
import fr.bassinminier.atlas.analysis.impact.ImpactReport.ComponentHit;
import fr.bassinminier.atlas.analysis.impact.ImpactReport.ElementHit;
import fr.bassinminier.atlas.analysis.impact.ImpactReport.ZoneResult;
import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.model.CrsId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The answer in the UI language (French by default), as plain text an architect can paste into an opinion; also the pieces
 * the PDF report lays out (summary sentence, one line per finding).
 */
public final class ImpactText {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private ImpactText() {
    }

    /** The whole answer. */
    public static String format(ImpactReport r, ReportInfo info) {
        return format(r, info, null);
    }

    /** The whole answer with the protections consulted online (null: none asked), before the sources. */
    public static String format(ImpactReport r, ReportInfo info, ProtectionReport online) {
        StringBuilder b = new StringBuilder();
        b.append(Localization.get("report.title")).append('\n');
        String head = header(info);
        if (!head.isEmpty()) b.append(head).append('\n');
        b.append('\n');
        b.append(Localization.get("report.footprint")).append(footprint(r)).append('\n');
        for (String n : r.footprint().notes()) b.append(Localization.get("report.note")).append(n).append('\n');
        b.append('\n').append(Localization.get("report.answer")).append(summary(r)).append('\n');
        if (r.indicative()) b.append(Localization.get("report.indicative")).append('\n');
        b.append('\n');

        b.append(Localization.get("report.property")).append(propertyLine(r.property())).append('\n');
        for (ComponentHit c : r.property().components()) b.append("  – ").append(component(c)).append('\n');
        b.append(Localization.get("report.buffer")).append(bufferLine(r.buffer())).append('\n');
        List<ComponentHit> others = r.property().nearby().stream().filter(c -> c.distance() > 0).toList();
        if (!others.isEmpty()) {
            b.append('\n').append(Localization.get("report.otherComponents", Measure.formatDistance(r.radius())))
                    .append('\n');
            for (ComponentHit c : others) {
                b.append("  – ").append(Localization.get("report.componentAt", componentName(c), Measure.formatDistance(c.distance())))
                        .append('\n');
            }
        }

        b.append('\n').append(Localization.get("report.elements", Measure.formatDistance(r.radius()),
                r.elements().isEmpty() ? Localization.get("report.none") : Integer.toString(r.elements().size())))
                .append('\n');
        for (ElementHit e : r.elements()) b.append("  – ").append(element(e, true)).append('\n');

        b.append('\n').append(Localization.get("report.monuments", Measure.formatDistance(ImpactOptions.ABORDS_METRES),
                r.monuments().isEmpty() ? Localization.get("report.monuments.none")
                        : Integer.toString(r.monuments().size()))).append('\n');
        for (ElementHit e : r.monuments()) b.append("  – ").append(element(e, true)).append('\n');

        if (!r.nearest().isEmpty()) {
            b.append('\n').append(Localization.get("report.nearest")).append('\n');
            for (ElementHit e : r.nearest()) b.append("  – ").append(nearest(e)).append('\n');
        }

        if (!r.cites().isEmpty()) {
            b.append('\n').append(Localization.get("report.cites", Measure.formatDistance(r.radius())))
                    .append('\n');
            for (CiteStatus c : r.cites()) b.append("  – ").append(cite(c)).append('\n');
        }
        if (!r.terrils().isEmpty()) {
            b.append('\n').append(Localization.get("report.terrils", Measure.formatDistance(r.radius())))
                    .append('\n');
            for (ElementHit t : r.terrils()) b.append("  – ").append(element(t, false)).append('\n');
        }

        if (online != null) b.append(ProtectionText.block(online));

        b.append('\n').append(Localization.get("report.sources")).append('\n');
        for (HeritageSource s : r.sources()) b.append("  – ").append(source(s)).append('\n');
        if (!r.warnings().isEmpty()) {
            b.append('\n');
            for (String w : r.warnings()) b.append(Localization.get("report.warning")).append(w).append('\n');
        }
        if (!r.dataNotes().isEmpty()) {
            b.append('\n').append(Localization.get("report.dataNotes")).append('\n');
            for (String n : r.dataNotes()) b.append("  – ").append(n).append('\n');
        }
        b.append('\n').append(Localization.get("report.outOfScope")).append('\n');
        for (String s : r.outOfScope()) b.append("  – ").append(s).append('\n');
        return b.toString();
    }

    /** "Dossier : … · Vérifié par : … · Le 24/11/2026". */
    public static String header(ReportInfo info) {
        if (info == null) return "";
        List<String> parts = new ArrayList<>();
        if (info.reference() != null) parts.add(Localization.get("report.header.reference", info.reference()));
        if (info.author() != null) parts.add(Localization.get("report.header.author", info.author()));
        if (info.date() != null) parts.add(Localization.get("report.header.date", DAY.format(info.date())));
        return String.join(" · ", parts);
    }

    /** One sentence: where the footprint stands. */
    public static String summary(ImpactReport r) {
        ZoneResult p = r.property();
        ZoneResult z = r.buffer();
        String elements = p.components().isEmpty() ? "" : " (" + String.join(", ",
                p.components().stream().map(ImpactText::componentName).toList()) + ")";
        return switch (r.situation()) {
            case BIEN -> Localization.get("report.summary.property", elements);
            case BIEN_ET_ZONE_TAMPON -> Localization.get("report.summary.both", elements);
            case ZONE_TAMPON -> Localization.get("report.summary.buffer", p.available() ? Localization.get("report.summary.buffer.from",
                    Measure.formatDistance(p.distance()), componentName(p.nearest())) : "");
            case HORS -> Localization.get("report.summary.outside", p.available() ? Localization.get("report.summary.outside.property",
                    Measure.formatDistance(p.distance()), componentName(p.nearest())) : "",
                    z.available() ? Localization.get("report.summary.outside.buffer", Measure.formatDistance(z.distance())) : "");
        };
    }

    public static String propertyLine(ZoneResult p) {
        if (!p.available()) return Localization.get("report.property.unchecked");
        if (!p.intersects()) return Localization.get("report.property.no", Measure.formatDistance(p.distance()), componentName(p.nearest()));
        return Localization.get("report.yes", overlap(p));
    }

    public static String bufferLine(ZoneResult z) {
        if (!z.available()) return Localization.get("report.buffer.unchecked");
        if (!z.intersects()) return Localization.get("report.buffer.no", Measure.formatDistance(z.distance()));
        return Localization.get("report.yes", overlap(z));
    }

    private static String overlap(ZoneResult z) {
        List<String> parts = new ArrayList<>();
        if (!Double.isNaN(z.share())) parts.add(Localization.get("report.overlap.area", area(z.overlapArea()), percent(z.share())));
        if (z.overlapLength() > 0) parts.add(Localization.get("report.overlap.length", Measure.formatDistance(z.overlapLength())));
        if (parts.isEmpty()) parts.add(Localization.get("report.overlap.inside"));
        return String.join(", ", parts);
    }

    /** "élément 81 « Château Mercier… »". */
    public static String componentName(ComponentHit c) {
        if (c == null) return "";
        String n = c.number() != null ? Localization.get("report.component.number", c.number()) : Localization.get("report.component");
        return c.name() != null ? Localization.text("analysis.labelQuoted", n, c.name()) : n;
    }

    public static String component(ComponentHit c) {
        StringBuilder b = new StringBuilder(componentName(c));
        if (c.section() != null) {
            b.append(Localization.get("report.component.section", c.sectionNumber() != null ? c.sectionNumber() + " " : "",
                    c.section()));
        }
        if (c.overlapArea() > 0) b.append(" : ").append(area(c.overlapArea()));
        if (c.overlapLength() > 0) b.append(c.overlapArea() > 0 ? ", " : " : ")
                .append(Localization.get("report.component.length", Measure.formatDistance(c.overlapLength())));
        return b.toString();
    }

    /** "Bâti — Édifice religieux : « Église Sainte-Barbe » (81A), Auchel, 120 m, monument historique inscrit". */
    public static String element(ElementHit e, boolean withKind) {
        StringBuilder b = new StringBuilder();
        if (withKind) {
            b.append(e.role().elementLabel());
            if (e.category() != null) b.append(" — ").append(e.category());
            b.append(" : ");
        }
        b.append(elementName(e));
        if (e.commune() != null) b.append(", ").append(e.commune());
        b.append(", ").append(distance(e));
        if (e.monument() != null && e.monument().isListed()) b.append(", ").append(e.monument().label());
        else if (e.protection() != null && Fields.fold(e.protection()).contains("abords")) {
            b.append(", ").append(Character.toLowerCase(e.protection().charAt(0))).append(e.protection().substring(1));
        }
        if ("zone_tampon".equals(e.perimeter())) b.append(Localization.get("report.element.inBuffer"));
        return b.toString();
    }

    /** "« Église Sainte-Barbe » (81A)", or the id alone. */
    public static String elementName(ElementHit e) {
        String id = e.id() != null ? e.id() : "";
        if (e.name() == null) return id.isEmpty() ? Localization.get("report.element.unnamed") : id;
        return Localization.text("analysis.quotedWithSuffix", e.name(), (id.isEmpty() || e.name().contains(id) ? "" : " (" + id + ")"));
    }

    /** "dans l'emprise (350 m²)", "contigu", "120 m". */
    public static String distance(ElementHit e) {
        if (e.distance() > 0) return Measure.formatDistance(e.distance());
        return e.overlapArea() > 0 ? Localization.get("report.touched.area", area(e.overlapArea())) : Localization.get("report.touched");
    }

    private static String nearest(ElementHit e) {
        String kind = e.role().elementLabel() + (e.category() != null ? " — " + e.category() : "");
        return kind + " : " + elementName(e) + (e.commune() != null ? ", " + e.commune() : "") + ", " + distance(e);
    }

    /** "« Cité 9 » (Bully-les-Mines), 120 m — réhabilitation des logements : en cours (état au 2023-01)". */
    public static String cite(CiteStatus c) {
        ElementHit e = c.element();
        CiteRecord rec = c.record();
        StringBuilder b = new StringBuilder(elementName(e));
        if (!rec.communes().isEmpty()) b.append(" (").append(rec.communesText()).append(")");
        else if (e.commune() != null) b.append(" (").append(e.commune()).append(")");
        b.append(", ").append(distance(e)).append(" — ").append(renovation(c));
        return b.toString();
    }

    public static String renovation(CiteStatus c) {
        if (!c.renovationRecorded()) return Localization.get("report.renovation.unrecorded");
        CiteRecord rec = c.record();
        StringBuilder b = new StringBuilder(Localization.get("report.renovation",
                rec.renovation() != null ? rec.renovation() : Localization.get("report.renovation.unknown")));
        if (rec.urbanRenewal() != null) b.append(Localization.get("report.renovation.urban", rec.urbanRenewal()));
        if (rec.statusDate() != null) b.append(Localization.get("report.renovation.date", rec.statusDate()));
        return b.toString();
    }

    /** "Bien inscrit : « … » — bien-inscrit.geojson, 2026-11-24 (date du fichier) — données indicatives". */
    public static String source(HeritageSource s) {
        StringBuilder b = new StringBuilder(s.role().layerLabel()).append(Localization.get("analysis.quoteOpen")).append(s.title()).append(Localization.get("analysis.quoteClose"));
        if (s.file() != null) {
            String f = s.file().replace('\\', '/');
            b.append(" — ").append(f.substring(f.lastIndexOf('/') + 1));
            if (s.layerName() != null) b.append(" › ").append(s.layerName());
        }
        b.append(Localization.get(s.features() > 1 ? "report.source.features" : "report.source.feature", String.valueOf(s.features())));
        if (s.date() != null) b.append(Localization.get("report.source.date", date(s.date()), s.dateOrigin()));
        if (s.attribution() != null) b.append(" — ").append(s.attribution());
        if (s.indicative()) b.append(Localization.get("report.source.indicative"));
        return b.toString();
    }

    /** An ISO date (2026-11-24) the French way (24/11/2026); other text unchanged. */
    public static String date(String iso) {
        if (iso == null || !iso.matches("\\d{4}-\\d{2}-\\d{2}")) return iso;
        return iso.substring(8, 10) + "/" + iso.substring(5, 7) + "/" + iso.substring(0, 4);
    }

    /** "polygone de 1 250 m² — WKT (Polygon), saisi en EPSG:2154 ; centre E 680 184, N 7 041 461 (50,5170° N, 2,6310° E)". */
    public static String footprint(ImpactReport r) {
        Footprint f = r.footprint();
        Geometry g = f.geometry();
        Point c = g.getCentroid();
        double[] ll = CrsTransforms.between(CrsId.LAMBERT_93, CrsId.WGS84).apply(c.getX(), c.getY());
        return Localization.get("report.footprint.line", shape(g), f.description() + (f.inputCrs() != null ? ", " + f.inputCrs() : ""),
                Localization.get(g instanceof Point ? "report.footprint.position" : "report.footprint.centre"),
                Measure.number(c.getX(), 0), Measure.number(c.getY(), 0), Measure.number(ll[1], 5),
                Measure.number(ll[0], 5));
    }

    /** "point", "ligne de 120 m", "polygone de 1 250 m²", "2 polygones, 3 400 m² au total". */
    public static String shape(Geometry g) {
        double area = g.getArea();
        double length = g.getLength();
        int n = g.getNumGeometries();
        return switch (g.getGeometryType()) {
            case "Point" -> Localization.get("report.shape.point");
            case "MultiPoint" -> Localization.get("report.shape.points", String.valueOf(n));
            case "LineString", "LinearRing" -> Localization.get("report.shape.line", Measure.formatDistance(length));
            case "MultiLineString" -> Localization.get("report.shape.lines", String.valueOf(n), Measure.formatDistance(length));
            case "Polygon" -> Localization.get("report.shape.polygon", area(area));
            case "MultiPolygon" -> Localization.get("report.shape.polygons", String.valueOf(n), area(area));
            default -> Localization.get("report.shape.composite", String.valueOf(n)) + (area > 0 ? ", " + area(area) : "");
        };
    }

    /**
     * Square metres in French, to the square metre as a permit states them: "350 m²",
     * "12 183 m² (1,22 ha)"; hectares alone from 100 ha; a sliver under half a square metre says so.
     */
    public static String area(double squareMetres) {
        if (squareMetres > 0 && squareMetres < 0.5) return Localization.get("report.area.sliver");
        if (squareMetres < 10_000) return Measure.formatArea(squareMetres / 10_000);
        String ha = Measure.number(squareMetres / 10_000, 2) + "\u00A0ha";
        if (squareMetres >= 1_000_000) return ha;
        return Measure.number(squareMetres, 0) + "\u00A0m² (" + ha + ")";
    }

    public static String percent(double share) {
        double p = share * 100;
        int decimals = (p > 99 && p < 100) || (p > 0 && p < 1) ? 1 : 0;
        if (p > 99.95 && p < 100) return "99,9\u00A0%";
        return Measure.number(p, decimals) + "\u00A0%";
    }
}
