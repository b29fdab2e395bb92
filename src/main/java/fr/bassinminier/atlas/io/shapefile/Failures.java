package fr.bassinminier.atlas.io.shapefile;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import java.util.function.Consumer;

/**
 * Builds the user-facing errors and warnings about one shapefile set. DataException already
 * names {@link ShapefileSource#location()}; the part is named too whenever it is another file
 * (the .dbf of a .shp) or an entry of an archive, so the user knows which file to look at.
 */
final class Failures {
    private final ShapefileSource source;
    private final Consumer<String> warnings;

    Failures(ShapefileSource source, Consumer<String> warnings) {
        this.source = source;
        this.warnings = warnings;
    }

    String subject(String extension) {
        String part = source.partName(extension);
        String located = source.location().getFileName() == null ? "" : source.location().getFileName().toString();
        return part.equals(located) ? "" : Localization.text("io.quotedPrefix", part);
    }

    DataException fail(Problem problem, String extension, String detail) {
        return new DataException(source.location(), problem, subject(extension) + detail);
    }

    DataException fail(Problem problem, String extension, String detail, Throwable cause) {
        return new DataException(source.location(), problem, subject(extension) + detail, cause);
    }

    void warn(String extension, String detail) {
        warnings.accept(source.location().getFileName() + " : " + subject(extension) + detail);
    }
}
