package fr.bassinminier.atlas.style.sld;

import fr.bassinminier.atlas.model.style.*;

import java.util.List;

/**
 * What a parse yields: the user styles of the document (the one marked IsDefault first) and
 * the French warnings about what was skipped, each naming the source and the line.
 */
public record SldDocument(List<Style> styles, List<String> warnings) {
    public SldDocument {
        if (styles.isEmpty()) throw new IllegalArgumentException("no style");
        styles = List.copyOf(styles);
        warnings = List.copyOf(warnings);
    }

    /** What the style to use asks for that the map does not draw, in French (see {@link Styles#notDrawn}). */
    public List<String> notDrawn() {
        return Styles.notDrawn(style());
    }

    /** The style to use: the default one, else the first. */
    public Style style() {
        return styles.get(0);
    }
}
