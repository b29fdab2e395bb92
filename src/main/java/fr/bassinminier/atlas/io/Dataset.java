package fr.bassinminier.atlas.io;

import fr.bassinminier.atlas.model.VectorLayer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What one file holds: one layer (a shapefile) or several (a GeoPackage, a zip). */
public record Dataset(Path source, String format, List<VectorLayer> layers) {
    public Dataset {
        layers = List.copyOf(layers);
    }

    public Optional<VectorLayer> layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
