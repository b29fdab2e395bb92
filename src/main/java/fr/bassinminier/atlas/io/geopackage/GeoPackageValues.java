package fr.bassinminier.atlas.io.geopackage;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.model.FieldType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;

/**
 * Column types and values between the model and GeoPackage (OGC 12-128r18 §1.1.1.1.1, table 1).
 * SQLite is dynamically typed: a column declared REAL may hold text, so reading converts what it
 * can and gives null for what it cannot, rather than failing the whole layer.
 */
final class GeoPackageValues {
    /** ISO-8601 as the standard writes DATETIME: UTC, milliseconds, "Z". */
    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private GeoPackageValues() {
    }

    /** A declared column type and its maximum length, e.g. TEXT(50). */
    record Declared(FieldType type, int length) {
    }

    /**
     * The model type for a declared SQLite/GeoPackage column type; null for BLOB columns (and
     * geometry-typed columns other than the layer's geometry), which the model cannot hold.
     * INTEGER and INT are 64-bit in GeoPackage, hence LONG; MEDIUMINT, SMALLINT and TINYINT fit
     * in an int. An undeclared or unknown type is read as text.
     */
    static Declared declared(String declaredType) {
        String t = declaredType == null ? "" : declaredType.strip().toUpperCase(Locale.ROOT);
        int length = 0;
        int paren = t.indexOf('(');
        if (paren >= 0) {
            int close = t.indexOf(')', paren);
            String n = t.substring(paren + 1, close < 0 ? t.length() : close).strip();
            try {
                length = Integer.parseInt(n);
            } catch (NumberFormatException ignored) {
                length = 0;
            }
            t = t.substring(0, paren).strip();
        }
        FieldType type = switch (t) {
            case "INTEGER", "INT", "BIGINT", "INT8" -> FieldType.LONG;
            case "MEDIUMINT", "SMALLINT", "TINYINT", "INT2" -> FieldType.INTEGER;
            case "REAL", "DOUBLE", "FLOAT", "NUMERIC", "DECIMAL", "DOUBLE PRECISION" -> FieldType.DOUBLE;
            case "BOOLEAN", "BOOL" -> FieldType.BOOLEAN;
            case "DATE" -> FieldType.DATE;
            case "DATETIME", "TIMESTAMP" -> FieldType.DATETIME;
            case "BLOB", "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING",
                 "MULTIPOLYGON", "GEOMETRY", "GEOMETRYCOLLECTION", "CURVEPOLYGON",
                 "COMPOUNDCURVE", "CIRCULARSTRING", "MULTICURVE", "MULTISURFACE", "CURVE",
                 "SURFACE" -> null;
            default -> FieldType.STRING;
        };
        return type == null ? null : new Declared(type, type == FieldType.STRING ? length : 0);
    }

    /** The declared type written for a model type (GDAL's choices). */
    static String sqlType(FieldType type, int length) {
        return switch (type) {
            case STRING -> length > 0 ? "TEXT(" + length + ")" : "TEXT";
            case INTEGER -> "MEDIUMINT";
            case LONG -> "INTEGER";
            case DOUBLE -> "REAL";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case DATETIME -> "DATETIME";
        };
    }

    /** A value read by JDBC (Long, Integer, Double, String, byte[]) as the model type, or null. */
    static Object fromSql(Object raw, FieldType type) {
        if (raw == null) return null;
        try {
            return switch (type) {
                case STRING -> raw instanceof byte[] ? null : raw.toString();
                case LONG -> raw instanceof Number n ? (Object) toLong(n) : Long.valueOf(raw.toString().strip());
                case INTEGER -> {
                    long v = raw instanceof Number n ? toLong(n) : Long.parseLong(raw.toString().strip());
                    yield v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : null;
                }
                case DOUBLE -> raw instanceof Number n ? (Object) n.doubleValue()
                        : Double.valueOf(raw.toString().strip());
                case BOOLEAN -> toBoolean(raw);
                case DATE -> parseDate(raw.toString());
                case DATETIME -> parseDateTime(raw.toString());
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    private static long toLong(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (d != Math.rint(d)) throw new NumberFormatException("not integral");
        }
        return n.longValue();
    }

    private static Boolean toBoolean(Object raw) {
        if (raw instanceof Boolean b) return b;
        if (raw instanceof Number n) return n.doubleValue() != 0;
        String s = raw.toString().strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "1", "true", "t", "vrai", "oui", "o", "y", "yes" -> Boolean.TRUE;
            case "0", "false", "f", "faux", "non", "n", "no" -> Boolean.FALSE;
            default -> null;
        };
    }

    static LocalDate parseDate(String s) {
        String t = s.strip();
        if (t.isEmpty()) return null;
        return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
    }

    /**
     * ISO-8601 date-time text: with "Z" or an offset as is; without a zone, taken as UTC (the
     * standard says DATETIME is UTC); a space instead of "T" is accepted, as SQLite writes it.
     */
    static Instant parseDateTime(String s) {
        String t = s.strip();
        if (t.isEmpty()) return null;
        if (t.length() == 10) return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (t.length() > 10 && t.charAt(10) == ' ') t = t.substring(0, 10) + 'T' + t.substring(11);
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        }
    }

    static String formatDateTime(Instant i) {
        return DATETIME.format(i);
    }

    /**
     * A model value as what JDBC binds for the column type.
     *
     * @throws IllegalArgumentException with a French message when the value does not fit
     */
    static Object toSql(Object v, FieldType type) {
        if (v == null) return null;
        switch (type) {
            case STRING:
                return v.toString();
            case INTEGER:
            case LONG: {
                long l;
                if (v instanceof Number n) {
                    if (n instanceof BigDecimal bd) {
                        try {
                            l = bd.longValueExact();
                        } catch (ArithmeticException e) {
                            throw mismatch(v, Localization.get("io.integer"));
                        }
                    } else if (n instanceof BigInteger bi) {
                        if (bi.bitLength() > 63) throw mismatch(v, Localization.get("io.integer"));
                        l = bi.longValue();
                    } else {
                        try {
                            l = toLong(n);
                        } catch (NumberFormatException e) {
                            throw mismatch(v, Localization.get("io.integer"));
                        }
                    }
                } else if (v instanceof Boolean b) {
                    l = b ? 1 : 0;
                } else {
                    try {
                        l = Long.parseLong(v.toString().strip());
                    } catch (NumberFormatException e) {
                        throw mismatch(v, Localization.get("io.integer"));
                    }
                }
                // An INTEGER field wider than 32 bits is still stored exactly: MEDIUMINT is a
                // declared width, SQLite stores every integer on up to 8 bytes.
                return l;
            }
            case DOUBLE:
                if (v instanceof Number n) return n.doubleValue();
                try {
                    return Double.parseDouble(v.toString().strip());
                } catch (NumberFormatException e) {
                    throw mismatch(v, Localization.get("io.number2"));
                }
            case BOOLEAN: {
                Boolean b = toBoolean(v);
                if (b == null) throw mismatch(v, Localization.get("io.trueFalse"));
                return b ? 1 : 0;
            }
            case DATE: {
                LocalDate d;
                if (v instanceof LocalDate ld) d = ld;
                else if (v instanceof LocalDateTime ldt) d = ldt.toLocalDate();
                else if (v instanceof OffsetDateTime odt) d = odt.toLocalDate();
                else if (v instanceof ZonedDateTime zdt) d = zdt.toLocalDate();
                else if (v instanceof Instant i) d = LocalDate.ofInstant(i, ZoneOffset.UTC);
                else if (v instanceof java.sql.Date sd) d = sd.toLocalDate();
                else if (v instanceof Date ud) d = LocalDate.ofInstant(ud.toInstant(), ZoneOffset.UTC);
                else {
                    try {
                        d = parseDate(v.toString());
                    } catch (DateTimeParseException e) {
                        throw mismatch(v, Localization.get("io.dateYyyyMmDd"));
                    }
                }
                return d == null ? null : d.toString();
            }
            case DATETIME: {
                Instant i;
                if (v instanceof Instant in) i = in;
                else if (v instanceof OffsetDateTime odt) i = odt.toInstant();
                else if (v instanceof ZonedDateTime zdt) i = zdt.toInstant();
                else if (v instanceof LocalDateTime ldt) i = ldt.toInstant(ZoneOffset.UTC);
                else if (v instanceof LocalDate ld) i = ld.atStartOfDay(ZoneOffset.UTC).toInstant();
                else if (v instanceof Date ud) i = ud.toInstant();
                else {
                    try {
                        i = parseDateTime(v.toString());
                    } catch (DateTimeParseException e) {
                        throw mismatch(v, Localization.get("io.isoDateTime"));
                    }
                }
                return i == null ? null : formatDateTime(i);
            }
            default:
                throw new IllegalStateException(type.toString());
        }
    }

    private static IllegalArgumentException mismatch(Object v, String expected) {
        String text = String.valueOf(v);
        if (text.length() > 60) text = text.substring(0, 57) + "…";
        return new IllegalArgumentException(Localization.text("io.value", text, expected));
    }
}
