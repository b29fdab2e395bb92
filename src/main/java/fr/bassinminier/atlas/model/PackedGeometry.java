package fr.bassinminier.atlas.model;

import java.util.Arrays;

/**
 * A geometry's coordinates as read from a file, in arrays reused from feature to feature: x and
 * y interleaved, the parts (rings, lines, points) given by their first vertex. What the renderer
 * needs to draw, without one JTS object per vertex, ring and feature.
 */
public final class PackedGeometry {
    /** 0 for points, 1 for lines, 2 for polygons (rings: each polygon's outer then holes, any order). */
    private int dimension;
    private double[] xy = new double[64];
    private int[] partStart = new int[8];
    private int points;
    private int parts;

    public void reset(int dim) {
        dimension = dim;
        points = 0;
        parts = 0;
    }

    public void startPart() {
        if (parts == partStart.length) partStart = Arrays.copyOf(partStart, 2 * parts);
        partStart[parts++] = points;
    }

    public void add(double x, double y) {
        if (2 * points + 2 > xy.length) xy = Arrays.copyOf(xy, 2 * xy.length);
        xy[2 * points] = x;
        xy[2 * points + 1] = y;
        points++;
    }

    public int dimension() {
        return dimension;
    }

    public int parts() {
        return parts;
    }

    public int points() {
        return points;
    }

    /** First vertex of the part. */
    public int partStart(int part) {
        return partStart[part];
    }

    /** One past the last vertex of the part. */
    public int partEnd(int part) {
        return part + 1 < parts ? partStart[part + 1] : points;
    }

    public double x(int i) {
        return xy[2 * i];
    }

    public double y(int i) {
        return xy[2 * i + 1];
    }
}
