package fr.bassinminier.atlas.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared real open data (../shared/geodata, see its README), read in place by tests. Surefire
 * passes its location as the system property "atlas.geodata"; outside Maven (an IDE), the
 * folder beside the working directory is used. Tests skip when the folder is absent (a clone
 * without it) and fail when it is present but lacks what they need (a broken setup must show).
 */
public final class GeoData {
    private GeoData() {
    }

    public static Path root() {
        String property = System.getProperty("atlas.geodata");
        return Path.of(property != null && !property.isBlank() ? property : "../shared/geodata")
                .toAbsolutePath().normalize();
    }

    /** The file or folder under the root; skips the calling test when the root is absent. */
    public static Path require(String relative) {
        Path dir = root();
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared/geodata absent : test ignoré");
        Path p = dir.resolve(relative);
        assertTrue(Files.exists(p), "../shared/geodata présent mais « " + relative + " » manque");
        return p;
    }
}
