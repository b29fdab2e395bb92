package fr.bassinminier.atlas.records.project;

import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.project.ProjectFile;
import fr.bassinminier.atlas.records.CiteStore;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.records.seed.RecordsSeed;
import fr.bassinminier.atlas.records.sqlite.SqliteCiteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The records of a map project: {@code NAME.records.sqlite} beside {@code NAME.atlas.json},
 * created on first use and seeded then from {@code data/cites-suivi.json} when the project has
 * one. The file is data of the user, never of the repository.
 */
public final class RecordsProject {
    public static final String EXTENSION = ".records.sqlite";
    /** Who the seed edit is signed by. */
    public static final String SEED_USER = "amorçage";

    private RecordsProject() {
    }

    public static Path recordsFile(Path projectFile) {
        Path abs = projectFile.toAbsolutePath();
        String name = abs.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(ProjectFile.EXTENSION)
                ? name.substring(0, name.length() - ProjectFile.EXTENSION.length())
                : name.replaceFirst("\\.[^.]*$", "");
        Path beside = abs.resolveSibling(stem + EXTENSION);
        // An installed demo (/opt/…) is read-only for users: their records then live in their
        // own data folder, so the program still keeps them rather than failing.
        Path dir = abs.getParent();
        if (Files.exists(beside) || dir == null || Files.isWritable(dir)) return beside;
        return userDataDir().resolve(stem + EXTENSION);
    }

    /** $XDG_DATA_HOME/atlas-bassin-minier, else ~/.local/share/atlas-bassin-minier. */
    static Path userDataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("atlas-bassin-minier");
    }

    public static Path seedFile(Path projectFile) {
        return projectFile.toAbsolutePath().resolveSibling("data").resolve(RecordsSeed.FILE);
    }

    /**
     * Opens (creating or upgrading) the project's records; on the very first opening, seeds
     * them from the project's seed file when there is one.
     */
    public static CiteStore open(Path projectFile) throws RecordsException, DataException {
        SqliteCiteStore store = SqliteCiteStore.open(recordsFile(projectFile));
        try {
            Path seed = seedFile(projectFile);
            if (store.editCount() == 0 && Files.isRegularFile(seed)) {
                RecordsSeed.apply(store, RecordsSeed.read(seed), SEED_USER);
            }
            return store;
        } catch (RecordsException | DataException | RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
