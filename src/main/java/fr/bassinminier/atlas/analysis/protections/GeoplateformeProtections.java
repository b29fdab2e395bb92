package fr.bassinminier.atlas.analysis.protections;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.analysis.impact.OnlineProtections;
import fr.bassinminier.atlas.analysis.impact.ProtectionReport;
import fr.bassinminier.atlas.analysis.impact.ProtectionReport.Hit;
import fr.bassinminier.atlas.analysis.impact.ProtectionReport.Kind;
import fr.bassinminier.atlas.analysis.impact.ProtectionReport.Section;
import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.io.wfs.WfsClient;
import fr.bassinminier.atlas.io.wfs.WfsQuery;
import fr.bassinminier.atlas.model.Feature;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.overlayng.OverlayNG;

/**
 * The protections of the Géoportail de l'Urbanisme, served by the Géoplateforme's WFS: the
 * surfaces of public-utility easements ({@code wfs_sup:assiette_sup_s}, categories AC1, AC2,
 * AC4) and the zoning of local plans ({@code wfs_du:zone_urba}). Two BBOX queries in Lambert-93
 * around the footprint, then the exact test on the geometries here.
 */
public final class GeoplateformeProtections implements OnlineProtections {
    public static final URI GEOPLATEFORME_WFS = URI.create("https://data.geopf.fr/wfs");
    public static final String EASEMENTS = "wfs_sup:assiette_sup_s";
    public static final String ZONING = "wfs_du:zone_urba";
    /** A footprint in town touches a few easements and zones; thousands means a wrong footprint. */
    private static final int MAX_FEATURES = 5_000;

    private final WfsClient wfs;
    private final String serviceName;

    public GeoplateformeProtections(WfsClient wfs) {
        this(wfs, "Géoplateforme (IGN) — Géoportail de l'Urbanisme");
    }

    public GeoplateformeProtections(WfsClient wfs, String serviceName) {
        this.wfs = wfs;
        this.serviceName = serviceName;
    }

    @Override
    public ProtectionReport consult(Geometry footprint) {
        Envelope box = new Envelope(footprint.getEnvelopeInternal());
        box.expandBy(1); // a point's box has no extent; some servers refuse it
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(footprint);
        Map<Kind, Section> sections = new EnumMap<>(Kind.class);
        String supSource = serviceName + ", WFS " + EASEMENTS;
        try {
            WfsClient.Result r = wfs.getFeatures(WfsQuery.of(EASEMENTS).withBbox(box).withMaxFeatures(MAX_FEATURES));
            Map<Kind, List<Hit>> byKind = new EnumMap<>(Kind.class);
            for (Kind k : List.of(Kind.AC1, Kind.AC2, Kind.AC4)) byKind.put(k, new ArrayList<>());
            for (Feature f : r.layer().features()) {
                Kind k = category(f);
                if (k == null || f.geometry() == null || !prepared.intersects(f.geometry())) continue;
                byKind.get(k).add(easement(f, footprint));
            }
            byKind.forEach((k, hits) -> sections.put(k, consulted(k, hits, supSource, r)));
        } catch (ServiceException e) {
            for (Kind k : List.of(Kind.AC1, Kind.AC2, Kind.AC4)) sections.put(k, Section.notConsulted(k, supSource, e.getMessage()));
        }
        String pluSource = serviceName + ", WFS " + ZONING;
        try {
            WfsClient.Result r = wfs.getFeatures(WfsQuery.of(ZONING).withBbox(box).withMaxFeatures(MAX_FEATURES));
            List<Hit> hits = new ArrayList<>();
            for (Feature f : r.layer().features()) {
                if (f.geometry() != null && prepared.intersects(f.geometry())) hits.add(zone(f, footprint));
            }
            sections.put(Kind.PLU, consulted(Kind.PLU, hits, pluSource, r));
        } catch (ServiceException e) {
            sections.put(Kind.PLU, Section.notConsulted(Kind.PLU, pluSource, e.getMessage()));
        }
        return new ProtectionReport(new ArrayList<>(sections.values()));
    }

    private static Section consulted(Kind k, List<Hit> hits, String source, WfsClient.Result r) {
        // one line per distinct protection (a perimeter cut into several polygons adds up)
        Map<String, Hit> merged = new java.util.LinkedHashMap<>();
        for (Hit h : hits) {
            String key = h.label() + "|" + h.name() + "|" + h.act() + "|" + h.date();
            Hit known = merged.get(key);
            merged.put(key, known == null ? h : new Hit(h.label(), h.name(), h.act(), h.date(),
                    known.overlapArea() + h.overlapArea(), Double.isNaN(h.share()) ? h.share() : known.share() + h.share(),
                    h.url(), union(known.geometry(), h.geometry())));
        }
        List<Hit> sorted = new ArrayList<>(merged.values());
        sorted.sort(Comparator.comparingDouble(Hit::overlapArea).reversed());
        String date = r.fetchedAt() == null ? null : r.fetchedAt().atZone(Localization.FRANCE).toLocalDate().toString();
        return new Section(k, true, null, sorted, source, date, r.fromCache());
    }

    /** The easement's category from suptype ("ac1", "AC1"), null when not one of ours. */
    static Kind category(Feature f) {
        String t = text(f, "suptype", "typesup", "categorie", "cat");
        if (t == null) return null;
        return switch (t.strip().toLowerCase(Locale.ROOT)) {
            case "ac1" -> Kind.AC1;
            case "ac2" -> Kind.AC2;
            case "ac4" -> Kind.AC4;
            default -> null;
        };
    }

    private static Hit easement(Feature f, Geometry footprint) {
        double[] overlap = overlap(footprint, f.geometry());
        return new Hit(text(f, "typeass", "type"), text(f, "nomass", "nomsuplitt", "nomgen", "nom", "libelle"),
                text(f, "nomacte", "acte", "reference", "idgen", "idsup"), text(f, "dateact", "datesrc", "date"),
                overlap[0], overlap[1], url(f, "urlacte", "urlfic", "fichier"), f.geometry());
    }

    private static Hit zone(Feature f, Geometry footprint) {
        double[] overlap = overlap(footprint, f.geometry());
        String label = text(f, "libelle");
        String type = text(f, "typezone");
        if (label == null) label = type;
        else if (type != null && !type.equalsIgnoreCase(label)) label = label + ", type " + type;
        return new Hit(label, text(f, "libelong"), text(f, "idurba", "partition"), text(f, "datappro", "datvalid"),
                overlap[0], overlap[1], url(f, "urlfic"), f.geometry());
    }

    /** The parts of one protection cut into several polygons, as one area to draw. */
    private static Geometry union(Geometry a, Geometry b) {
        if (a == null) return b;
        if (b == null) return a;
        try {
            return OverlayNGRobust.overlay(a, b, OverlayNG.UNION);
        } catch (RuntimeException e) {
            return a.getFactory().buildGeometry(List.of(a, b));
        }
    }

    /** {m² of the footprint inside, share of the footprint}; share NaN for points and lines. */
    private static double[] overlap(Geometry footprint, Geometry g) {
        double area = footprint.getArea();
        if (area <= 0) return new double[] {0, Double.NaN};
        double inside = OverlayNGRobust.overlay(footprint, g, OverlayNG.INTERSECTION).getArea();
        return new double[] {inside, inside / area};
    }

    /** The first non-blank value among these fields, matched without case. */
    static String text(Feature f, String... names) {
        Map<String, Object> attrs = f.attributes();
        for (String n : names) {
            for (Map.Entry<String, Object> e : attrs.entrySet()) {
                if (e.getKey().equalsIgnoreCase(n) && e.getValue() != null && !e.getValue().toString().isBlank()) {
                    return e.getValue().toString().strip();
                }
            }
        }
        return null;
    }

    private static String url(Feature f, String... names) {
        String u = text(f, names);
        return u != null && (u.startsWith("http://") || u.startsWith("https://")) ? u : null;
    }
}
