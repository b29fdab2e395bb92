package fr.bassinminier.atlas.model.style;

import fr.bassinminier.atlas.model.Feature;
import java.util.List;
import java.util.Objects;

/**
 * The OGC filter subset that styles use to pick features. A comparison with a null side is
 * false, whatever the operator (SQL's "unknown"): features without a value are selected only by
 * PropertyIsNull or by a Not around a comparison, or fall to an ElseFilter rule.
 */
public sealed interface Filter {
    boolean test(Feature feature);

    enum Op {
        EQUAL("PropertyIsEqualTo"), NOT_EQUAL("PropertyIsNotEqualTo"), LESS("PropertyIsLessThan"),
        GREATER("PropertyIsGreaterThan"), LESS_OR_EQUAL("PropertyIsLessThanOrEqualTo"),
        GREATER_OR_EQUAL("PropertyIsGreaterThanOrEqualTo");

        private final String element;

        Op(String element) {
            this.element = element;
        }

        /** The OGC element name, without prefix. */
        public String element() {
            return element;
        }

        public static Op ofElement(String local) {
            for (Op op : values()) {
                if (op.element.equals(local)) return op;
            }
            return null;
        }
    }

    record Comparison(Op op, Expression left, Expression right, boolean matchCase) implements Filter {
        public Comparison {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean test(Feature feature) {
            Object a = left.evaluate(feature);
            Object b = right.evaluate(feature);
            if (a == null || b == null) return false;
            return switch (op) {
                case EQUAL -> Values.equal(a, b, matchCase);
                case NOT_EQUAL -> !Values.equal(a, b, matchCase);
                case LESS -> Values.compare(a, b, matchCase) < 0;
                case GREATER -> Values.compare(a, b, matchCase) > 0;
                case LESS_OR_EQUAL -> Values.compare(a, b, matchCase) <= 0;
                case GREATER_OR_EQUAL -> Values.compare(a, b, matchCase) >= 0;
            };
        }
    }

    /** Inclusive at both ends, as OGC defines it. */
    record Between(Expression value, Expression lower, Expression upper) implements Filter {
        public Between {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(lower, "lower");
            Objects.requireNonNull(upper, "upper");
        }

        @Override
        public boolean test(Feature feature) {
            Object v = value.evaluate(feature);
            Object lo = lower.evaluate(feature);
            Object hi = upper.evaluate(feature);
            if (v == null || lo == null || hi == null) return false;
            return Values.compare(v, lo, true) >= 0 && Values.compare(v, hi, true) <= 0;
        }
    }

    record IsNull(Expression value) implements Filter {
        public IsNull {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean test(Feature feature) {
            return value.evaluate(feature) == null;
        }
    }

    record And(List<Filter> filters) implements Filter {
        public And {
            filters = List.copyOf(filters);
        }

        @Override
        public boolean test(Feature feature) {
            for (Filter f : filters) {
                if (!f.test(feature)) return false;
            }
            return true;
        }
    }

    record Or(List<Filter> filters) implements Filter {
        public Or {
            filters = List.copyOf(filters);
        }

        @Override
        public boolean test(Feature feature) {
            for (Filter f : filters) {
                if (f.test(feature)) return true;
            }
            return false;
        }
    }

    record Not(Filter filter) implements Filter {
        public Not {
            Objects.requireNonNull(filter, "filter");
        }

        @Override
        public boolean test(Feature feature) {
            return !filter.test(feature);
        }
    }

    /**
     * PropertyIsLike. A class rather than a record so that the pattern is compiled once, not
     * per feature; equality is on the declared fields only.
     */
    final class Like implements Filter {
        private final Expression value;
        private final String pattern;
        private final char wildCard;
        private final char singleChar;
        private final char escape;
        private final boolean matchCase;
        private final int[] tokens;

        public Like(Expression value, String pattern, char wildCard, char singleChar, char escape, boolean matchCase) {
            this.value = Objects.requireNonNull(value, "value");
            this.pattern = Objects.requireNonNull(pattern, "pattern");
            this.wildCard = wildCard;
            this.singleChar = singleChar;
            this.escape = escape;
            this.matchCase = matchCase;
            this.tokens = compile();
        }

        /** GeoTools' defaults: * for any run, . for one character, ! to escape. */
        public Like(Expression value, String pattern) {
            this(value, pattern, '*', '.', '!', true);
        }

        /**
         * The pattern as tokens: literal characters, ANY_ONE for the single-character wildcard
         * and ANY_RUN for the multi-character one. Matched by {@link #glob}, not a regex: a
         * backtracking regex takes exponential time on patterns like forty wildcards in a row.
         */
        private int[] compile() {
            String p = Values.normalize(pattern);
            int[] tokens = new int[p.length()];
            int n = 0;
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c == escape && i + 1 < p.length()) {
                    tokens[n++] = p.charAt(++i);
                } else if (c == wildCard) {
                    // Runs of wildcards are one wildcard.
                    if (n == 0 || tokens[n - 1] != ANY_RUN) tokens[n++] = ANY_RUN;
                } else if (c == singleChar) {
                    tokens[n++] = ANY_ONE;
                } else {
                    tokens[n++] = c;
                }
            }
            return java.util.Arrays.copyOf(tokens, n);
        }

        private static final int ANY_RUN = -1;
        private static final int ANY_ONE = -2;

        /**
         * Glob match in O(text × pattern) at worst, without recursion: on a mismatch only the
         * last wildcard is moved, which is enough since a later wildcard can absorb anything an
         * earlier one would have.
         */
        private boolean glob(String s) {
            int t = 0;
            int p = 0;
            int starP = -1;
            int starT = 0;
            while (t < s.length()) {
                if (p < tokens.length && tokens[p] != ANY_RUN && (tokens[p] == ANY_ONE || same(tokens[p], s.charAt(t)))) {
                    p++;
                    t++;
                } else if (p < tokens.length && tokens[p] == ANY_RUN) {
                    starP = p++;
                    starT = t;
                } else if (starP >= 0) {
                    p = starP + 1;
                    t = ++starT;
                } else {
                    return false;
                }
            }
            while (p < tokens.length && tokens[p] == ANY_RUN) p++;
            return p == tokens.length;
        }

        private boolean same(int token, char c) {
            if (token == c) return true;
            if (matchCase) return false;
            char a = (char) token;
            return Character.toUpperCase(a) == Character.toUpperCase(c)
                    || Character.toLowerCase(a) == Character.toLowerCase(c);
        }

        @Override
        public boolean test(Feature feature) {
            String s = value.text(feature);
            return s != null && glob(Values.normalize(s));
        }

        public Expression value() {
            return value;
        }

        public String pattern() {
            return pattern;
        }

        public char wildCard() {
            return wildCard;
        }

        public char singleChar() {
            return singleChar;
        }

        public char escape() {
            return escape;
        }

        public boolean matchCase() {
            return matchCase;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Like l && value.equals(l.value) && pattern.equals(l.pattern)
                    && wildCard == l.wildCard && singleChar == l.singleChar && escape == l.escape
                    && matchCase == l.matchCase;
        }

        @Override
        public int hashCode() {
            return Objects.hash(value, pattern, wildCard, singleChar, escape, matchCase);
        }

        @Override
        public String toString() {
            return "Like[" + value + " ~ " + pattern + (matchCase ? "" : " (casse ignorée)") + "]";
        }
    }
}
