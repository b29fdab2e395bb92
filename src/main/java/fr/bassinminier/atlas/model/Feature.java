package fr.bassinminier.atlas.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A geographic feature: an id, a geometry (may be null: shapefiles and GeoPackages hold null
 * shapes) and attribute values in the order of its layer's schema. Values are stored as an array
 * rather than a map because layers of hundreds of thousands of features are expected.
 */
public final class Feature {
    private final long id;
    private final Geometry geometry;
    private final Schema schema;
    private final Object[] values;

    public Feature(long id, Geometry geometry, Schema schema, Object[] values) {
        if (values.length != schema.size()) {
            throw new IllegalArgumentException(
                    "expected " + schema.size() + " values, got " + values.length);
        }
        this.id = id;
        this.geometry = geometry;
        this.schema = schema;
        this.values = values.clone();
    }

    public long id() {
        return id;
    }

    public Geometry geometry() {
        return geometry;
    }

    public Schema schema() {
        return schema;
    }

    public Object get(int index) {
        return values[index];
    }

    /** The value of the named attribute, or null when absent or unset. */
    public Object get(String name) {
        int i = schema.indexOf(name);
        return i < 0 ? null : values[i];
    }

    /** The attribute as text, "" when null: what a label or a search needs. */
    public String text(String name) {
        Object v = get(name);
        return v == null ? "" : v.toString();
    }

    public Map<String, Object> attributes() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(schema.fields().get(i).name(), values[i]);
        }
        return m;
    }

    /** Same id and attributes with another geometry (e.g. after reprojection). */
    public Feature withGeometry(Geometry g) {
        return new Feature(id, g, schema, values);
    }

    @Override
    public String toString() {
        return "Feature[" + id + ", " + Arrays.toString(values) + "]";
    }
}
