package fr.bassinminier.atlas.io;

import java.nio.file.Path;

/** Reads one file format. Implementations live in one sub-package per format. */
public interface FormatReader {
    /** Short name shown to users, e.g. "ESRI Shapefile". */
    String formatName();

    /** Whether this reader claims the file, by its name or first bytes; must not throw. */
    boolean canRead(Path path);

    /** All feature layers of the file, in their own CRS. */
    Dataset read(Path path) throws DataException;
}
