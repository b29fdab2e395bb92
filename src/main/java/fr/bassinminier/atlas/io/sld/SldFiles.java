package fr.bassinminier.atlas.io.sld;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.model.style.*;

import fr.bassinminier.atlas.io.AtomicFiles;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.style.sld.SldDocument;
import fr.bassinminier.atlas.style.sld.SldException;
import fr.bassinminier.atlas.style.sld.SldParser;
import fr.bassinminier.atlas.style.sld.SldWriter;
import fr.bassinminier.atlas.model.style.Style;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * SLD files on disk. The parser and writer in style.sld stay free of file access (the
 * architecture keeps style away from io); this class opens, bounds and replaces files.
 */
public final class SldFiles {
    /** Real styles are a few kilobytes; QGIS's largest categorized exports stay under a megabyte. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private SldFiles() {
    }

    /** The style of the file (its default UserStyle). */
    public static Style read(Path file) throws SldException {
        return readDocument(file).style();
    }

    /** The whole parse result, with the warnings about skipped elements. */
    public static SldDocument readDocument(Path file) throws SldException {
        String name = file.toString();
        try {
            if (Files.isDirectory(file)) throw new SldException(name, 0, Localization.get("io.folderStyleFile"));
            if (fr.bassinminier.atlas.io.InputFiles.isSpecial(file)) {
                throw new SldException(name, 0, fr.bassinminier.atlas.io.InputFiles.notRegular());
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new SldException(name, 0, Localization.text("io.fileTooLargeStyle", Files.size(file) / (1024 * 1024)));
            }
            try (InputStream in = Files.newInputStream(file)) {
                return SldParser.parse(in, name);
            }
        } catch (NoSuchFileException e) {
            throw new SldException(name, 0, Localization.get("io.fileFound2"), e);
        } catch (AccessDeniedException e) {
            throw new SldException(name, 0, Localization.get("io.readingRefusedFilePermissions"), e);
        } catch (IOException e) {
            throw new SldException(name, 0, Localization.text("io.cannotRead3", e.getMessage()), e);
        }
    }

    /** Writes the style as SLD 1.0, replacing the file atomically: the old one stays intact on failure. */
    public static void write(Path file, Style style) throws DataException {
        AtomicFiles.write(file, out -> SldWriter.write(style, out));
    }
}
