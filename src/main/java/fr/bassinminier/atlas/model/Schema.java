package fr.bassinminier.atlas.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ordered attribute columns of a layer, with lookup by name. */
public final class Schema {
    private final List<Field> fields;
    private final Map<String, Integer> index = new HashMap<>();

    public Schema(List<Field> fields) {
        this.fields = List.copyOf(fields);
        for (int i = 0; i < this.fields.size(); i++) {
            if (index.putIfAbsent(this.fields.get(i).name(), i) != null) {
                throw new IllegalArgumentException("duplicate field " + this.fields.get(i).name());
            }
        }
    }

    public static Schema empty() {
        return new Schema(List.of());
    }

    public List<Field> fields() {
        return fields;
    }

    public int size() {
        return fields.size();
    }

    /** Position of the field, or -1. */
    public int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    public Optional<Field> field(String name) {
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(fields.get(i));
    }

    @Override
    public String toString() {
        return "Schema" + fields;
    }
}
