package fr.bassinminier.atlas.io.geojson;

import fr.bassinminier.atlas.l10n.Localization;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import fr.bassinminier.atlas.io.Dataset;
import fr.bassinminier.atlas.io.FormatReader;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.VectorLayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * GeoJSON reader: RFC 7946 (WGS 84), plus the 2008 "crs" member that QGIS and GDAL still write
 * for Lambert-93 files. Features are streamed one at a time so that a large file is never held
 * twice in memory as text and tree.
 */
public final class GeoJsonReader implements FormatReader {
    private static final Pattern EPSG_IN_NAME = Pattern.compile("EPSG:{1,2}(?:[0-9.]*:)?(\\d+)$", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String formatName() {
        return "GeoJSON";
    }

    @Override
    public boolean canRead(Path path) {
        String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".geojson") || (n.endsWith(".json") && !n.endsWith(".atlas.json"));
    }

    @Override
    public Dataset read(Path path) throws DataException {
        fr.bassinminier.atlas.io.InputFiles.requireRegularFile(path);
        try (InputStream in = Files.newInputStream(path)) {
            return read(path, in);
        } catch (NoSuchFileException e) {
            throw new DataException(path, Problem.NOT_FOUND, Localization.get("io.fileFound"));
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new DataException(path, Problem.TOO_LARGE, Localization.get("io.jsonBeyondReadingLimits"), e);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : Localization.text("io.lineColumn", loc.getLineNr(), loc.getColumnNr());
            throw new DataException(path, Problem.CORRUPT, Localization.text("io.invalidJson", where, e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new DataException(path, Problem.IO, Localization.text("io.cannotRead2", e.getMessage()), e);
        }
    }

    private static String kind(JsonToken t) {
        if (t == null) return Localization.get("io.unexpectedEndFile");
        return switch (t) {
            case VALUE_NULL -> "null";
            case VALUE_STRING -> "texte";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Localization.get("io.number");
            case VALUE_TRUE, VALUE_FALSE -> Localization.get("io.boolean");
            case START_ARRAY -> "liste";
            default -> Localization.get("io.endDocument");
        };
    }

    private Dataset read(Path path, InputStream in) throws IOException, DataException {
        fr.bassinminier.atlas.io.ReadLimits.Counter budget = fr.bassinminier.atlas.io.ReadLimits.defaults().counter(path);
        GeometryFactory gf = new GeometryFactory();
        List<JsonNode> props = new ArrayList<>();
        List<Geometry> geoms = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        CrsId crs = CrsId.WGS84;
        String name = baseName(path);
        boolean sawType = false;
        // Members of a top-level Feature (rather than a collection), gathered as they stream by.
        Map<String, JsonNode> single = new LinkedHashMap<>();
        JsonFactory factory = MAPPER.getFactory();
        try (JsonParser p = factory.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new DataException(path, Problem.CORRUPT, Localization.get("io.geojsonObject"));
            }
            String type = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "type" -> {
                        type = p.getValueAsString();
                        sawType = true;
                        if (!"FeatureCollection".equals(type) && !"Feature".equals(type)) {
                            throw new DataException(path, Problem.UNSUPPORTED_FORMAT, Localization.text("io.geojsonObjectTypeFeaturecollection", type));
                        }
                    }
                    case "crs" -> crs = crsMember(path, MAPPER.readTree(p));
                    case "name" -> {
                        if (p.currentToken() == JsonToken.VALUE_STRING) name = p.getText();
                        else p.skipChildren();
                    }
                    case "features" -> {
                        if (p.currentToken() != JsonToken.START_ARRAY) {
                            throw new DataException(path, Problem.CORRUPT, Localization.get("io.featuresList"));
                        }
                        JsonToken t;
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                            if (t != JsonToken.START_OBJECT) {
                                throw new DataException(path, Problem.CORRUPT, Localization.text("io.featuresItemFeatureObject", (geoms.size() + 1), kind(t)));
                            }
                            JsonNode f = MAPPER.readTree(p);
                            addFeature(path, f, gf, props, geoms, ids);
                            Geometry g = geoms.get(geoms.size() - 1);
                            budget.add(g == null ? 0 : g.getNumPoints());
                        }
                    }
                    case "geometry", "properties", "id" -> {
                        // A single Feature at top level: buffer its members.
                        JsonNode v = MAPPER.readTree(p);
                        single.put(field, v);
                    }
                    default -> p.skipChildren();
                }
            }
            if (!single.isEmpty()) {
                com.fasterxml.jackson.databind.node.ObjectNode f = MAPPER.createObjectNode();
                single.forEach(f::set);
                addFeature(path, f, gf, props, geoms, ids);
            }
        }
        if (!sawType) throw new DataException(path, Problem.CORRUPT, Localization.get("io.memberTypeMissingGeojson"));
        return new Dataset(path, formatName(), List.of(buildLayer(name, crs, props, geoms, ids)));
    }

    private static void addFeature(Path path, JsonNode f, GeometryFactory gf, List<JsonNode> props,
                                   List<Geometry> geoms, List<Long> ids) throws DataException {
        int n = geoms.size() + 1;
        Geometry g;
        try {
            g = GeoJsonGeometry.read(f.get("geometry"), gf);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DataException(path, Problem.CORRUPT, Localization.text("io.feature", n, e.getMessage()));
        }
        JsonNode id = f.get("id");
        ids.add(id != null && id.canConvertToLong() && id.isIntegralNumber() ? id.asLong() : (long) n);
        geoms.add(g);
        JsonNode pr = f.get("properties");
        props.add(pr != null && pr.isObject() ? pr : MAPPER.createObjectNode());
    }

    static CrsId crsMember(Path path, JsonNode crs) {
        if (crs == null || crs.isNull()) return CrsId.WGS84;
        JsonNode name = crs.path("properties").path("name");
        if (name.isTextual()) {
            String s = name.asText().trim();
            if (s.endsWith("CRS84") || s.endsWith("CRS:84")) return CrsId.WGS84;
            Matcher m = EPSG_IN_NAME.matcher(s);
            // EPSG codes have at most 6 digits; a longer number is no code (found by fuzzing).
            if (m.find() && m.group(1).length() <= 9) return CrsId.epsg(Integer.parseInt(m.group(1)));
            return CrsId.unknown(s);
        }
        return CrsId.unknown(crs.toString());
    }

    private static VectorLayer buildLayer(String name, CrsId crs, List<JsonNode> props,
                                          List<Geometry> geoms, List<Long> ids) {
        Map<String, FieldType> types = new LinkedHashMap<>();
        for (JsonNode pr : props) {
            Iterator<Map.Entry<String, JsonNode>> it = pr.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                FieldType seen = typeOf(e.getValue());
                FieldType known = types.get(e.getKey());
                types.put(e.getKey(), known == null ? seen : widen(known, seen));
            }
        }
        List<Field> fields = new ArrayList<>();
        types.forEach((k, t) -> fields.add(new Field(k, t == null ? FieldType.STRING : t)));
        Schema schema = new Schema(fields);
        List<Feature> features = new ArrayList<>(geoms.size());
        GeometryType gt = GeometryType.NONE;
        for (int i = 0; i < geoms.size(); i++) {
            JsonNode pr = props.get(i);
            Object[] values = new Object[fields.size()];
            for (int j = 0; j < values.length; j++) {
                values[j] = value(pr.get(fields.get(j).name()), fields.get(j).type());
            }
            Geometry g = geoms.get(i);
            if (g != null && !g.isEmpty()) gt = gt.merge(GeometryType.of(g));
            features.add(new Feature(ids.get(i), g, schema, values));
        }
        return new VectorLayer(name, gt, crs, schema, features);
    }

    /** Null means "only nulls seen so far": such columns end as STRING. */
    private static FieldType typeOf(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return FieldType.BOOLEAN;
        if (v.isIntegralNumber()) return v.canConvertToInt() ? FieldType.INTEGER : FieldType.LONG;
        if (v.isNumber()) return FieldType.DOUBLE;
        return FieldType.STRING;
    }

    private static FieldType widen(FieldType a, FieldType b) {
        if (a == null) return b;
        if (b == null || a == b) return a;
        boolean numA = a == FieldType.INTEGER || a == FieldType.LONG || a == FieldType.DOUBLE;
        boolean numB = b == FieldType.INTEGER || b == FieldType.LONG || b == FieldType.DOUBLE;
        if (numA && numB) return (a == FieldType.DOUBLE || b == FieldType.DOUBLE) ? FieldType.DOUBLE : FieldType.LONG;
        return FieldType.STRING;
    }

    private static Object value(JsonNode v, FieldType t) {
        if (v == null || v.isNull()) return null;
        return switch (t) {
            case BOOLEAN -> v.asBoolean();
            case INTEGER -> v.asInt();
            case LONG -> v.asLong();
            case DOUBLE -> v.asDouble();
            default -> v.isContainerNode() ? v.toString() : v.asText();
        };
    }

    private static String baseName(Path path) {
        String n = path.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
