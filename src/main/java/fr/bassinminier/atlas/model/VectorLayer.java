package fr.bassinminier.atlas.model;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An in-memory vector layer: the features of one layer of a source, in one CRS. Immutable once
 * built; the packed envelopes (and for layers of millions, an STR-tree) are built on first
 * query, since many layers are only listed (info) and never drawn.
 */
public final class VectorLayer {
    private final String name;
    private final GeometryType geometryType;
    private final CrsId crs;
    private final Schema schema;
    private final List<Feature> features;
    private final Envelope bounds;
    private volatile STRtree index;
    private volatile int[] allIndices;
    private volatile PackedEnvelopes packed;
    /** Share of the layer's bounds above which a query scans the envelopes rather than the tree. */
    private static final double SCAN_SHARE = 1.0 / 16;
    /** Layers smaller than this are always scanned: a scan is then a few milliseconds at most. */
    private static final int TREE_MIN_FEATURES = 1_000_000;

    public VectorLayer(String name, GeometryType geometryType, CrsId crs, Schema schema,
                       List<Feature> features) {
        this.name = name;
        this.geometryType = geometryType;
        this.crs = crs;
        this.schema = schema;
        this.features = List.copyOf(features);
        Envelope env = new Envelope();
        for (Feature f : this.features) {
            if (f.geometry() != null && !f.geometry().isEmpty()) {
                env.expandToInclude(f.geometry().getEnvelopeInternal());
            }
        }
        this.bounds = env;
    }

    public String name() {
        return name;
    }

    public GeometryType geometryType() {
        return geometryType;
    }

    public CrsId crs() {
        return crs;
    }

    public Schema schema() {
        return schema;
    }

    public List<Feature> features() {
        return features;
    }

    public int size() {
        return features.size();
    }

    /** Bounds of all non-null geometries; a null envelope when there are none. */
    public Envelope bounds() {
        return new Envelope(bounds);
    }

    /** Features whose envelope intersects the given one, in layer order. */
    public List<Feature> query(Envelope area) {
        int[] hits = queryIndices(area);
        List<Feature> out = new ArrayList<>(hits.length);
        for (int i : hits) out.add(features.get(i));
        return out;
    }

    /**
     * Positions in {@link #features()} of the features whose envelope intersects the given one, in
     * ascending order, so that drawing is stable from one frame to the next. A view that covers
     * the whole layer takes every feature. Otherwise the packed envelopes are scanned (about 2 ms
     * for 500,000 features, already in order), except for a small view on a layer of millions,
     * where the STR-tree (built on first use: about a second per 500,000 features) pays, its hits
     * marked in a bit set, which gives them in order without sorting.
     */
    public int[] queryIndices(Envelope area) {
        if (area == null || area.isNull() || bounds.isNull() || !area.intersects(bounds)) return new int[0];
        if (area.covers(bounds)) return withGeometry().clone();
        Envelope common = area.intersection(bounds);
        double share = bounds.getArea() > 0 ? common.getArea() / bounds.getArea() : 1;
        if (share >= SCAN_SHARE || features.size() < TREE_MIN_FEATURES) return envelopes().intersecting(area);
        return treeQuery(area);
    }

    /** The STR-tree's answer to {@link #queryIndices}; package-private for the tests. */
    int[] treeQuery(Envelope area) {
        BitSet hits = new BitSet(features.size());
        index().query(area, item -> hits.set((Integer) item));
        int[] out = new int[hits.cardinality()];
        for (int i = hits.nextSetBit(0), k = 0; i >= 0; i = hits.nextSetBit(i + 1)) out[k++] = i;
        return out;
    }

    /** The features' envelopes in one array, built on first use. */
    public PackedEnvelopes envelopes() {
        PackedEnvelopes e = packed;
        if (e == null) {
            synchronized (this) {
                e = packed;
                if (e == null) {
                    e = new PackedEnvelopes(features);
                    packed = e;
                }
            }
        }
        return e;
    }

    private int[] withGeometry() {
        int[] all = allIndices;
        if (all == null) {
            int n = 0;
            int[] tmp = new int[features.size()];
            for (int i = 0; i < features.size(); i++) {
                Geometry g = features.get(i).geometry();
                if (g != null && !g.isEmpty()) tmp[n++] = i;
            }
            all = java.util.Arrays.copyOf(tmp, n);
            allIndices = all;
        }
        return all;
    }

    private STRtree index() {
        STRtree tree = index;
        if (tree == null) {
            synchronized (this) {
                tree = index;
                if (tree == null) {
                    tree = new STRtree();
                    for (int i = 0; i < features.size(); i++) {
                        Geometry g = features.get(i).geometry();
                        if (g != null && !g.isEmpty()) tree.insert(g.getEnvelopeInternal(), i);
                    }
                    tree.build();
                    index = tree;
                }
            }
        }
        return tree;
    }

    /** A copy with other features (same name, schema), e.g. after reprojection. */
    public VectorLayer withFeatures(CrsId newCrs, List<Feature> newFeatures) {
        return new VectorLayer(name, geometryType, newCrs, schema, newFeatures);
    }
}
