package fr.bassinminier.atlas.io.tiles;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.model.tiles.TileKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Writes an MBTiles 1.3 pack (Web Mercator, TMS rows) into a temporary file beside the target,
 * moved into place by {@link #commit()}: an interrupted prefetch never leaves a half pack under
 * the final name.
 */
public final class MbtilesWriter implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final Connection db;
    private final PreparedStatement insert;
    private int pending;
    private boolean committed;

    public MbtilesWriter(Path target, Map<String, String> metadata) throws IOException {
        this.target = target.toAbsolutePath();
        Files.createDirectories(this.target.getParent());
        this.temp = this.target.resolveSibling(this.target.getFileName() + ".part");
        Files.deleteIfExists(temp);
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + temp);
            db.setAutoCommit(false);
            try (Statement st = db.createStatement()) {
                st.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
                st.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,"
                        + " tile_data BLOB)");
                st.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)");
            }
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO metadata VALUES (?, ?)")) {
                for (var e : metadata.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            insert = db.prepareStatement("INSERT OR REPLACE INTO tiles VALUES (?, ?, ?, ?)");
        } catch (SQLException e) {
            throw new IOException(Localization.text("io.cannotWritePack", e.getMessage()), e);
        }
    }

    /** Adds a tile; the key's level is the zoom level and its row counts from the top. */
    public void put(TileKey k, byte[] data) throws IOException {
        try {
            insert.setInt(1, k.level());
            insert.setLong(2, k.col());
            insert.setLong(3, (1L << k.level()) - 1 - k.row());
            insert.setBytes(4, data);
            insert.executeUpdate();
            if (++pending >= 256) {
                db.commit();
                pending = 0;
            }
        } catch (SQLException e) {
            throw new IOException(Localization.text("io.cannotWritePack", e.getMessage()), e);
        }
    }

    /** Finishes the file and moves it to its name. */
    public void commit() throws IOException {
        try {
            db.commit();
            insert.close();
            db.close();
        } catch (SQLException e) {
            throw new IOException(Localization.text("io.cannotWritePack", e.getMessage()), e);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
    }

    @Override
    public void close() {
        if (committed) return;
        try {
            db.close();
        } catch (SQLException ignored) {
            // Abandoned: the temporary file goes.
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // Left as .part: harmless, overwritten next time.
        }
    }
}
