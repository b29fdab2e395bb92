package fr.bassinminier.atlas.model.style;

import java.util.List;

/**
 * A user style: what an SLD's UserStyle holds. Feature type styles are drawn one after the
 * other (each is a complete pass over the features, the later ones on top).
 *
 * @param name the UserStyle's name, else its layer's; may be null
 * @param title a human title; may be null
 */
public record Style(String name, String title, List<FeatureTypeStyle> featureTypeStyles) {
    public Style {
        featureTypeStyles = List.copyOf(featureTypeStyles);
    }

    /** All rules of all feature type styles, in document order. */
    public List<Rule> rules() {
        return featureTypeStyles.stream().flatMap(f -> f.rules().stream()).toList();
    }
}
