package fr.bassinminier.atlas.model.style;

import fr.bassinminier.atlas.model.Feature;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A label. Absent parts take SLD's defaults: default font, no halo, black text.
 *
 * @param placement null lets the renderer choose
 * @param fill text colour; null for black
 * @param priority GeoServer's Priority: higher is placed first when labels collide; may be null
 * @param vendorOptions GeoServer/QGIS VendorOption name → value (e.g. maxDisplacement, group),
 *                      kept as written for the label engine to honour what it can
 */
public record TextSymbolizer(Expression label, Font font, LabelPlacement placement, Halo halo, Fill fill,
                             Expression priority, Map<String, String> vendorOptions) implements Symbolizer {
    public TextSymbolizer {
        Objects.requireNonNull(label, "label");
        vendorOptions = vendorOptions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(vendorOptions));
    }

    /** The label text for a feature, stripped; "" when the attribute is unset. */
    public String textFor(Feature feature) {
        String s = label.text(feature);
        return s == null ? "" : s.strip();
    }

    public Font fontOrDefault() {
        return font != null ? font : new Font(null, null, null, null);
    }

    public String colorFor(Feature feature) {
        return fill == null ? "#000000" : Expression.color(fill.color(), feature, "#000000");
    }

    public double opacityFor(Feature feature) {
        return fill == null ? 1 : fill.opacityFor(feature);
    }

    public double priorityFor(Feature feature) {
        return Expression.number(priority, feature, 1000);
    }
}
