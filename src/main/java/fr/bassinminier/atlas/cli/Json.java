package fr.bassinminier.atlas.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.Instant;
import org.locationtech.jts.geom.Envelope;

/** JSON helpers for the machine-readable outputs (keys documented in README.md). */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static ArrayNode bounds(Envelope e) {
        ArrayNode a = MAPPER.createArrayNode();
        a.add(e.getMinX()).add(e.getMinY()).add(e.getMaxX()).add(e.getMaxY());
        return a;
    }

    static void put(ObjectNode n, String key, Object v) {
        if (v == null) n.putNull(key);
        else if (v instanceof Integer i) n.put(key, i);
        else if (v instanceof Long l) n.put(key, l);
        else if (v instanceof Double d) n.put(key, d);
        else if (v instanceof Boolean b) n.put(key, b);
        else if (v instanceof LocalDate || v instanceof Instant) n.put(key, v.toString());
        else n.put(key, v.toString());
    }
}
