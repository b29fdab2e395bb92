package fr.bassinminier.atlas.analysis.impact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.bassinminier.atlas.analysis.impact.ProtectionReport.Hit;
import fr.bassinminier.atlas.analysis.impact.ProtectionReport.Section;

/**
 * The "online_protections" member of the JSON answer (documented in README.md): one object per
 * protection under its key (ac1, ac2, ac4, plu), and the list of those not consulted.
 */
public final class ProtectionJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProtectionJson() {
    }

    public static ObjectNode toJson(ProtectionReport p) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("all_consulted", p.allConsulted());
        ArrayNode missing = root.putArray("not_consulted");
        for (Section s : p.notConsulted()) missing.add(s.kind().key());
        for (Section s : p.sections()) {
            ObjectNode o = root.putObject(s.kind().key());
            o.put("title", s.kind().title());
            o.put("consulted", s.consulted());
            o.put("reason", s.reason());
            o.put("touched", s.consulted() ? !s.hits().isEmpty() : null);
            o.put("source", s.source());
            o.put("date", s.date());
            o.put("from_cache", s.fromCache());
            ArrayNode hits = o.putArray("items");
            for (Hit h : s.hits()) {
                ObjectNode j = hits.addObject();
                j.put("label", h.label());
                j.put("name", h.name());
                j.put("act", h.act());
                j.put("date", h.date());
                j.put("overlap_area_m2", Math.round(h.overlapArea() * 100) / 100.0);
                if (Double.isNaN(h.share())) j.putNull("overlap_share");
                else j.put("overlap_share", Math.round(h.share() * 10_000) / 10_000.0);
                j.put("url", h.url());
            }
        }
        return root;
    }
}
