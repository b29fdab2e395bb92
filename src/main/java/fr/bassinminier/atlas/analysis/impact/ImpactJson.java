package fr.bassinminier.atlas.analysis.impact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.bassinminier.atlas.analysis.impact.ImpactReport.CiteStatus;
import fr.bassinminier.atlas.analysis.impact.ImpactReport.ComponentHit;
import fr.bassinminier.atlas.analysis.impact.ImpactReport.ElementHit;
import fr.bassinminier.atlas.analysis.impact.ImpactReport.ZoneResult;
import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.model.CrsId;
import java.util.List;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTWriter;

/**
 * The answer as JSON with stable keys (documented in README.md, "Heritage impact check"):
 * metres and square metres rounded to the centimetre, null where a value does not apply.
 * Version 1 of the format is {@code "atlas_impact": 1}; keys are only ever added.
 */
public final class ImpactJson {
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ImpactJson() {
    }

    public static String write(ImpactReport r, ReportInfo info) {
        return write(r, info, null);
    }

    /** With the "online_protections" key when protections were asked online (null: the key is absent). */
    public static String write(ImpactReport r, ReportInfo info, ProtectionReport online) {
        try {
            ObjectNode root = toJson(r, info);
            if (online != null) root.set("online_protections", ProtectionJson.toJson(online));
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode toJson(ImpactReport r, ReportInfo info) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("atlas_impact", VERSION);
        ObjectNode req = root.putObject("request");
        req.put("reference", info == null ? null : info.reference());
        req.put("author", info == null ? null : info.author());
        req.put("date", info == null || info.date() == null ? null : info.date().toString());
        req.put("radius_m", r.radius());

        ObjectNode fp = root.putObject("footprint");
        Footprint f = r.footprint();
        fp.put("description", f.description());
        fp.put("geometry_type", f.geometry().getGeometryType());
        fp.put("input_crs", f.inputCrs());
        fp.put("crs", "EPSG:2154");
        fp.put("area_m2", round(f.geometry().getArea()));
        fp.put("length_m", round(f.geometry().getDimension() == 1 ? f.geometry().getLength() : 0));
        Point c = f.geometry().getCentroid();
        fp.putArray("centroid").add(round(c.getX())).add(round(c.getY()));
        double[] ll = CrsTransforms.between(CrsId.LAMBERT_93, CrsId.WGS84).apply(c.getX(), c.getY());
        fp.putArray("centroid_wgs84").add(Math.round(ll[0] * 1e7) / 1e7).add(Math.round(ll[1] * 1e7) / 1e7);
        WKTWriter w = new WKTWriter();
        w.setPrecisionModel(new org.locationtech.jts.geom.PrecisionModel(100));
        fp.put("wkt", w.write(f.geometry()));
        strings(fp.putArray("notes"), f.notes());

        root.put("situation", r.situation().key());
        root.put("summary", ImpactText.summary(r));
        root.set("property", zone(r.property(), true));
        root.set("buffer_zone", zone(r.buffer(), false));
        ArrayNode els = root.putArray("elements");
        for (ElementHit e : r.elements()) els.add(element(e));
        ArrayNode mon = root.putArray("monuments_within_500m");
        for (ElementHit e : r.monuments()) mon.add(element(e));
        ArrayNode near = root.putArray("nearest");
        for (ElementHit e : r.nearest()) near.add(element(e));
        ArrayNode cites = root.putArray("cites");
        for (CiteStatus cs : r.cites()) {
            ObjectNode n = element(cs.element());
            n.put("renovation_recorded", cs.renovationRecorded());
            n.put("renovation", cs.record().renovation());
            n.put("urban_renewal", cs.record().urbanRenewal());
            n.put("status_date", cs.record().statusDate());
            n.put("status_source", cs.record().statusSource());
            strings(n.putArray("communes"), cs.record().communes());
            cites.add(n);
        }
        ArrayNode terrils = root.putArray("terrils");
        for (ElementHit e : r.terrils()) terrils.add(element(e));
        ArrayNode src = root.putArray("sources");
        for (HeritageSource s : r.sources()) {
            ObjectNode n = src.addObject();
            n.put("role", s.role().key());
            n.put("layer_id", s.layerId());
            n.put("title", s.title());
            n.put("file", s.file());
            n.put("layer", s.layerName());
            n.put("date", s.date());
            n.put("date_origin", s.dateOrigin());
            n.put("indicative", s.indicative());
            n.put("attribution", s.attribution());
            n.put("features", s.features());
            n.put("precision", s.precision());
            n.put("simplified", s.simplified());
            n.put("official_url", s.officialUrl());
        }
        root.put("indicative", r.indicative());
        strings(root.putArray("warnings"), r.warnings());
        strings(root.putArray("data_notes"), r.dataNotes());
        strings(root.putArray("out_of_scope"), r.outOfScope());
        return root;
    }

    private static ObjectNode zone(ZoneResult z, boolean property) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("checked", z.available());
        n.put("intersects", z.intersects());
        n.put("overlap_area_m2", round(z.overlapArea()));
        n.put("overlap_length_m", round(z.overlapLength()));
        putNumber(n, "overlap_share", Double.isNaN(z.share()) ? Double.NaN : Math.round(z.share() * 1e4) / 1e4);
        putNumber(n, "distance_m", round(z.distance()));
        if (property) {
            ArrayNode comps = n.putArray("components");
            for (ComponentHit c : z.components()) comps.add(component(c));
            n.set("nearest", z.nearest() == null ? null : component(z.nearest()));
            ArrayNode nearby = n.putArray("nearby");
            for (ComponentHit c : z.nearby()) nearby.add(component(c));
        }
        return n;
    }

    private static ObjectNode component(ComponentHit c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("no_element", c.number());
        n.put("name", c.name());
        n.put("section", c.section());
        n.put("no_section", c.sectionNumber());
        n.put("overlap_area_m2", round(c.overlapArea()));
        n.put("overlap_length_m", round(c.overlapLength()));
        n.put("distance_m", round(c.distance()));
        n.put("layer_id", c.layerId());
        return n;
    }

    private static ObjectNode element(ElementHit e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("kind", e.role().key());
        n.put("kind_label", e.role().elementLabel());
        n.put("category", e.category());
        n.put("id", e.id());
        n.put("name", e.name());
        n.put("commune", e.commune());
        n.put("perimeter", e.perimeter());
        n.put("distance_m", round(e.distance()));
        n.put("overlap_area_m2", round(e.overlapArea()));
        n.put("monument", e.monument() == null ? null : e.monument().key());
        n.put("protection", e.protection());
        n.put("layer_id", e.layerId());
        return n;
    }

    private static void putNumber(ObjectNode n, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) n.putNull(key);
        else n.put(key, v);
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 100) / 100.0;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }
}
