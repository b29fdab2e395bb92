package fr.bassinminier.atlas.render;

import fr.bassinminier.atlas.model.tiles.Basemap;
import fr.bassinminier.atlas.model.tiles.TileKey;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Where the renderer gets background tiles from (implemented in io.tiles: network with caches,
 * or an offline pack). The renderer never does I/O itself: it asks for what is ready, or, for
 * prints and PNG files, waits for it.
 */
public interface TileProvider {
    Basemap basemap();

    /**
     * The decoded tile (TYPE_INT_ARGB), or null when it is not available: not yet arrived (when
     * not waiting), absent from the source, or failed.
     *
     * @param wait true to block until the tile has arrived or failed (prints, PNG files)
     */
    BufferedImage tile(TileKey key, boolean wait);

    /**
     * The tiles the current view needs, most central first: the provider fetches those it lacks
     * and may drop pending requests for others (the view has moved on).
     */
    void want(List<TileKey> keys);
}
