package fr.bassinminier.atlas.analysis.impact;

import fr.bassinminier.atlas.analysis.CiteRecord;
import fr.bassinminier.atlas.analysis.Measure;
import fr.bassinminier.atlas.analysis.impact.ImpactReport.CiteStatus;
import fr.bassinminier.atlas.analysis.impact.ImpactReport.ComponentHit;
import fr.bassinminier.atlas.analysis.impact.ImpactReport.ElementHit;
import fr.bassinminier.atlas.analysis.impact.ImpactReport.ZoneResult;
import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.model.CrsId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The answer in French, as plain text an architect can paste into an opinion; also the pieces
 * the PDF report lays out (summary sentence, one line per finding).
 */
public final class ImpactText {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    public static final String TITLE = "Vérification patrimoniale — Bassin minier du Nord–Pas-de-Calais, "
            + "patrimoine mondial de l'UNESCO";

    private ImpactText() {
    }

    /** The whole answer. */
    public static String format(ImpactReport r, ReportInfo info) {
        return format(r, info, null);
    }

    /** The whole answer with the protections consulted online (null: none asked), before the sources. */
    public static String format(ImpactReport r, ReportInfo info, ProtectionReport online) {
        StringBuilder b = new StringBuilder();
        b.append(TITLE).append('\n');
        String head = header(info);
        if (!head.isEmpty()) b.append(head).append('\n');
        b.append('\n');
        b.append("Emprise : ").append(footprint(r)).append('\n');
        for (String n : r.footprint().notes()) b.append("  Remarque : ").append(n).append('\n');
        b.append('\n').append("Réponse : ").append(summary(r)).append('\n');
        if (r.indicative()) b.append("DONNÉES INDICATIVES — voir l'avertissement ci-dessous.\n");
        b.append('\n');

        b.append("Bien inscrit : ").append(propertyLine(r.property())).append('\n');
        for (ComponentHit c : r.property().components()) b.append("  – ").append(component(c)).append('\n');
        b.append("Zone tampon : ").append(bufferLine(r.buffer())).append('\n');
        List<ComponentHit> others = r.property().nearby().stream().filter(c -> c.distance() > 0).toList();
        if (!others.isEmpty()) {
            b.append('\n').append("Autres éléments du bien à moins de ").append(Measure.formatDistance(r.radius()))
                    .append(" :\n");
            for (ComponentHit c : others) {
                b.append("  – ").append(componentName(c)).append(", à ").append(Measure.formatDistance(c.distance()))
                        .append('\n');
            }
        }

        b.append('\n').append("Éléments patrimoniaux à moins de ").append(Measure.formatDistance(r.radius()))
                .append(" : ").append(r.elements().isEmpty() ? "aucun" : Integer.toString(r.elements().size()))
                .append('\n');
        for (ElementHit e : r.elements()) b.append("  – ").append(element(e, true)).append('\n');

        b.append('\n').append("Monuments historiques (inscrits ou classés) à moins de ")
                .append(Measure.formatDistance(ImpactOptions.ABORDS_METRES)).append(" : ")
                .append(r.monuments().isEmpty() ? "aucun d'après les couches du bien"
                        : Integer.toString(r.monuments().size())).append('\n');
        for (ElementHit e : r.monuments()) b.append("  – ").append(element(e, true)).append('\n');

        if (!r.nearest().isEmpty()) {
            b.append('\n').append("Élément le plus proche de chaque nature :\n");
            for (ElementHit e : r.nearest()) b.append("  – ").append(nearest(e)).append('\n');
        }

        if (!r.cites().isEmpty()) {
            b.append('\n').append("Cités minières concernées (à moins de ").append(Measure.formatDistance(r.radius()))
                    .append(") et état de leur rénovation :\n");
            for (CiteStatus c : r.cites()) b.append("  – ").append(cite(c)).append('\n');
        }
        if (!r.terrils().isEmpty()) {
            b.append('\n').append("Terrils concernés (à moins de ").append(Measure.formatDistance(r.radius()))
                    .append(") :\n");
            for (ElementHit t : r.terrils()) b.append("  – ").append(element(t, false)).append('\n');
        }

        if (online != null) b.append(ProtectionText.block(online));

        b.append('\n').append("Sources :\n");
        for (HeritageSource s : r.sources()) b.append("  – ").append(source(s)).append('\n');
        if (!r.warnings().isEmpty()) {
            b.append('\n');
            for (String w : r.warnings()) b.append("ATTENTION : ").append(w).append('\n');
        }
        if (!r.dataNotes().isEmpty()) {
            b.append('\n').append("Notes sur les données :\n");
            for (String n : r.dataNotes()) b.append("  – ").append(n).append('\n');
        }
        b.append('\n').append("Hors du champ de cette vérification :\n");
        for (String s : r.outOfScope()) b.append("  – ").append(s).append('\n');
        return b.toString();
    }

    /** "Dossier : … · Vérifié par : … · Le 24/11/2026". */
    public static String header(ReportInfo info) {
        if (info == null) return "";
        List<String> parts = new ArrayList<>();
        if (info.reference() != null) parts.add("Dossier : " + info.reference());
        if (info.author() != null) parts.add("Vérifié par : " + info.author());
        if (info.date() != null) parts.add("Le " + DAY.format(info.date()));
        return String.join(" · ", parts);
    }

    /** One sentence: where the footprint stands. */
    public static String summary(ImpactReport r) {
        ZoneResult p = r.property();
        ZoneResult z = r.buffer();
        String elements = p.components().isEmpty() ? "" : " (" + String.join(", ",
                p.components().stream().map(ImpactText::componentName).toList()) + ")";
        return switch (r.situation()) {
            case BIEN -> "l'emprise est DANS LE BIEN INSCRIT au patrimoine mondial" + elements + ".";
            case BIEN_ET_ZONE_TAMPON -> "l'emprise est EN PARTIE DANS LE BIEN INSCRIT" + elements
                    + " et EN PARTIE DANS SA ZONE TAMPON.";
            case ZONE_TAMPON -> "l'emprise est DANS LA ZONE TAMPON du bien inscrit"
                    + (p.available() ? ", à " + Measure.formatDistance(p.distance()) + " du bien ("
                    + componentName(p.nearest()) + ")" : "") + ".";
            case HORS -> "l'emprise est HORS DU BIEN INSCRIT ET DE SA ZONE TAMPON"
                    + (p.available() ? " ; le bien est à " + Measure.formatDistance(p.distance()) + " ("
                    + componentName(p.nearest()) + ")" : "")
                    + (z.available() ? ", la zone tampon à " + Measure.formatDistance(z.distance()) : "") + ".";
        };
    }

    public static String propertyLine(ZoneResult p) {
        if (!p.available()) return "non vérifié (aucune couche du bien)";
        if (!p.intersects()) return "NON — à " + Measure.formatDistance(p.distance()) + " de l'" + componentName(p.nearest());
        return "OUI — " + overlap(p);
    }

    public static String bufferLine(ZoneResult z) {
        if (!z.available()) return "non vérifié (aucune couche de zone tampon)";
        if (!z.intersects()) return "NON — à " + Measure.formatDistance(z.distance());
        return "OUI — " + overlap(z);
    }

    private static String overlap(ZoneResult z) {
        List<String> parts = new ArrayList<>();
        if (!Double.isNaN(z.share())) parts.add(area(z.overlapArea()) + " (" + percent(z.share()) + " de l'emprise)");
        if (z.overlapLength() > 0) parts.add(Measure.formatDistance(z.overlapLength()) + " de tracé linéaire");
        if (parts.isEmpty()) parts.add("l'emprise y est située");
        return String.join(", ", parts);
    }

    /** "élément 81 « Château Mercier… »". */
    public static String componentName(ComponentHit c) {
        if (c == null) return "";
        String n = c.number() != null ? "élément " + c.number() : "composante";
        return c.name() != null ? n + " « " + c.name() + " »" : n;
    }

    public static String component(ComponentHit c) {
        StringBuilder b = new StringBuilder(componentName(c));
        if (c.section() != null) {
            b.append(", section ").append(c.sectionNumber() != null ? c.sectionNumber() + " " : "")
                    .append("(").append(c.section()).append(")");
        }
        if (c.overlapArea() > 0) b.append(" : ").append(area(c.overlapArea()));
        if (c.overlapLength() > 0) b.append(c.overlapArea() > 0 ? ", " : " : ")
                .append(Measure.formatDistance(c.overlapLength())).append(" de tracé");
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
        if ("zone_tampon".equals(e.perimeter())) b.append(" (zone tampon)");
        return b.toString();
    }

    /** "« Église Sainte-Barbe » (81A)", or the id alone. */
    public static String elementName(ElementHit e) {
        String id = e.id() != null ? e.id() : "";
        if (e.name() == null) return id.isEmpty() ? "sans nom" : id;
        return "« " + e.name() + " »" + (id.isEmpty() || e.name().contains(id) ? "" : " (" + id + ")");
    }

    /** "dans l'emprise (350 m²)", "contigu", "120 m". */
    public static String distance(ElementHit e) {
        if (e.distance() > 0) return Measure.formatDistance(e.distance());
        return e.overlapArea() > 0 ? "touché par l'emprise (" + area(e.overlapArea()) + ")" : "touché par l'emprise";
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
        if (!c.renovationRecorded()) return "rénovation : non renseignée par ces données";
        CiteRecord rec = c.record();
        StringBuilder b = new StringBuilder("réhabilitation des logements : ")
                .append(rec.renovation() != null ? rec.renovation() : "non renseignée");
        if (rec.urbanRenewal() != null) b.append(" ; rénovation urbaine : ").append(rec.urbanRenewal());
        if (rec.statusDate() != null) b.append(" (état au ").append(rec.statusDate()).append(")");
        return b.toString();
    }

    /** "Bien inscrit : « … » — bien-inscrit.geojson, 2026-11-24 (date du fichier) — données indicatives". */
    public static String source(HeritageSource s) {
        StringBuilder b = new StringBuilder(s.role().layerLabel()).append(" : « ").append(s.title()).append(" »");
        if (s.file() != null) {
            String f = s.file().replace('\\', '/');
            b.append(" — ").append(f.substring(f.lastIndexOf('/') + 1));
            if (s.layerName() != null) b.append(" › ").append(s.layerName());
        }
        b.append(", ").append(s.features()).append(" objet").append(s.features() > 1 ? "s" : "");
        if (s.date() != null) b.append(", daté du ").append(date(s.date())).append(" (").append(s.dateOrigin()).append(")");
        if (s.attribution() != null) b.append(" — ").append(s.attribution());
        if (s.indicative()) b.append(" — DONNÉES INDICATIVES");
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
        return shape(g) + " — " + f.description() + (f.inputCrs() != null ? ", " + f.inputCrs() : "")
                + " ; " + (g instanceof Point ? "position" : "centre") + " E " + Measure.number(c.getX(), 0)
                + " m, N " + Measure.number(c.getY(), 0) + " m (Lambert-93), " + Measure.number(ll[1], 5) + "° N, "
                + Measure.number(ll[0], 5) + "° E";
    }

    /** "point", "ligne de 120 m", "polygone de 1 250 m²", "2 polygones, 3 400 m² au total". */
    public static String shape(Geometry g) {
        double area = g.getArea();
        double length = g.getLength();
        int n = g.getNumGeometries();
        return switch (g.getGeometryType()) {
            case "Point" -> "point";
            case "MultiPoint" -> n + " points";
            case "LineString", "LinearRing" -> "ligne de " + Measure.formatDistance(length);
            case "MultiLineString" -> n + " lignes, " + Measure.formatDistance(length) + " au total";
            case "Polygon" -> "polygone de " + area(area);
            case "MultiPolygon" -> n + " polygones, " + area(area) + " au total";
            default -> "emprise composite de " + n + " parties" + (area > 0 ? ", " + area(area) : "");
        };
    }

    /**
     * Square metres in French, to the square metre as a permit states them: "350 m²",
     * "12 183 m² (1,22 ha)"; hectares alone from 100 ha; a sliver under half a square metre says so.
     */
    public static String area(double squareMetres) {
        if (squareMetres > 0 && squareMetres < 0.5) return "moins de 1\u00A0m²";
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
