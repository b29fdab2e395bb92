package fr.bassinminier.atlas.records.postgres;

import fr.bassinminier.atlas.io.postgis.PgSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL server for the tests: initdb in a temporary folder, a free port on
 * 127.0.0.1, password authentication over TCP; stopped and deleted at the end of the JVM (or by
 * {@link #close}). PostgreSQL refuses to run as root, and CI runs as root: the server then runs
 * as {@code nobody} (runuser), in a folder it owns. Without the PostgreSQL programs, tests that
 * need it are skipped with a message saying what to install.
 */
public final class PgCluster implements AutoCloseable {
    public static final String SUPERUSER = "atlas";
    public static final String PASSWORD = "atlas-test-pw";
    private static PgCluster shared;
    private static String unavailable;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private final boolean asRoot;

    private PgCluster(Path bin, Path dir, int port, boolean asRoot) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.asRoot = asRoot;
    }

    /** The JVM-wide server, started on first use; skips the calling test when PostgreSQL is absent. */
    public static synchronized PgCluster shared() {
        if (shared == null && unavailable == null) {
            try {
                shared = start();
                PgCluster s = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(s::close));
            } catch (Exception e) {
                unavailable = e.getMessage();
            }
        }
        Assumptions.assumeTrue(shared != null, () -> "PostgreSQL : tests ignorés, " + unavailable);
        return shared;
    }

    /** The folder of initdb/pg_ctl/postgres, or empty when PostgreSQL is not installed. */
    public static Optional<Path> binaries() {
        List<Path> candidates = new ArrayList<>();
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> s = Files.list(lib)) {
                s.map(p -> p.resolve("bin")).sorted(Comparator.comparing(
                        (Path p) -> p.getParent().getFileName().toString(), PgCluster::versionOrder).reversed())
                        .forEach(candidates::add);
            } catch (IOException ignored) {
                // Then try PATH.
            }
        }
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) if (!d.isEmpty()) candidates.add(Path.of(d));
        return candidates.stream().filter(p -> Files.isExecutable(p.resolve("initdb"))
                && Files.isExecutable(p.resolve("pg_ctl")) && Files.isExecutable(p.resolve("postgres"))).findFirst();
    }

    private static int versionOrder(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    /** A new server of its own (the crash tests stop theirs). */
    public static PgCluster start() throws IOException, InterruptedException {
        Path bin = binaries().orElseThrow(() -> new IOException("programmes PostgreSQL (initdb, pg_ctl) introuvables ; "
                + "installez les paquets Debian postgresql et postgresql-15-postgis-3"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("atlas-pg-");
        PgCluster c = new PgCluster(bin, dir, freePort(), root);
        try {
            Path pw = dir.resolve("pw");
            Files.writeString(pw, PASSWORD + "\n", StandardCharsets.UTF_8);
            if (root) c.run(30, "chown", "-R", "nobody:nogroup", dir.toString());
            c.runAsServerUser(120, bin.resolve("initdb").toString(), "-D", c.data.toString(), "-U", SUPERUSER,
                    "--pwfile=" + pw, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                    "--locale=C", "--no-sync");
            c.startServer();
            return c;
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public void startServer() throws IOException, InterruptedException {
        // fsync off: the tests kill programs and stop the server, they never crash the machine;
        // WAL still makes every commit survive an immediate shutdown.
        runAsServerUser(120, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60",
                "start");
    }

    /** Stops the server at once, as a crash or a power-cut of the server would (no clean shutdown). */
    public void stopImmediately() throws IOException, InterruptedException {
        runAsServerUser(60, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
    }

    public int port() {
        return port;
    }

    /** Settings for a fresh, empty database of its own (one per test, so tests do not see each other). */
    public PgSettings newDatabase(String schema) throws Exception {
        String db = "t" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
        try (Connection c = admin("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        return settings(db, schema, SUPERUSER);
    }

    public PgSettings settings(String db, String schema, String user) {
        return new PgSettings("127.0.0.1", port, db, schema, user, "disable");
    }

    public Connection admin(String db) throws Exception {
        return settings(db, "public", SUPERUSER).connect(PASSWORD::toCharArray);
    }

    private void runAsServerUser(int timeoutS, String... cmd) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asRoot) full.addAll(List.of("runuser", "-u", "nobody", "--"));
        full.addAll(List.of(cmd));
        run(timeoutS, full.toArray(String[]::new));
    }

    private void run(int timeoutS, String... cmd) throws IOException, InterruptedException {
        Path log = dir.resolve("cmd.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.directory(dir.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " : pas de réponse après " + timeoutS + " s");
        }
        if (p.exitValue() != 0) {
            String out = Files.exists(log) ? Files.readString(log) : "";
            throw new IOException(String.join(" ", cmd) + " a échoué (" + p.exitValue() + ") : "
                    + out.substring(Math.max(0, out.length() - 2000)));
        }
    }

    @Override
    public void close() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) stopImmediately();
        } catch (IOException | InterruptedException ignored) {
            // Deleting the folder anyway; a left server dies with its socket folder.
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Best effort in a temporary folder.
        }
    }
}
