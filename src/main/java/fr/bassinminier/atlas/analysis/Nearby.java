package fr.bassinminier.atlas.analysis;

import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * What stands near a feature, for the cité panel: the UNESCO property components and terrils
 * within a radius, nearest first. Which layers count is the caller's choice, because users'
 * projects name their layers freely, so callers pass the layers by the role they play.
 */
public final class Nearby {
    public static final double DEFAULT_RADIUS = 1000;
    /** The demo project's UNESCO property components and terrils. */

    private Nearby() {
    }


    /** Within {@link #DEFAULT_RADIUS} in the given layers. */
    public static List<FeatureHit> around(LoadedProject project, Feature feature, Collection<String> layerIds) {
        return around(project, feature, layerIds, DEFAULT_RADIUS);
    }

    /**
     * Features of the given layers (visible or not, loaded ones only) within {@code radius}
     * ground metres of the feature's geometry, the feature itself excepted; sorted by
     * distance, then project layer order. Unknown layer ids are ignored.
     */
    public static List<FeatureHit> around(LoadedProject project, Feature feature, Collection<String> layerIds, double radius) {
        Geometry g = feature.geometry();
        if (g == null || g.isEmpty() || radius < 0) return List.of();
        Envelope search = g.getEnvelopeInternal().copy();
        search.expandBy(radius);
        List<FeatureHit> out = new ArrayList<>();
        for (ProjectLayer layer : project.layers()) {
            if (!layer.isLoaded() || !layerIds.contains(layer.entry().id())) continue;
            for (Feature f : layer.data().query(search)) {
                if (f == feature) continue;
                // isWithinDistance stops early; the exact distance is computed for the few kept.
                if (DistanceOp.isWithinDistance(g, f.geometry(), radius)) {
                    out.add(new FeatureHit(layer, f, g.distance(f.geometry())));
                }
            }
        }
        // Stable sort: equal distances keep the project's layer order.
        out.sort(Comparator.comparingDouble(FeatureHit::distance));
        return out;
    }
}
