package fr.bassinminier.atlas.model;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An in-memory vector layer: the features of one layer of a source, in one CRS. Immutable once
 * built; the spatial index is built on first query, since many layers are only listed
 * (info) and never drawn.
 */
public final class VectorLayer {
    private final String name;
    private final GeometryType geometryType;
    private final CrsId crs;
    private final Schema schema;
    private final List<Feature> features;
    private final Envelope bounds;
    private volatile STRtree index;

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
    @SuppressWarnings("unchecked")
    public List<Feature> query(Envelope area) {
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
        List<Integer> hits = tree.query(area);
        // Keep file order so that drawing is stable from one frame to the next.
        hits.sort(null);
        List<Feature> out = new ArrayList<>(hits.size());
        for (Integer i : hits) out.add(features.get(i));
        return out;
    }

    /** A copy with other features (same name, schema), e.g. after reprojection. */
    public VectorLayer withFeatures(CrsId newCrs, List<Feature> newFeatures) {
        return new VectorLayer(name, geometryType, newCrs, schema, newFeatures);
    }
}
