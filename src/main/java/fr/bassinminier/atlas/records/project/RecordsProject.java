package fr.bassinminier.atlas.records.project;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.project.ProjectFile;
import fr.bassinminier.atlas.io.postgis.PgSettings;
import fr.bassinminier.atlas.records.CiteStore;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.records.postgres.PostgresCiteStore;
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

    /**
     * The project's records server, beside the project: {@code NAME.records-server.json} with
     * host, port, database, schema, user and sslmode, never a password. A file of its own, so that
     * the map project format stays as it is and a team can share the project with it.
     */
    public static Path serverFile(Path projectFile) {
        return projectFile.toAbsolutePath().resolveSibling(stem(projectFile) + SERVER_EXTENSION);
    }

    public static final String SERVER_EXTENSION = ".records-server.json";

    private static String stem(Path projectFile) {
        String name = projectFile.toAbsolutePath().getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(ProjectFile.EXTENSION)
                ? name.substring(0, name.length() - ProjectFile.EXTENSION.length())
                : name.replaceFirst("\\.[^.]*$", "");
    }

    /** The server the project's records live on, if any. */
    public static java.util.Optional<PgSettings> server(Path projectFile) throws DataException {
        Path f = serverFile(projectFile);
        if (!Files.isRegularFile(f)) return java.util.Optional.empty();
        try {
            com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.toFile());
            if (n == null || !n.isObject()) throw new IllegalArgumentException(Localization.get("records.jsonObjectExpected"));
            if (n.has("password")) {
                throw new IllegalArgumentException(Localization.get("records.passwordPlaceFileUse"));
            }
            return java.util.Optional.of(new PgSettings(n.path("host").asText(null), n.path("port").asInt(PgSettings.DEFAULT_PORT),
                    n.path("database").asText(null), n.path("schema").asText(null), n.path("user").asText(null),
                    n.path("sslmode").asText(null)));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new DataException(f, DataException.Problem.CORRUPT, Localization.text("records.unreadableRecordsServerSettings", e.getMessage()), e);
        }
    }

    /** Writes (or, with null, removes) the project's records server settings. */
    public static void setServer(Path projectFile, PgSettings s) throws DataException {
        Path f = serverFile(projectFile);
        if (s == null) {
            try {
                Files.deleteIfExists(f);
            } catch (java.io.IOException e) {
                throw new DataException(f, DataException.Problem.WRITE_FAILED, e.getMessage(), e);
            }
            return;
        }
        com.fasterxml.jackson.databind.node.ObjectNode n = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        n.put("store", "postgresql");
        n.put("host", s.host());
        n.put("port", s.port());
        n.put("database", s.database());
        n.put("schema", s.schema());
        n.put("user", s.user());
        n.put("sslmode", s.sslMode());
        byte[] bytes = (n.toPrettyString() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        fr.bassinminier.atlas.io.AtomicFiles.write(f, out -> out.write(bytes));
    }

    public static Path seedFile(Path projectFile) {
        return projectFile.toAbsolutePath().resolveSibling("data").resolve(RecordsSeed.FILE);
    }

    /**
     * Opens (creating or upgrading) the project's records; on the very first opening, seeds
     * them from the project's seed file when there is one.
     */
    public static CiteStore open(Path projectFile) throws RecordsException, DataException {
        return open(projectFile, null);
    }

    /**
     * As {@link #open(Path)}, on the PostgreSQL server named in {@code NAME.records-server.json}
     * when the project has one ({@code password}: a prompt, or null for PGPASSWORD / ~/.pgpass).
     */
    public static CiteStore open(Path projectFile, java.util.function.Supplier<char[]> password)
            throws RecordsException, DataException {
        java.util.Optional<PgSettings> server = server(projectFile);
        CiteStore store = server.isPresent() ? PostgresCiteStore.open(server.get(), password)
                : SqliteCiteStore.open(recordsFile(projectFile));
        try {
            Path seed = seedFile(projectFile);
            if (store.editCount() == 0 && Files.isRegularFile(seed) && store.readOnlyReason() == null) {
                RecordsSeed.apply(store, RecordsSeed.read(seed), SEED_USER);
            }
            return store;
        } catch (RecordsException | DataException | RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
