package fr.bassinminier.atlas.model.style;

import java.util.Locale;
import java.util.Objects;

/**
 * A well-known shape: circle, square, triangle, star, cross, x, or GeoServer's hatching shapes
 * shape://slash, backslash, horline, vertline, times, plus, dot (QGIS writes some without the
 * shape:// prefix, e.g. "horline" rotated by 45°). As in SLD, an absent Fill means no fill and
 * an absent Stroke no outline, except that a Mark with neither gets the default grey fill.
 */
public record Mark(String wellKnownName, Fill fill, Stroke stroke) implements GraphicSymbol {
    public Mark {
        Objects.requireNonNull(wellKnownName, "wellKnownName");
    }

    /** The shape name without the "shape://" prefix, lower case: "slash", "circle"… */
    public String shape() {
        String s = wellKnownName.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("shape://") ? s.substring("shape://".length()) : s;
    }

    /** Whether the mark is a line pattern meant to be tiled as hatching. */
    public boolean isHatch() {
        return switch (shape()) {
            case "slash", "backslash", "horline", "vertline", "times", "plus" -> true;
            default -> false;
        };
    }
}
