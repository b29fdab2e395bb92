package fr.bassinminier.atlas.io;

import fr.bassinminier.atlas.model.VectorLayer;
import java.nio.file.Path;
import java.util.List;

/** Writes layers to one file format. Writes are atomic: a failed write leaves no partial file. */
public interface FormatWriter {
    String formatName();

    boolean canWrite(Path path);

    void write(Path path, List<VectorLayer> layers) throws DataException;
}
