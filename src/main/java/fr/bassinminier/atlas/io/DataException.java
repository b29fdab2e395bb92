package fr.bassinminier.atlas.io;

import fr.bassinminier.atlas.l10n.Localization;
import java.nio.file.Path;

/**
 * A file could not be read or written. The message is French and meant for the user: it names
 * the file and the problem, never a Java class. The {@link Problem} lets code and tests tell
 * kinds apart without parsing text.
 */
public class DataException extends Exception {
    public enum Problem {
        NOT_FOUND, UNSUPPORTED_FORMAT, TRUNCATED, CORRUPT, INCONSISTENT, MISSING_PART,
        UNKNOWN_CRS, ENCODING, TOO_LARGE, UNSAFE, IO, WRITE_FAILED
    }

    private final transient Path file;
    private final Problem problem;

    public DataException(Path file, Problem problem, String detail) {
        this(file, problem, detail, null);
    }

    public DataException(Path file, Problem problem, String detail, Throwable cause) {
        super(format(file, detail), cause);
        this.file = file;
        this.problem = problem;
    }

    private static String format(Path file, String detail) {
        String name = file == null ? "?" : (file.getFileName() == null ? file.toString()
                : file.getFileName().toString());
        return Localization.text("io.file", name, detail);
    }

    public Path file() {
        return file;
    }

    public Problem problem() {
        return problem;
    }
}
