package fr.bassinminier.atlas.io.tiles;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.model.tiles.Basemap;
import fr.bassinminier.atlas.model.tiles.TileKey;

/** Encoded tiles (PNG, JPEG) from a server or a pack. Implementations are thread-safe. */
public interface TileSource extends AutoCloseable {
    Basemap basemap();

    /** The encoded tile, or null when the source has none there (outside its coverage). */
    byte[] read(TileKey key) throws ServiceException;

    /** A French name for messages: « Plan IGN », « paquet bassin.mbtiles ». */
    default String label() {
        return Localization.text("io.background", basemap().title());
    }

    @Override
    default void close() {
    }
}
