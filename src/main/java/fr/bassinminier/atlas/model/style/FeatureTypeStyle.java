package fr.bassinminier.atlas.model.style;

import java.util.List;

/** One drawing pass: its rules are evaluated together, and ElseFilter applies within it. */
public record FeatureTypeStyle(String name, List<Rule> rules) {
    public FeatureTypeStyle {
        rules = List.copyOf(rules);
    }
}
