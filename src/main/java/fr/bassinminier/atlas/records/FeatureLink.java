package fr.bassinminier.atlas.records;

import fr.bassinminier.atlas.l10n.Localization;
import java.util.ArrayList;
import java.util.List;

/**
 * A map feature that draws a cité: the project layer id and the feature's key in it (the value
 * of the layer's id field, not a row number, so that the link survives a re-export of the layer).
 */
public record FeatureLink(String layerId, String featureKey) {
    public FeatureLink {
        layerId = Values.text(layerId);
        featureKey = Values.text(featureKey);
        if (layerId == null || featureKey == null) {
            throw new InvalidValueException(Localization.get("records.incompleteLinkMapExpected"));
        }
        if (layerId.contains(":") || layerId.contains("/") || featureKey.contains("/")) {
            throw new InvalidValueException(Localization.text("records.malformedLinkMap", layerId, featureKey));
        }
    }

    @Override
    public String toString() {
        return layerId + ":" + featureKey;
    }

    public static String format(List<FeatureLink> links) {
        return String.join(Commune.SEPARATOR, links.stream().map(FeatureLink::toString).toList());
    }

    /** Reads "cites:t1-1 / cites:t4-2". */
    public static List<FeatureLink> parseList(String cell) {
        List<FeatureLink> out = new ArrayList<>();
        String t = Values.text(cell);
        if (t == null) return out;
        for (String part : t.split("/")) {
            if (part.isBlank()) continue;
            int colon = part.indexOf(':');
            if (colon < 0) throw new InvalidValueException(Localization.text("records.linkMapWithoutLayer", part.strip()));
            out.add(new FeatureLink(part.substring(0, colon), part.substring(colon + 1)));
        }
        return out;
    }
}
