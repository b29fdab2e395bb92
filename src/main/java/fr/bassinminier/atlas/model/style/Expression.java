package fr.bassinminier.atlas.model.style;

import fr.bassinminier.atlas.model.Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A value in a style: a literal, an attribute (ogc:PropertyName) or the concatenation of both
 * that SLD allows as mixed content, e.g. {@code <Label>Cité <ogc:PropertyName>nom</ogc:PropertyName></Label>}.
 * Functions and arithmetic are not supported: the parser refuses them.
 */
public sealed interface Expression permits Expression.Literal, Expression.Property, Expression.Concat {
    Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    /**
     * The value for a feature: a literal's text, an attribute's raw value (null when unset or
     * absent), or the concatenated text. The feature may be null (legend swatches): attributes
     * are then null.
     */
    Object evaluate(Feature feature);

    /** The value as text, null when it evaluates to null. */
    default String text(Feature feature) {
        return Values.text(evaluate(feature));
    }

    static Literal literal(String value) {
        return new Literal(value);
    }

    static Property property(String name) {
        return new Property(name);
    }

    /** The concatenation of parts, simplified: adjacent literals merged, a single part returned as is. */
    static Expression concat(List<Expression> parts) {
        List<Expression> out = new ArrayList<>();
        for (Expression p : parts) {
            if (p instanceof Concat c) {
                out.addAll(c.parts());
            } else if (p instanceof Literal l && !out.isEmpty() && out.get(out.size() - 1) instanceof Literal prev) {
                out.set(out.size() - 1, new Literal(prev.value() + l.value()));
            } else {
                out.add(p);
            }
        }
        if (out.isEmpty()) return new Literal("");
        return out.size() == 1 ? out.get(0) : new Concat(out);
    }

    /** Number of an optional expression for a feature; the fallback when absent or not a number. */
    static double number(Expression e, Feature feature, double fallback) {
        if (e == null) return fallback;
        Double d = e instanceof Literal l ? l.number() : Values.number(e.evaluate(feature));
        return d == null || Double.isInfinite(d) ? fallback : d;
    }

    /** Colour "#rrggbb" of an optional expression; the fallback when absent or not a colour. */
    static String color(Expression e, Feature feature, String fallback) {
        if (e == null) return fallback;
        String s = e.text(feature);
        if (s == null) return fallback;
        String t = s.strip();
        return isHexColor(t) ? t : fallback;
    }

    /** Whether the text is {@link #COLOR}, checked by hand: this runs for every feature drawn (no Matcher each time). */
    private static boolean isHexColor(String t) {
        if (t.length() != 7 || t.charAt(0) != '#') return false;
        for (int i = 1; i < 7; i++) if (Character.digit(t.charAt(i), 16) < 0 || t.charAt(i) > 'f') return false;
        return true;
    }

    /** Text of an optional expression; the fallback when absent or null. */
    static String text(Expression e, Feature feature, String fallback) {
        if (e == null) return fallback;
        String s = e.text(feature);
        return s == null ? fallback : s;
    }

    record Literal(String value) implements Expression {
        /** Literal texts read as numbers (a style's few widths and sizes), not parsed again for every feature drawn. */
        private static final java.util.Map<String, Double> NUMBERS = new java.util.concurrent.ConcurrentHashMap<>();

        public Literal {
            Objects.requireNonNull(value, "value");
        }

        /** The text as a number, null when it is not one. */
        Double number() {
            Double d = NUMBERS.computeIfAbsent(value, v -> {
                Double n = Values.parseNumber(v);
                return n == null ? Double.NaN : n;
            });
            return d.isNaN() ? null : d;
        }

        @Override
        public Object evaluate(Feature feature) {
            return value;
        }
    }

    record Property(String name) implements Expression {
        public Property {
            Objects.requireNonNull(name, "name");
        }

        /**
         * The attribute's value. A qualified name ("bassin_minier:nom", as GeoServer styles
         * written for a WFS layer say) falls back to its local part.
         */
        @Override
        public Object evaluate(Feature feature) {
            if (feature == null) return null;
            if (feature.schema().indexOf(name) >= 0) return feature.get(name);
            int colon = name.lastIndexOf(':');
            return colon >= 0 ? feature.get(name.substring(colon + 1)) : null;
        }
    }

    /** Parts joined as text; a null attribute contributes nothing rather than "null". */
    record Concat(List<Expression> parts) implements Expression {
        public Concat {
            parts = List.copyOf(parts);
        }

        @Override
        public Object evaluate(Feature feature) {
            StringBuilder sb = new StringBuilder();
            for (Expression p : parts) {
                String s = p.text(feature);
                if (s != null) sb.append(s);
            }
            return sb.toString();
        }
    }
}
