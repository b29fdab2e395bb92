package fr.bassinminier.atlas.model.style;

import fr.bassinminier.atlas.model.Feature;

/** Where a label goes: at a point, or along a line. */
public sealed interface LabelPlacement {
    /**
     * @param anchor which point of the label sits on the feature's point; SLD's default is (0, 0.5)
     * @param displacement pixel offset from it, may be null
     * @param rotation degrees clockwise, may be null
     */
    record PointPlacement(AnchorPoint anchor, Displacement displacement, Expression rotation) implements LabelPlacement {
        public AnchorPoint anchorOrDefault() {
            return anchor != null ? anchor : new AnchorPoint(0, 0.5);
        }

        public double rotationFor(Feature feature) {
            return Expression.number(rotation, feature, 0);
        }
    }

    /** @param perpendicularOffset pixels away from the line, may be null */
    record LinePlacement(Expression perpendicularOffset) implements LabelPlacement {
        public double perpendicularOffsetFor(Feature feature) {
            return Expression.number(perpendicularOffset, feature, 0);
        }
    }
}
