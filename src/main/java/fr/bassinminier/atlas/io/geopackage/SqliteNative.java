package fr.bassinminier.atlas.io.geopackage;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.jar.JarEntry;
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
        String resource = "/org/sqlite/native/" + folder + "/" + name;
        try {
            URL url = SQLiteConfig.class.getResource(resource);
            if (url == null) return;
            // In a jar the entry's checksum and size are in its directory: the library is read
            // (1 MB inflated) only when the cached copy is missing.
            long crc = -1;
            long size = -1;
            if (url.openConnection() instanceof JarURLConnection j) {
                j.setUseCaches(true);
                JarEntry e = j.getJarEntry();
                crc = e.getCrc();
                size = e.getSize();
            }
            byte[] lib = null;
            if (crc < 0 || size < 0) {
                try (InputStream in = url.openStream()) {
                    lib = in.readAllBytes();
                }
                CRC32 c = new CRC32();
                c.update(lib);
                crc = c.getValue();
                size = lib.length;
            }
            Path dir = cache.resolve("sqlite-" + Long.toHexString(crc) + "-" + size);
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file) || Files.size(file) != size) {
                if (lib == null) {
                    try (InputStream in = url.openStream()) {
                        lib = in.readAllBytes();
                    }
                }
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
