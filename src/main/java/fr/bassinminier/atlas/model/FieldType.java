package fr.bassinminier.atlas.model;

/** Attribute types common to the formats users exchange (DBF, GeoJSON, GeoPackage). */
public enum FieldType {
    STRING, INTEGER, LONG, DOUBLE, BOOLEAN, DATE, DATETIME;

    /** The Java class that holds values of this type (null is always allowed). */
    public Class<?> javaType() {
        return switch (this) {
            case STRING -> String.class;
            case INTEGER -> Integer.class;
            case LONG -> Long.class;
            case DOUBLE -> Double.class;
            case BOOLEAN -> Boolean.class;
            case DATE -> java.time.LocalDate.class;
            case DATETIME -> java.time.Instant.class;
        };
    }
}
