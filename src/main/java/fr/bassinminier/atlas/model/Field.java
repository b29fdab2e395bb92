package fr.bassinminier.atlas.model;

import java.util.Objects;

/**
 * One attribute column. Length and decimals are kept only so that a file can be written back
 * with the widths it came with (DBF); zero means "not specified".
 */
public record Field(String name, FieldType type, int length, int decimals) {
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public Field(String name, FieldType type) {
        this(name, type, 0, 0);
    }
}
