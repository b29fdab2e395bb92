package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.analysis.Measure;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/**
 * The measuring tools: clicks add vertices, the running length or area shows in the status bar
 * in Lambert-93 metres and hectares; a double-click or Escape ends the measure.
 */
final class Measurement {
    private final MapViewModel vm;
    private final MapView map;
    private final List<Point2D> points = new ArrayList<>();
    private MapTool tool = MapTool.IDENTIFY;
    private boolean finished;
    private java.util.function.Consumer<List<Point2D>> onFootprint = p -> { };

    void setOnFootprint(java.util.function.Consumer<List<Point2D>> handler) {
        this.onFootprint = handler;
    }

    Measurement(MapViewModel vm, MapView map) {
        this.vm = vm;
        this.map = map;
    }

    void setTool(MapTool t) {
        tool = t;
        points.clear();
        finished = false;
        map.setSketch(points, false);
        if (t != MapTool.IDENTIFY) vm.setStatus(Messages.get("measure.hint"));
    }

    void click(double px, double py) {
        if (tool == MapTool.IDENTIFY) return;
        if (finished) {
            points.clear();
            finished = false;
        }
        vm.groundAt(px, py).ifPresent(points::add);
        update();
    }

    void finish() {
        if (tool == MapTool.IDENTIFY) return;
        finished = true;
        update();
        if (tool == MapTool.FOOTPRINT && !points.isEmpty()) onFootprint.accept(List.copyOf(points));
    }

    private void update() {
        boolean area = tool == MapTool.MEASURE_AREA || tool == MapTool.FOOTPRINT;
        map.setSketch(points, area);
        List<Coordinate> xy = new ArrayList<>(points.stream().map(p -> new Coordinate(p.getX(), p.getY())).toList());
        if (area) {
            List<Coordinate> ring = new ArrayList<>(xy);
            if (!ring.isEmpty()) ring.add(ring.get(0));
            vm.setStatus(Messages.get("measure.area", Measure.formatArea(Measure.areaHectares(ring)),
                    Measure.formatDistance(Measure.lengthMetres(ring))));
        } else {
            vm.setStatus(Messages.get("measure.distance", Measure.formatDistance(Measure.lengthMetres(xy))));
        }
    }
}
