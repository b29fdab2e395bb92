package fr.bassinminier.atlas.io.project;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the demo project that the program opens by default: beside the working directory when
 * run from a checkout, beside the jar (target/../maps), or in the installed app's folder.
 */
public final class DemoProject {
    public static final String FILE = "bassin-minier" + ProjectFile.EXTENSION;

    private DemoProject() {
    }

    public static Optional<Path> locate() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("atlas.demo");
        if (prop != null) candidates.add(Path.of(prop));
        candidates.add(Path.of("maps", FILE));
        try {
            Path jar = Path.of(DemoProject.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(jar) ? jar : jar.getParent();
            for (Path d = dir; d != null; d = d.getParent()) {
                candidates.add(d.resolve("maps").resolve(FILE));
                if (candidates.size() > 8) break;
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // No code source (unusual class loader): the working-directory candidate remains.
        }
        return candidates.stream().filter(Files::isRegularFile).map(Path::toAbsolutePath).findFirst();
    }
}
