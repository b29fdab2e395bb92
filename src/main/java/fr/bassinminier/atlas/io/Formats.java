package fr.bassinminier.atlas.io;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.DataException.Problem;
import fr.bassinminier.atlas.io.geojson.GeoJsonReader;
import fr.bassinminier.atlas.io.geojson.GeoJsonWriter;
import fr.bassinminier.atlas.io.geopackage.GeoPackageReader;
import fr.bassinminier.atlas.io.geopackage.GeoPackageWriter;
import fr.bassinminier.atlas.io.shapefile.ShapefileReader;
import fr.bassinminier.atlas.io.shapefile.ShapefileWriter;
import fr.bassinminier.atlas.io.zip.ZipDatasetReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The formats the program reads and writes, chosen by file name and content. */
public final class Formats {
    private static final List<FormatReader> READERS = List.of(new GeoJsonReader(), new ShapefileReader(),
            new ZipDatasetReader(), new GeoPackageReader());
    private static final List<FormatWriter> WRITERS = List.of(new GeoJsonWriter(), new GeoPackageWriter(),
            new ShapefileWriter());

    private Formats() {
    }

    public static List<FormatReader> readers() {
        return READERS;
    }

    public static Dataset read(Path path) throws DataException {
        InputFiles.requireRegularFile(path);
        for (FormatReader r : READERS) {
            if (r.canRead(path)) return r.read(path);
        }
        throw new DataException(path, Problem.UNSUPPORTED_FORMAT, Localization.text("io.unrecognisedFormatFormatsRead", String.join(", ", READERS.stream().map(FormatReader::formatName).toList())));
    }

    public static void write(Path path, List<fr.bassinminier.atlas.model.VectorLayer> layers) throws DataException {
        for (FormatWriter w : WRITERS) {
            if (w.canWrite(path)) {
                w.write(path, layers);
                return;
            }
        }
        throw new DataException(path, Problem.UNSUPPORTED_FORMAT, Localization.get("io.unrecognisedOutputFormatExtension"));
    }
}
