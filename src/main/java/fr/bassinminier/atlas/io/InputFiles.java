package fr.bassinminier.atlas.io;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.DataException.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Checks made on a path before any reader opens it. */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * Refuses what is not a regular file before it is opened: a named pipe or a device would block
     * the reader forever (opening a pipe waits for a writer) or never end.
     */
    public static void requireRegularFile(Path path) throws DataException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new DataException(path, Problem.NOT_FOUND, Localization.get("io.fileFound"));
        } catch (IOException e) {
            throw new DataException(path, Problem.IO, Localization.text("io.cannotRead", e.getMessage()), e);
        }
        if (a.isDirectory()) {
            throw new DataException(path, Problem.UNSUPPORTED_FORMAT, Localization.get("io.folderOpenDataFile"));
        }
        if (!a.isRegularFile()) {
            throw new DataException(path, Problem.UNSAFE, notRegular());
        }
    }

    /** The French reason given for a pipe, a device or a socket. */
    public static String notRegular() {
        return Localization.get("io.ordinaryFileNamedPipe");
    }

    /** Whether the path exists and is something other than a regular file or a folder. */
    public static boolean isSpecial(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return !a.isRegularFile() && !a.isDirectory();
        } catch (IOException e) {
            return false;
        }
    }
}
