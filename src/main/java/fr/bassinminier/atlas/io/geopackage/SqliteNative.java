package fr.bassinminier.atlas.io.geopackage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.zip.CRC32;
import org.sqlite.SQLiteConfig;

/**
 * Loads SQLite's native library from a per-user cache rather than as sqlite-jdbc does by
 * default: on every start it extracts the library from the jar into the temporary folder and
 * then compares the copy with the jar's byte by byte, a third of a second of each command that
 * opens a GeoPackage. The cached copy is named after its checksum, so a new driver gets its own;
 * when anything goes wrong the driver's own loading takes over.
 */
final class SqliteNative {
    private static boolean prepared;

    private SqliteNative() {
    }

    static synchronized void prepare() {
        if (prepared) return;
        prepared = true;
        if (System.getProperty("org.sqlite.lib.path") != null) return;
        String folder = folder();
        Path cache = cacheRoot();
        if (folder == null || cache == null) return;
        String name = System.mapLibraryName("sqlitejdbc");
        try (InputStream in = SQLiteConfig.class.getResourceAsStream("/org/sqlite/native/" + folder + "/" + name)) {
            if (in == null) return;
            byte[] lib = in.readAllBytes();
            CRC32 crc = new CRC32();
            crc.update(lib);
            Path dir = cache.resolve("sqlite-" + Long.toHexString(crc.getValue()) + "-" + lib.length);
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file) || Files.size(file) != lib.length) {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, name, ".part");
                Files.write(tmp, lib);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException e) {
            // the driver extracts its library itself, as usual
        }
    }

    /** sqlite-jdbc's folder for this system, for the common ones; null for the others. */
    private static String folder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : null;
        if (a == null) return null;
        if (os.startsWith("linux")) return Files.exists(Path.of("/etc/alpine-release")) ? null : "Linux/" + a;
        if (os.startsWith("mac")) return "Mac/" + a;
        if (os.startsWith("windows")) return "Windows/" + a;
        return null;
    }

    private static Path cacheRoot() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String base = os.startsWith("windows") ? System.getenv("LOCALAPPDATA") : System.getenv("XDG_CACHE_HOME");
        if (base == null || base.isBlank()) {
            String home = System.getProperty("user.home");
            if (home == null || home.isBlank()) return null;
            base = Path.of(home, os.startsWith("mac") ? "Library/Caches" : ".cache").toString();
        }
        return Path.of(base, "atlas-bassin-minier");
    }
}
