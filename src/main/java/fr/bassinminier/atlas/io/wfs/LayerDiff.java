package fr.bassinminier.atlas.io.wfs;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.VectorLayer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * What changed between a layer as kept and the same layer freshly downloaded: features added,
 * removed and modified, matched on a key field (found by name when not given). Field names are
 * compared without case — the MBM WFS writes NOM where the published copies write nom — and
 * geometries in Lambert-93 within a tolerance, so a reprojection round trip is not a change.
 */
public record LayerDiff(String key, List<String> added, List<String> removed, List<String> modified, int unchanged) {
    /** Identifier fields of the official layers, most specific first. */
    private static final List<String> KEYS = List.of("id_unesco", "no_element", "id_lsm", "no_terril", "id_mbm", "idu",
            "id", "gid", "fid", "objectid");

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && modified.isEmpty();
    }

    /** "12 ajoutés, 3 supprimés, 5 modifiés, 140 inchangés". */
    public String summary() {
        return Localization.text("io.addedRemovedChangedUnchanged", added.size(), (added.size() > 1 ? "s" : ""), removed.size(), (removed.size() > 1 ? "s" : ""), modified.size(), (modified.size() > 1 ? "s" : ""), unchanged, (unchanged > 1 ? "s" : ""));
    }

    /**
     * @param key       the key field, or null to find one present and unique in both layers
     * @param tolerance metres within which two geometries are the same
     */
    public static LayerDiff compare(VectorLayer before, VectorLayer after, String key, double tolerance) {
        String k = key != null ? key : findKey(before, after);
        if (k == null) throw new IllegalArgumentException(Localization.text("io.identifierFieldCommonBoth", String.join(", ", KEYS)));
        Map<String, Feature> old = byKey(before, k);
        Map<String, Feature> fresh = byKey(after, k);
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> modified = new ArrayList<>();
        int same = 0;
        for (Map.Entry<String, Feature> e : fresh.entrySet()) {
            Feature o = old.get(e.getKey());
            if (o == null) added.add(e.getKey());
            else if (differ(o, before.crs(), e.getValue(), after.crs(), tolerance)) modified.add(e.getKey());
            else same++;
        }
        for (String id : old.keySet()) if (!fresh.containsKey(id)) removed.add(id);
        return new LayerDiff(k, added, removed, modified, same);
    }

    private static String findKey(VectorLayer a, VectorLayer b) {
        for (String k : KEYS) {
            if (field(a, k) != null && field(b, k) != null && byKey(a, k).size() == a.size() && byKey(b, k).size() == b.size()) {
                return k;
            }
        }
        return null;
    }

    private static String field(VectorLayer l, String name) {
        return l.schema().fields().stream().map(f -> f.name()).filter(n -> n.equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    private static Map<String, Feature> byKey(VectorLayer l, String key) {
        String f = field(l, key);
        if (f == null) throw new IllegalArgumentException(Localization.text("io.fieldMissingLayer", key, l.name()));
        Map<String, Feature> m = new LinkedHashMap<>();
        for (Feature x : l.features()) {
            Object v = x.get(f);
            if (v != null) m.putIfAbsent(normal(v), x);
        }
        return m;
    }

    private static String normal(Object v) {
        if (v instanceof Double d && d == Math.rint(d)) return Long.toString(d.longValue());
        return v.toString().strip();
    }

    private static boolean differ(Feature a, CrsId ca, Feature b, CrsId cb, double tolerance) {
        Map<String, Object> va = folded(a);
        Map<String, Object> vb = folded(b);
        for (Map.Entry<String, Object> e : va.entrySet()) {
            if (!vb.containsKey(e.getKey())) continue; // a field of one version only is not a feature change
            if (!Objects.equals(e.getValue(), vb.get(e.getKey()))) return true;
        }
        Geometry ga = a.geometry() == null ? null : CrsTransforms.transform(a.geometry(), ca, CrsId.LAMBERT_93);
        Geometry gb = b.geometry() == null ? null : CrsTransforms.transform(b.geometry(), cb, CrsId.LAMBERT_93);
        if (ga == null || gb == null) return (ga == null) != (gb == null);
        if (!ga.getEnvelopeInternal().covers(gb.getEnvelopeInternal()) && ga.getEnvelopeInternal().distance(gb.getEnvelopeInternal()) > tolerance) {
            return true;
        }
        if (ga.equalsExact(gb, tolerance)) return false;
        if (ga.getDimension() < 2 || gb.getDimension() < 2) return true;
        try {
            // same outline drawn with other vertices: a change only if the area between them is more than a sliver
            return ga.symDifference(gb).getArea() > tolerance * Math.max(ga.getLength(), 1);
        } catch (RuntimeException invalid) {
            return true;
        }
    }

    private static Map<String, Object> folded(Feature f) {
        Map<String, Object> m = new LinkedHashMap<>();
        f.attributes().forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), v == null ? null : normal(v)));
        return m;
    }
}
