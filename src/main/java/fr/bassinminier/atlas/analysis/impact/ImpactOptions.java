package fr.bassinminier.atlas.analysis.impact;

import fr.bassinminier.atlas.l10n.Localization;

/**
 * How far the check looks.
 *
 * @param radius metres around the footprint within which every heritage element is listed; 500 m
 *               by default, the distance of the historic monuments' "abords" (code du patrimoine,
 *               art. L621-30)
 */
public record ImpactOptions(double radius) {
    public static final double ABORDS_METRES = 500;
    public static final double MAX_RADIUS = 10_000;
    public static final ImpactOptions DEFAULT = new ImpactOptions(ABORDS_METRES);

    public ImpactOptions {
        if (!(radius >= 0 && radius <= MAX_RADIUS)) {
            throw new IllegalArgumentException(Localization.text("analysis.radiusMustBetweenM", radius));
        }
    }
}
