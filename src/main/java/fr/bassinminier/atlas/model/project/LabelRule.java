package fr.bassinminier.atlas.model.project;

/**
 * How a layer is labelled: which attribute, up to which scale (labels of small objects only
 * make sense zoomed in), how large, and how important against other layers' labels.
 *
 * @param maxScale largest scale denominator at which labels show; 0 for every scale
 * @param priority higher wins when labels would overlap
 */
public record LabelRule(String field, double maxScale, double fontSize, String color, int priority, boolean bold) {
}
