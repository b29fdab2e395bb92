package fr.bassinminier.atlas.analysis;

import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.project.ProjectLayer;

/**
 * A feature found by a query (a click, a radius), with its layer and its distance.
 *
 * @param distance ground distance in project units (metres in Lambert-93), 0 when touching or inside
 */
public record FeatureHit(ProjectLayer layer, Feature feature, double distance) {
    public String layerId() {
        return layer.entry().id();
    }

    public String layerTitle() {
        return layer.entry().title();
    }
}
