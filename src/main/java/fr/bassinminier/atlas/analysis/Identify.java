package fr.bassinminier.atlas.analysis;

import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;

/**
 * What lies under a click on the map: the features of the visible layers, top layer first (the
 * project's layer order is the drawing order, first = on top), so that the first hit is what
 * the user sees where they clicked.
 *
 * <p>A polygon is hit when it contains the point or when its edge is within the tolerance (a
 * thin polygon is hard to click inside); lines and points when within the tolerance. Within a
 * layer, hits are sorted by distance, then smaller area first: of nested polygons the most
 * specific one comes first. Each candidate from the layer's spatial index is tested once, with
 * a plain point-in-polygon walk: preparing the geometry (indexing its edges) costs more than it
 * saves for the single point of a click.
 */
public final class Identify {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private Identify() {
    }


    /**
     * @param ground    the clicked point in the project CRS
     * @param tolerance ground distance accepted around the point, e.g. 4 px × metres per pixel
     */
    public static List<FeatureHit> at(LoadedProject project, Coordinate ground, double tolerance) {
        return at(project.layers(), ground, tolerance);
    }

    public static List<FeatureHit> at(List<ProjectLayer> layers, Coordinate ground, double tolerance) {
        double tol = Math.max(0, tolerance);
        Point point = FACTORY.createPoint(ground);
        Envelope search = new Envelope(ground);
        search.expandBy(tol);
        List<FeatureHit> out = new ArrayList<>();
        for (ProjectLayer layer : layers) {
            if (!layer.isLoaded() || !layer.entry().visible()) continue;
            List<FeatureHit> inLayer = new ArrayList<>();
            for (Feature f : layer.data().query(search)) {
                double d = distance(f.geometry(), point, ground);
                if (d <= tol) inLayer.add(new FeatureHit(layer, f, d));
            }
            inLayer.sort(Comparator.comparingDouble(FeatureHit::distance)
                    .thenComparingDouble(h -> h.feature().geometry().getArea()));
            out.addAll(inLayer);
        }
        return out;
    }

    private static double distance(Geometry g, Point point, Coordinate c) {
        if (g.getDimension() == 2 && SimplePointInAreaLocator.locate(c, g) != Location.EXTERIOR) return 0;
        return g.distance(point);
    }
}
