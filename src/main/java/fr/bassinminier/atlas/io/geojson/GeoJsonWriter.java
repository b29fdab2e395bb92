package fr.bassinminier.atlas.io.geojson;

import fr.bassinminier.atlas.l10n.Localization;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.io.AtomicFiles;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import fr.bassinminier.atlas.io.FormatWriter;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.VectorLayer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Writes one layer as RFC 7946 GeoJSON: reprojected to WGS 84, 7 decimals (about 1 cm), since
 * that is what every web tool and QGIS expect from a .geojson without a crs member.
 */
public final class GeoJsonWriter implements FormatWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String formatName() {
        return "GeoJSON";
    }

    @Override
    public boolean canWrite(Path path) {
        String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".geojson") || n.endsWith(".json");
    }

    @Override
    public void write(Path path, List<VectorLayer> layers) throws DataException {
        if (layers.size() != 1) {
            throw new DataException(path, Problem.WRITE_FAILED,
                    Localization.text("io.geojsonFileHoldsOnly", layers.size()));
        }
        VectorLayer layer = layers.get(0);
        if (!layer.crs().sameAs(CrsId.WGS84) && !CrsTransforms.isSupported(layer.crs())) {
            throw new DataException(path, Problem.UNKNOWN_CRS,
                    Localization.get("io.unknownCoordinateSystemLayer"));
        }
        VectorLayer wgs = CrsTransforms.transform(layer, CrsId.WGS84);
        AtomicFiles.write(path, out -> writeTo(out, wgs));
    }

    private static void writeTo(OutputStream out, VectorLayer layer) throws IOException {
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeStringField("name", layer.name());
            g.writeArrayFieldStart("features");
            for (Feature f : layer.features()) {
                g.writeRaw('\n');
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeNumberField("id", f.id());
                g.writeObjectFieldStart("properties");
                List<Field> fields = layer.schema().fields();
                for (int i = 0; i < fields.size(); i++) {
                    g.writeFieldName(fields.get(i).name());
                    writeValue(g, f.get(i));
                }
                g.writeEndObject();
                g.writeFieldName("geometry");
                GeoJsonGeometry.write(g, f.geometry(), 7);
                g.writeEndObject();
            }
            g.writeRaw('\n');
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) g.writeNull();
        else if (v instanceof Integer i) g.writeNumber(i);
        else if (v instanceof Long l) g.writeNumber(l);
        else if (v instanceof Double d) g.writeNumber(d);
        else if (v instanceof Boolean b) g.writeBoolean(b);
        else if (v instanceof LocalDate || v instanceof Instant) g.writeString(v.toString());
        else g.writeString(v.toString());
    }
}
