package fr.bassinminier.atlas.model.style;

import fr.bassinminier.atlas.model.Feature;
import java.util.Locale;

/** A label font. Absent parameters take SLD's defaults: a sans-serif, 10 pixels, normal. */
public record Font(Expression family, Expression size, Expression style, Expression weight) {
    public String familyFor(Feature feature) {
        return Expression.text(family, feature, "SansSerif");
    }

    public double sizeFor(Feature feature) {
        return Math.max(0, Expression.number(size, feature, 10));
    }

    public boolean isBoldFor(Feature feature) {
        String w = Expression.text(weight, feature, "normal").strip().toLowerCase(Locale.ROOT);
        Double numeric = Values.parseNumber(w);
        return w.equals("bold") || w.equals("bolder") || numeric != null && numeric >= 600;
    }

    public boolean isItalicFor(Feature feature) {
        String s = Expression.text(style, feature, "normal").strip().toLowerCase(Locale.ROOT);
        return s.equals("italic") || s.equals("oblique");
    }
}
