package fr.bassinminier.atlas.io.shapefile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The files of one shapefile set (.shp, .shx, .dbf, .prj, .cpg), wherever they live: on disk
 * ({@link ShapefileFiles}) or as entries of an archive read in place. Extensions are given
 * lower-case without the dot ("shp"); implementations match them case-insensitively, since
 * "COMMUNES.SHP" beside "communes.dbf" is common on Windows-made media.
 *
 * <p>A source may refuse to deliver more bytes (an archive guarding against zip bombs): it then
 * throws from a read an {@link IOException} whose cause is a
 * {@link fr.bassinminier.atlas.io.DataException}, which the reader passes on unchanged.
 */
public interface ShapefileSource {
    /** Name of the set without folder or extension; the layer is named after it. */
    String baseName();

    /** The file errors are attached to: the .shp on disk, or the archive holding the set. */
    Path location();

    /** How the part is named to the user, e.g. "communes.dbf" or "UNESCO - L93 2018/batis.dbf". */
    String partName(String extension);

    boolean has(String extension);

    /**
     * The exact size of the part when it is known for sure (a file on disk), or -1 (an archive
     * entry, whose declared size cannot be trusted).
     */
    long size(String extension) throws IOException;

    /** A fresh stream over the part, from its first byte; the caller closes it. */
    InputStream open(String extension) throws IOException;
}
