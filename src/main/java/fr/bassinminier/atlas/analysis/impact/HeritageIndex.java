package fr.bassinminier.atlas.analysis.impact;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.analysis.CiteRecord;
import fr.bassinminier.atlas.analysis.FieldLookup;
import fr.bassinminier.atlas.analysis.impact.HeritageLayers.RoleLayer;
import fr.bassinminier.atlas.analysis.impact.ImpactReport.CiteStatus;
import fr.bassinminier.atlas.analysis.impact.ImpactReport.ComponentHit;
import fr.bassinminier.atlas.analysis.impact.ImpactReport.ElementHit;
import fr.bassinminier.atlas.analysis.impact.ImpactReport.ZoneResult;
import fr.bassinminier.atlas.analysis.Measure;
import fr.bassinminier.atlas.model.Feature;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The heritage layers made ready for many checks: each perimeter and element kind in an
 * STR-tree, the property and buffer zone polygons prepared (PreparedGeometry) for the
 * point-in-polygon and crossing tests, invalid official polygons repaired once. Building it takes
 * tens of milliseconds on the full official data; a check then takes a few milliseconds.
 *
 * <p>Immutable once built and safe to share: {@link #check} may run on any thread, several at once
 * (JTS's prepared geometries and built STR-trees are read-only after construction). A desktop
 * builds it off the FX thread when the project changes, then calls {@code check} off the FX
 * thread too and shows the report.
 */
public final class HeritageIndex {
    private static final GeometryFactory GF = new GeometryFactory();
    /** Beyond this, the footprint is probably in the wrong CRS: the answer says so. */
    private static final double FAR_METRES = 30_000;

    private final HeritageLayers layers;
    private final Group property;
    private final Group buffer;
    private final Map<HeritageRole, Group> elements = new EnumMap<>(HeritageRole.class);
    /** One group per kind for "the nearest of each kind"; buildings split by typologie. */
    private final Map<String, Group> kinds = new LinkedHashMap<>();
    private final List<String> dataNotes = new ArrayList<>();
    private final long buildNanos;

    /** A feature ready for checks. */
    private record Item(RoleLayer layer, Feature feature, Geometry geometry, PreparedGeometry prepared,
                        String category) {
    }

    /** Features of one kind in one tree. */
    private static final class Group {
        final List<Item> items = new ArrayList<>();
        final STRtree tree = new STRtree();

        void add(Item it) {
            items.add(it);
            tree.insert(it.geometry.getEnvelopeInternal(), it);
        }

        Group build() {
            tree.build();
            return this;
        }
    }

    /** Exact distance between a tree item and the query geometry; the tree bounds it by envelopes. */
    private static final ItemDistance EXACT = (ItemBoundable a, ItemBoundable b) ->
            geometry(a.getItem()).distance(geometry(b.getItem()));

    private static Geometry geometry(Object o) {
        return o instanceof Item it ? it.geometry : (Geometry) o;
    }

    private HeritageIndex(HeritageLayers layers) {
        long t0 = System.nanoTime();
        this.layers = layers;
        property = new Group();
        buffer = new Group();
        Map<String, Integer> repaired = new LinkedHashMap<>();
        for (RoleLayer rl : layers.layers()) {
            HeritageRole role = rl.role();
            for (Feature f : rl.layer().data().features()) {
                Geometry g = f.geometry();
                if (g == null || g.isEmpty()) continue;
                if (!g.isValid()) {
                    // Simplified official polygons can self-intersect; overlay needs valid input.
                    g = GeometryFixer.fix(g);
                    repaired.merge(rl.layer().entry().title(), 1, Integer::sum);
                    if (g.isEmpty()) continue;
                }
                boolean perimeter = !role.isElement();
                Item it = new Item(rl, f, g, perimeter ? PreparedGeometryFactory.prepare(g) : null,
                        category(role, f));
                switch (role) {
                    case PROPERTY -> property.add(it);
                    case BUFFER -> buffer.add(it);
                    default -> {
                        elements.computeIfAbsent(role, r -> new Group()).add(it);
                        String key = role.key() + (it.category != null && role == HeritageRole.BUILDING
                                ? "/" + it.category : "");
                        kinds.computeIfAbsent(key, k -> new Group()).add(it);
                    }
                }
            }
        }
        property.build();
        buffer.build();
        elements.values().forEach(Group::build);
        kinds.values().forEach(Group::build);
        repaired.forEach((title, n) -> dataNotes.add(Localization.get(n > 1 ? "report.repaired.many" : "report.repaired.one", title,
                String.valueOf(n))));
        dataNotes.addAll(layers.ignored());
        for (HeritageLayers.SetAside a : layers.setAside()) {
            dataNotes.add(Localization.text("analysis.roleLayerProblem", a.role().layerLabel(), a.title(), a.reason()));
        }
        buildNanos = System.nanoTime() - t0;
    }

    /** Indexes the layers (tens of milliseconds on the official data): do it once, off the UI thread. */
    public static HeritageIndex build(HeritageLayers layers) {
        return new HeritageIndex(layers);
    }

    public HeritageLayers layers() {
        return layers;
    }

    /** How long indexing took, for the bench. */
    public long buildNanos() {
        return buildNanos;
    }

    /** Checks a footprint; safe to call from any thread. */
    public ImpactReport check(Footprint footprint, ImpactOptions options) {
        long t0 = System.nanoTime();
        Geometry g = footprint.geometry();
        Parts parts = Parts.of(g);
        double radius = options.radius();

        ZoneResult prop = zone(property, g, parts, radius, true);
        ZoneResult buf = zone(buffer, g, parts, 0, false);

        List<ElementHit> within = within(g, parts, radius);
        List<ElementHit> monuments = new ArrayList<>();
        for (ElementHit e : radius >= ImpactOptions.ABORDS_METRES ? within
                : within(g, parts, ImpactOptions.ABORDS_METRES)) {
            if (e.monument() != null && e.monument().isListed() && e.distance() <= ImpactOptions.ABORDS_METRES) {
                monuments.add(e);
            }
        }
        List<ElementHit> nearest = new ArrayList<>();
        for (Group kind : kinds.values()) {
            Object hit = kind.tree.nearestNeighbour(g.getEnvelopeInternal(), g, EXACT);
            if (hit instanceof Item it) nearest.add(element(it, g, parts));
        }
        nearest.sort(Comparator.comparingDouble(ElementHit::distance));

        List<CiteStatus> cites = new ArrayList<>();
        List<ElementHit> terrils = new ArrayList<>();
        for (ElementHit e : within) {
            if (e.role() == HeritageRole.CITE) {
                RoleLayer rl = layerOf(e);
                boolean recorded = rl != null && FieldLookup.has(rl.layer().data().schema(), "statut_renovation");
                cites.add(new CiteStatus(e, CiteRecord.of(e.feature()), recorded));
            } else if (e.role() == HeritageRole.TERRIL) {
                terrils.add(e);
            }
        }

        List<HeritageSource> sources = layers.layers().stream().map(RoleLayer::source).toList();
        boolean indicative = sources.stream().anyMatch(HeritageSource::indicative);
        List<String> warnings = warnings(sources, indicative, prop, buf);
        return new ImpactReport(footprint, radius, prop, buf, within, nearest, monuments, cites, terrils, sources,
                indicative, warnings, outOfScope(radius), dataNotes, System.nanoTime() - t0);
    }

    /** The footprint split by dimension: areas are measured on polygons, lengths on lines. */
    private record Parts(Geometry polygons, Geometry lines, List<Geometry> all, double area, double length) {
        static Parts of(Geometry g) {
            List<Geometry> polys = new ArrayList<>();
            List<Geometry> lines = new ArrayList<>();
            List<Geometry> all = new ArrayList<>();
            flatten(g, polys, lines, all);
            Geometry pg = polys.isEmpty() ? null : polys.size() == 1 ? polys.get(0) : GF.buildGeometry(polys);
            Geometry lg = lines.isEmpty() ? null : lines.size() == 1 ? lines.get(0) : GF.buildGeometry(lines);
            return new Parts(pg, lg, all, pg == null ? 0 : pg.getArea(), lg == null ? 0 : lg.getLength());
        }

        /** Simple parts only, so that the polygons make a MultiPolygon and the lines a MultiLineString. */
        private static void flatten(Geometry g, List<Geometry> polys, List<Geometry> lines, List<Geometry> all) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry p = g.getGeometryN(i);
                if (p.isEmpty()) continue;
                if (p.getNumGeometries() > 1 || p.getClass() == org.locationtech.jts.geom.GeometryCollection.class) {
                    if (p != g) flatten(p, polys, lines, all);
                    continue;
                }
                all.add(p);
                if (p instanceof Polygonal) polys.add(p);
                else if (p instanceof Lineal) lines.add(p);
            }
        }
    }

    private static boolean intersects(Item it, Parts parts) {
        for (Geometry p : parts.all) {
            if (it.prepared != null ? it.prepared.intersects(p) : it.geometry.intersects(p)) return true;
        }
        return false;
    }

    private ZoneResult zone(Group group, Geometry g, Parts parts, double radius, boolean components) {
        if (group.items.isEmpty()) {
            return new ZoneResult(false, false, 0, 0, Double.NaN, Double.NaN, List.of(), null, List.of());
        }
        List<ComponentHit> hits = new ArrayList<>();
        List<Geometry> areas = new ArrayList<>();
        double length = 0;
        for (Object o : group.tree.query(g.getEnvelopeInternal())) {
            Item it = (Item) o;
            if (!intersects(it, parts)) continue;
            double a = 0;
            double l = 0;
            if (parts.polygons != null) {
                Geometry inter = OverlayNGRobust.overlay(parts.polygons, it.geometry, OverlayNG.INTERSECTION);
                a = inter.getArea();
                if (a > 0) areas.add(inter);
            }
            if (parts.lines != null) {
                l = OverlayNGRobust.overlay(parts.lines, it.geometry, OverlayNG.INTERSECTION).getLength();
                length += l;
            }
            hits.add(component(it, a, l, 0));
        }
        hits.sort(Comparator.comparingDouble(ComponentHit::overlapArea).reversed()
                .thenComparing(Comparator.comparingDouble(ComponentHit::overlapLength).reversed()));
        // Components do not overlap in the official data, but a union keeps the total honest if they did.
        double area = areas.isEmpty() ? 0 : areas.size() == 1 ? areas.get(0).getArea()
                : UnaryUnionOp.union(areas).getArea();
        double share = parts.area > 0 ? Math.min(1, area / parts.area) : Double.NaN;
        ComponentHit nearest = null;
        double distance = 0;
        if (hits.isEmpty()) {
            Item it = (Item) group.tree.nearestNeighbour(g.getEnvelopeInternal(), g, EXACT);
            distance = g.distance(it.geometry);
            nearest = component(it, 0, 0, distance);
        }
        List<ComponentHit> nearby = new ArrayList<>(hits);
        if (components && radius > 0) {
            Envelope search = g.getEnvelopeInternal().copy();
            search.expandBy(radius);
            for (Object o : group.tree.query(search)) {
                Item it = (Item) o;
                if (hits.stream().anyMatch(h -> h.feature() == it.feature)) continue;
                if (!g.isWithinDistance(it.geometry, radius)) continue;
                nearby.add(component(it, 0, 0, g.distance(it.geometry)));
            }
            nearby.sort(Comparator.comparingDouble(ComponentHit::distance));
        }
        return new ZoneResult(true, !hits.isEmpty(), area, length, share, distance, hits, nearest, nearby);
    }

    private static ComponentHit component(Item it, double area, double length, double distance) {
        Feature f = it.feature;
        return new ComponentHit(Fields.text(f, "no_element"), Fields.text(f, "nom", "name"),
                Fields.text(f, "section"), Fields.text(f, "no_section"), area, length, distance,
                it.layer.layer().entry().id(), it.layer.layer().entry().title(), f);
    }

    /** Elements within {@code radius} of the footprint, nearest first (then kind, then name). */
    private List<ElementHit> within(Geometry g, Parts parts, double radius) {
        Envelope search = g.getEnvelopeInternal().copy();
        search.expandBy(radius);
        List<ElementHit> out = new ArrayList<>();
        for (Group group : elements.values()) {
            for (Object o : group.tree.query(search)) {
                Item it = (Item) o;
                if (g.isWithinDistance(it.geometry, radius)) out.add(element(it, g, parts));
            }
        }
        out.sort(Comparator.comparingDouble(ElementHit::distance).thenComparing(ElementHit::role)
                .thenComparing(e -> e.name() == null ? "" : e.name()));
        return out;
    }

    private static ElementHit element(Item it, Geometry g, Parts parts) {
        double d = g.distance(it.geometry);
        double overlap = 0;
        if (d == 0 && parts.polygons != null && it.geometry instanceof Polygonal) {
            overlap = OverlayNGRobust.overlay(parts.polygons, it.geometry, OverlayNG.INTERSECTION).getArea();
        }
        Feature f = it.feature;
        HeritageRole role = it.layer.role();
        String unescoId = Fields.text(f, "id_unesco");
        String perimeter = unescoId != null ? "bien" : inBufferLayer(it.layer) ? "zone_tampon" : null;
        return new ElementHit(role, it.category, id(role, f), name(role, f), Fields.text(f, "commune_1", "commune",
                "commune_principale", "communes"), perimeter, d, overlap, monument(f),
                Fields.text(f, "protection"), it.layer.layer().entry().id(), it.layer.layer().entry().title(), f);
    }

    private static boolean inBufferLayer(RoleLayer rl) {
        String n = Fields.fold(rl.layer().entry().id() + " " + rl.layer().data().name() + " "
                + (rl.source().file() == null ? "" : rl.source().file()));
        return n.contains("tampon") || n.contains("zt_");
    }

    private RoleLayer layerOf(ElementHit e) {
        for (RoleLayer rl : layers.layers()) {
            if (rl.layer().entry().id().equals(e.layerId())) return rl;
        }
        return null;
    }

    private static String category(HeritageRole role, Feature f) {
        return switch (role) {
            case BUILDING -> Fields.text(f, "typologie");
            case CITE -> Fields.text(f, "type", "typologie_cite");
            case TERRIL -> Fields.text(f, "forme");
            default -> null;
        };
    }

    private static String id(HeritageRole role, Feature f) {
        return switch (role) {
            case TERRIL -> Fields.text(f, "no_terril", "numero", "id_unesco", "id");
            case SHAFT -> Fields.text(f, "id", "puits");
            default -> Fields.text(f, "id_unesco", "id_mbm", "id_troncon");
        };
    }

    private static String name(HeritageRole role, Feature f) {
        if (role == HeritageRole.SHAFT) {
            String fosse = Fields.text(f, "fosse");
            String puits = Fields.text(f, "puits");
            if (fosse != null) return "Fosse " + fosse + (puits != null ? ", puits " + puits : "");
            return puits;
        }
        if (role == HeritageRole.BUILDING) return Fields.text(f, "denomination", "nom");
        return Fields.text(f, "nom", "nom_usuel", "name", "nom_2");
    }

    /** From classe_mh / inscrit_mh ('T'/'F', 'oui'/'non') and the protection wording; null when unrecorded. */
    static MonumentStatus monument(Feature f) {
        String classe = Fields.text(f, "classe_mh");
        String inscrit = Fields.text(f, "inscrit_mh");
        String protection = Fields.text(f, "protection");
        String p = protection == null ? "" : Fields.fold(protection);
        if (yes(classe) || p.contains("classe")) return MonumentStatus.CLASSE;
        if (yes(inscrit) || p.contains("inscrit")) return MonumentStatus.INSCRIT;
        if (classe != null || inscrit != null || protection != null) return MonumentStatus.NON;
        return null;
    }

    private static boolean yes(String v) {
        if (v == null) return false;
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "t", "true", "oui", "o", "y", "yes", "1", "vrai" -> true;
            default -> false;
        };
    }

    private List<String> warnings(List<HeritageSource> sources, boolean indicative, ZoneResult prop, ZoneResult buf) {
        List<String> out = new ArrayList<>();
        if (indicative) {
            List<String> titles = sources.stream().filter(HeritageSource::indicative)
                    .map(s -> "« " + s.title() + " »").distinct().toList();
            out.add(Localization.get(titles.size() > 1 ? "report.warning.indicative.many" : "report.warning.indicative.one",
                    String.join(", ", titles)));
        }
        List<HeritageSource> simplified = sources.stream().filter(HeritageSource::simplified).toList();
        if (!simplified.isEmpty()) {
            HeritageSource s = simplified.get(0);
            out.add(Localization.get("report.warning.simplified",
                    s.precision() != null ? s.precision() : Localization.get("report.warning.simplified.precision"),
                    String.join(", ", simplified.stream().map(x -> "« " + x.title() + " »").distinct().toList()),
                    s.officialUrl() != null ? " (" + s.officialUrl() + ")" : ""));
        }
        if (!prop.available()) {
            out.add(Localization.get("report.warning.noProperty"));
        }
        if (!buf.available()) {
            out.add(Localization.get("report.warning.noBuffer"));
        }
        if (elements.isEmpty()) {
            out.add(Localization.get("report.warning.noElements"));
        }
        double far = Math.min(prop.available() ? prop.distance() : Double.POSITIVE_INFINITY,
                buf.available() ? buf.distance() : Double.POSITIVE_INFINITY);
        if (far > FAR_METRES && !Double.isInfinite(far)) {
            out.add(Localization.get("report.warning.far", Measure.formatDistance(far)));
        }
        return out;
    }

    static List<String> outOfScope(double radius) {
        return List.of(
                Localization.get("report.scope.covisibility"),
                Localization.get("report.scope.distances", Measure.formatDistance(radius)),
                Localization.get("report.scope.monuments"),
                Localization.get("report.scope.planar"),
                Localization.get("report.scope.abf"));
    }
}
