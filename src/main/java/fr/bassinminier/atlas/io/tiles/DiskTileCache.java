package fr.bassinminier.atlas.io.tiles;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.model.tiles.TileKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Tiles kept on disk between sessions: one SQLite file in the user's cache folder, each tile
 * with its HTTP validators and expiry, trimmed to a size limit by least recent use. A cache that
 * cannot be opened or written is a cache that misses: the map still works online.
 */
public final class DiskTileCache implements AutoCloseable {
    /** Default limit: 500 MB, some 30 000 Plan IGN tiles. */
    public static final long DEFAULT_LIMIT = 500L * 1024 * 1024;
    private final Connection db;
    private final long limitBytes;
    private long bytes;
    private int writesSinceTrim;

    /** One cached tile: its bytes, when it goes stale (epoch ms) and its validators. */
    public record Entry(byte[] data, long expires, String etag, String lastModified) {
        public boolean fresh(long now) {
            return expires > now;
        }
    }

    public DiskTileCache(Path file, long limitBytes) throws IOException {
        this.limitBytes = limitBytes;
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement st = db.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=NORMAL");
                st.execute("CREATE TABLE IF NOT EXISTS tiles (source TEXT NOT NULL, level INTEGER NOT NULL,"
                        + " col INTEGER NOT NULL, row INTEGER NOT NULL, data BLOB NOT NULL, expires INTEGER NOT NULL,"
                        + " etag TEXT, last_modified TEXT, used INTEGER NOT NULL, size INTEGER NOT NULL,"
                        + " PRIMARY KEY (source, level, col, row))");
                st.execute("CREATE INDEX IF NOT EXISTS tiles_used ON tiles(used)");
                try (ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(size), 0) FROM tiles")) {
                    bytes = rs.next() ? rs.getLong(1) : 0;
                }
            }
        } catch (SQLException e) {
            throw new IOException(Localization.text("io.unreadableTileCache", file, e.getMessage()), e);
        }
    }

    /**
     * The user's cache folder for Atlas: %LOCALAPPDATA% on Windows, ~/Library/Caches on macOS,
     * $XDG_CACHE_HOME or ~/.cache elsewhere; -Datlas.cacheDir overrides.
     */
    public static Path defaultFolder() {
        String override = System.getProperty("atlas.cacheDir");
        if (override != null && !override.isBlank()) return Path.of(override);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win") && System.getenv("LOCALAPPDATA") != null) {
            return Path.of(System.getenv("LOCALAPPDATA"), "AtlasBassinMinier", "cache");
        }
        if (os.contains("mac")) return Path.of(home, "Library", "Caches", "AtlasBassinMinier");
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".cache")).resolve("atlas-bassin-minier");
    }

    public synchronized Entry get(String source, TileKey k) {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT data, expires, etag, last_modified FROM tiles WHERE source=? AND level=? AND col=? AND row=?")) {
            bind(ps, source, k);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                Entry e = new Entry(rs.getBytes(1), rs.getLong(2), rs.getString(3), rs.getString(4));
                touch(source, k);
                return e;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    private void touch(String source, TileKey k) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "UPDATE tiles SET used=? WHERE source=? AND level=? AND col=? AND row=?")) {
            ps.setLong(1, System.currentTimeMillis());
            ps.setString(2, source);
            ps.setInt(3, k.level());
            ps.setLong(4, k.col());
            ps.setLong(5, k.row());
            ps.executeUpdate();
        }
    }

    public synchronized void put(String source, TileKey k, Entry e) {
        try {
            long old = 0;
            try (PreparedStatement ps = db.prepareStatement(
                    "SELECT size FROM tiles WHERE source=? AND level=? AND col=? AND row=?")) {
                bind(ps, source, k);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) old = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO tiles (source, level, col, row,"
                    + " data, expires, etag, last_modified, used, size) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                bind(ps, source, k);
                ps.setBytes(5, e.data());
                ps.setLong(6, e.expires());
                ps.setString(7, e.etag());
                ps.setString(8, e.lastModified());
                ps.setLong(9, System.currentTimeMillis());
                ps.setLong(10, e.data().length);
                ps.executeUpdate();
            }
            bytes += e.data().length - old;
            if (bytes > limitBytes || ++writesSinceTrim >= 500) trim();
        } catch (SQLException ignored) {
            // A full disk or a locked file costs the cache, not the map.
        }
    }

    /** Drops the least recently used tiles down to 90 % of the limit. */
    private void trim() throws SQLException {
        writesSinceTrim = 0;
        if (bytes <= limitBytes) return;
        long target = limitBytes * 9 / 10;
        try (PreparedStatement sel = db.prepareStatement("SELECT source, level, col, row, size FROM tiles ORDER BY used");
             PreparedStatement del = db.prepareStatement(
                     "DELETE FROM tiles WHERE source=? AND level=? AND col=? AND row=?");
             ResultSet rs = sel.executeQuery()) {
            while (bytes > target && rs.next()) {
                del.setString(1, rs.getString(1));
                del.setInt(2, rs.getInt(2));
                del.setLong(3, rs.getLong(3));
                del.setLong(4, rs.getLong(4));
                del.addBatch();
                bytes -= rs.getLong(5);
            }
            del.executeBatch();
        }
    }

    /** Bytes of tile data held. */
    public synchronized long size() {
        return bytes;
    }

    public synchronized int count() {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM tiles")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    private static void bind(PreparedStatement ps, String source, TileKey k) throws SQLException {
        ps.setString(1, source);
        ps.setInt(2, k.level());
        ps.setLong(3, k.col());
        ps.setLong(4, k.row());
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // Closing a cache cannot fail in a way the user needs to know.
        }
    }
}
