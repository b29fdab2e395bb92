package fr.bassinminier.atlas.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The property every parser fuzz target checks: an input is either read, or refused with one of
 * the program's own exception types (whose message the user reads). Anything else escaping —
 * a RuntimeException, a StackOverflowError, an OutOfMemoryError — is rethrown and becomes a
 * Jazzer finding. Hangs are caught by Jazzer's per-input timeout (the class's {@code @Timeout}).
 */
public final class FuzzCheck {
    /** The program's own error types, by name so that no package needs to export them. */
    private static final Set<String> OWN = Set.of(
            "fr.bassinminier.atlas.io.DataException",
            "fr.bassinminier.atlas.io.ServiceException",
            // A streamed read's DataException, raised while a scan runs.
            "fr.bassinminier.atlas.io.StreamedReadException",
            "fr.bassinminier.atlas.style.sld.SldException",
            "fr.bassinminier.atlas.records.RecordsException",
            "fr.bassinminier.atlas.io.geopackage.GeoPackageBinary$FormatException");

    private FuzzCheck() {
    }

    public interface Target {
        void run() throws Exception;
    }

    /** Runs the target; returns normally on success or on a refusal of the program's own type. */
    public static void check(Target t) throws Exception {
        check(t, Set.of());
    }

    /** As {@link #check(Target)}, also accepting the given checked types (a parser's own contract). */
    public static void check(Target t, Set<Class<? extends Exception>> alsoAccepted) throws Exception {
        try {
            t.run();
        } catch (Exception e) {
            if (isOwn(e.getClass()) || alsoAccepted.stream().anyMatch(c -> c.isInstance(e))) {
                if (e.getMessage() == null || e.getMessage().isBlank()) {
                    throw new AssertionError("refusal without a message", e);
                }
                return;
            }
            throw e;
        }
    }

    private static boolean isOwn(Class<?> c) {
        for (; c != null; c = c.getSuperclass()) {
            if (OWN.contains(c.getName())) return true;
        }
        return false;
    }

    /** Writes the input to a fresh file with the given name in a per-thread scratch folder. */
    public static Path file(String name, byte[] data) {
        try {
            Path dir = SCRATCH.get();
            try (var s = Files.list(dir)) {
                for (Path p : (Iterable<Path>) s::iterator) Files.deleteIfExists(p);
            }
            return Files.write(dir.resolve(name), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final ThreadLocal<Path> SCRATCH = ThreadLocal.withInitial(() -> {
        try {
            Path d = Files.createTempDirectory("atlas-fuzz-");
            d.toFile().deleteOnExit();
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });
}
