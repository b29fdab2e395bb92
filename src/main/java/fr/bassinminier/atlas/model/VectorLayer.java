package fr.bassinminier.atlas.model;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import java.util.function.Supplier;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An in-memory vector layer: the features of one layer of a source, in one CRS. Immutable once
 * built; the packed envelopes (and for layers of millions, an STR-tree) are built on first
 * query, since many layers are only listed (info) and never drawn.
 *
 * <p>A layer may also be backed by its file ({@link #streamed}): it is then drawn by scanning the
 * file ({@link #scan}) and only loaded into memory, once, when something asks for its features
 * (identify, attribute table, atlas series). A command that only draws a layer of 500,000
 * features thus never holds them all.
 */
public final class VectorLayer implements FeatureSource {
    private final String name;
    private final GeometryType geometryType;
    private final CrsId crs;
    private final Schema schema;
    private volatile List<Feature> features;
    private final Envelope bounds;
    /** The file the layer is read from as it is drawn; null for a layer held in memory. */
    private final FeatureSource backing;
    private final Supplier<List<Feature>> loader;
    private final int backedSize;
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
        this.backing = null;
        this.loader = null;
        this.backedSize = -1;
    }

    private VectorLayer(String name, CrsId crs, FeatureSource backing, int size, Supplier<List<Feature>> loader) {
        this.name = name;
        this.geometryType = backing.geometryType();
        this.crs = crs;
        this.schema = backing.schema();
        this.bounds = backing.bounds();
        this.backing = backing;
        this.loader = loader;
        this.backedSize = size;
    }

    /**
     * A layer drawn straight from its file: scans go to {@code backing}; the features are loaded
     * by {@code loader} (which throws an unchecked exception if the file cannot be read) the first
     * time they are asked for.
     */
    public static VectorLayer streamed(String name, CrsId crs, FeatureSource backing, int size,
                                       Supplier<List<Feature>> loader) {
        return new VectorLayer(name, crs, backing, size, loader);
    }

    /** The file behind a streamed layer when it reads in chunks; null in memory or for other files. */
    public ChunkedSource chunked() {
        return features == null && backing instanceof ChunkedSource c ? c : null;
    }

    /** Whether the layer is read from its file as it is drawn, its features not (yet) in memory. */
    public boolean isStreamed() {
        return features == null;
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
        List<Feature> f = features;
        if (f == null) {
            synchronized (this) {
                f = features;
                if (f == null) {
                    f = List.copyOf(loader.get());
                    features = f;
                }
            }
        }
        return f;
    }

    public int size() {
        List<Feature> f = features;
        return f != null ? f.size() : backedSize;
    }

    /** The first feature, or null: without loading a streamed layer. */
    public Feature first() {
        List<Feature> f = features;
        if (f != null) return f.isEmpty() ? null : f.get(0);
        Feature[] out = new Feature[1];
        backing.scan(bounds, c -> {
            if (out[0] == null) out[0] = c.attributes();
        });
        return out[0];
    }

    /**
     * Visits the features meeting the area, in layer order: from the file when the layer is
     * streamed, otherwise through {@link #queryIndices}, the exact count announced first.
     */
    @Override
    public void scan(Envelope area, Visitor visitor) {
        if (features == null) {
            backing.scan(area, visitor);
            return;
        }
        int[] hits = queryIndices(area);
        visitor.expect(hits.length);
        PackedEnvelopes envs = envelopes();
        List<Feature> all = features;
        MemoryCursor c = new MemoryCursor(envs, all);
        for (int idx : hits) {
            c.idx = idx;
            visitor.visit(c);
        }
    }

    @Override
    public long readNanos() {
        return backing == null ? 0 : backing.readNanos();
    }

    private static final class MemoryCursor implements Cursor {
        private final PackedEnvelopes envs;
        private final List<Feature> all;
        int idx;

        MemoryCursor(PackedEnvelopes envs, List<Feature> all) {
            this.envs = envs;
            this.all = all;
        }

        @Override
        public double minX() {
            return envs.minX(idx);
        }

        @Override
        public double minY() {
            return envs.minY(idx);
        }

        @Override
        public double maxX() {
            return envs.maxX(idx);
        }

        @Override
        public double maxY() {
            return envs.maxY(idx);
        }

        @Override
        public Feature attributes() {
            return all.get(idx);
        }

        @Override
        public Geometry geometry() {
            return all.get(idx).geometry();
        }
    }

    /** Bounds of all non-null geometries; a null envelope when there are none. */
    public Envelope bounds() {
        return new Envelope(bounds);
    }

    /** Features whose envelope intersects the given one, in layer order. */
    public List<Feature> query(Envelope area) {
        if (features == null) {
            // Streamed: the file answers (a click, a small box) without loading the whole layer.
            List<Feature> found = new ArrayList<>();
            backing.scan(area, c -> found.add(c.feature()));
            return found;
        }
        int[] hits = queryIndices(area);
        List<Feature> out = new ArrayList<>(hits.length);
        List<Feature> all = features();
        for (int i : hits) out.add(all.get(i));
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
        if (share >= SCAN_SHARE || features().size() < TREE_MIN_FEATURES) return envelopes().intersecting(area);
        return treeQuery(area);
    }

    /** The STR-tree's answer to {@link #queryIndices}; package-private for the tests. */
    int[] treeQuery(Envelope area) {
        BitSet hits = new BitSet(features().size());
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
                    e = new PackedEnvelopes(features());
                    packed = e;
                }
            }
        }
        return e;
    }

    private int[] withGeometry() {
        int[] all = allIndices;
        if (all == null) {
            List<Feature> features = features();
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
                    List<Feature> features = features();
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
