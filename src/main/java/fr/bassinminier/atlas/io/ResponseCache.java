package fr.bassinminier.atlas.io;

import fr.bassinminier.atlas.io.HttpService.Answer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Answers of the online services kept on disk with their date, one pair of files per request
 * (SHA-256 of the URL): the body, and a small header "date\\ncontent-type\\nurl". Written
 * atomically, so a crash never leaves half an answer; a cache that cannot be written is only a
 * lost optimisation, never an error.
 */
public final class ResponseCache {
    private final Path dir;

    public ResponseCache(Path dir) {
        this.dir = dir;
    }

    /** ~/.cache/atlas-bassin-minier/services (XDG_CACHE_HOME when set). */
    public static ResponseCache userDefault() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new ResponseCache(base.resolve("atlas-bassin-minier").resolve("services"));
    }

    /** The cache the desktop uses: -Datlas.servicesCache=DIR when given (tests, a shared folder), else the user's. */
    public static ResponseCache configured() {
        String dir = System.getProperty("atlas.servicesCache");
        return dir != null && !dir.isBlank() ? new ResponseCache(Path.of(dir)) : userDefault();
    }

    public Path dir() {
        return dir;
    }

    Answer get(URI uri) {
        String key = key(uri);
        Path head = dir.resolve(key + ".head");
        Path body = dir.resolve(key + ".body");
        try {
            if (!Files.isRegularFile(head) || !Files.isRegularFile(body)) return null;
            String[] h = Files.readString(head, StandardCharsets.UTF_8).split("\n", 3);
            if (h.length < 3 || !h[2].strip().equals(uri.toString())) return null;
            return new Answer(200, h[1], Files.readAllBytes(body), Instant.parse(h[0]), true);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    void put(URI uri, Answer a) {
        String key = key(uri);
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(dir.resolve(key + ".body"), out -> out.write(a.body()));
            String head = a.fetchedAt() + "\n" + a.contentType() + "\n" + uri;
            AtomicFiles.write(dir.resolve(key + ".head"), out -> out.write(head.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | DataException | RuntimeException e) {
            // a cache that cannot be written only costs a request next time
        }
    }

    private static String key(URI uri) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(uri.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
