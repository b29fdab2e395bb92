package fr.bassinminier.atlas.style.sld;

import fr.bassinminier.atlas.model.style.*;

import java.util.ArrayList;
import java.util.List;

/** Legend entries of a style: one swatch per rule, labelled as QGIS and GeoServer label them. */
public final class Legend {
    /**
     * @param label the rule's Title, else its Name, else ""
     * @param symbolizers what to draw in the swatch (text symbolizers left out)
     */
    public record Entry(String label, List<Symbolizer> symbolizers) {
        public Entry {
            symbolizers = List.copyOf(symbolizers);
        }
    }

    private Legend() {
    }

    /**
     * Entries for the rules visible at a scale, in document order. Rules that only label
     * draw no swatch and are left out.
     */
    public static List<Entry> entries(Style style, double scaleDenominator) {
        List<Entry> out = new ArrayList<>();
        for (Rule r : style.rules()) {
            if (r.appliesAt(scaleDenominator)) add(out, r);
        }
        return out;
    }

    /** Entries for every rule whatever the scale (a printed legend key). */
    public static List<Entry> entries(Style style) {
        List<Entry> out = new ArrayList<>();
        for (Rule r : style.rules()) add(out, r);
        return out;
    }

    private static void add(List<Entry> out, Rule r) {
        List<Symbolizer> swatch = r.symbolizers().stream().filter(s -> !(s instanceof TextSymbolizer)).toList();
        if (!swatch.isEmpty()) out.add(new Entry(r.legendLabel(), swatch));
    }
}
