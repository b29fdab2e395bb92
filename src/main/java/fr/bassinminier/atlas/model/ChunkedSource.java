package fr.bassinminier.atlas.model;

import org.locationtech.jts.geom.Envelope;

/**
 * A file whose rows can be read a chunk at a time, in layer order. When a view covers most of
 * the layer, each band of an image would read every row of the table to draw its own strip; read
 * in chunks, the bands read each chunk once between them and each draws from it what reaches its
 * strip (the renderer's shared scans).
 */
public interface ChunkedSource extends FeatureSource {
    /** How many chunks a read of the view takes; 0 when each band had better query its own area. */
    int chunks(Envelope view);

    /** How many features a scan of the area is expected to meet, as a scan announces it. */
    int expected(Envelope area);

    /**
     * Reads chunk {@code k} of {@link #chunks}: its features meeting the view, in layer order.
     *
     * @param attributes whether the visits will ask for attributes (without, they carry the id only)
     */
    Chunk read(int k, Envelope view, boolean attributes);

    /** Features read from the file, which several threads may visit at once. */
    interface Chunk {
        int size();

        /** Visits the features meeting the area, in order, through a cursor of this call's own. */
        void visit(Envelope area, Visitor visitor);
    }
}
