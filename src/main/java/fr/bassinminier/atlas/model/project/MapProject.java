package fr.bassinminier.atlas.model.project;

import fr.bassinminier.atlas.model.CrsId;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * A map project: title, display CRS, layers in layer-tree order (first = drawn on top), the
 * initial view and saved views. Whether data are indicative is said per layer
 * ({@link LayerEntry#indicative()}), never for the project as a whole.
 */
public record MapProject(String title, CrsId crs, Envelope initialExtent, List<LayerEntry> layers,
                         List<Bookmark> bookmarks, String description) {
    public MapProject {
        layers = List.copyOf(layers);
        bookmarks = List.copyOf(bookmarks);
    }

    public Optional<LayerEntry> layer(String id) {
        return layers.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public MapProject withView(Envelope extent, List<Bookmark> newBookmarks) {
        return new MapProject(title, crs, extent, layers, newBookmarks, description);
    }

    public MapProject withLayers(List<LayerEntry> newLayers) {
        return new MapProject(title, crs, initialExtent, newLayers, bookmarks, description);
    }
}
