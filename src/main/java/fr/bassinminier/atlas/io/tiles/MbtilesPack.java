package fr.bassinminier.atlas.io.tiles;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.model.tiles.Basemap;
import fr.bassinminier.atlas.model.tiles.TileKey;
import fr.bassinminier.atlas.model.tiles.TileMatrixSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * An MBTiles 1.3 file as an offline background: Web Mercator tiles by zoom, column and row,
 * rows counted from the bottom (TMS), flipped here to the top-down rows of WMTS and XYZ.
 * Opened read-only.
 */
public final class MbtilesPack implements TileSource {
    private final Path file;
    private final Connection db;
    private final Basemap basemap;
    private final String label;

    public MbtilesPack(Path file) throws ServiceException {
        this.file = file;
        this.label = Localization.text("io.offlinePack", file.getFileName());
        if (!Files.isRegularFile(file)) {
            throw new ServiceException(label, ServiceException.Problem.NOT_FOUND, Localization.get("io.fileFound2"));
        }
        try {
            SQLiteConfig cfg = new SQLiteConfig();
            cfg.setReadOnly(true);
            db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), cfg.toProperties());
            Map<String, String> meta = new HashMap<>();
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT name, value FROM metadata")) {
                while (rs.next()) meta.put(rs.getString(1), rs.getString(2));
            }
            int maxZoom;
            try {
                maxZoom = Integer.parseInt(meta.getOrDefault("maxzoom", "-1").trim());
            } catch (NumberFormatException e) {
                maxZoom = -1;
            }
            if (maxZoom < 0) {
                try (Statement st = db.createStatement();
                     ResultSet rs = st.executeQuery("SELECT MAX(zoom_level) FROM tiles")) {
                    maxZoom = rs.next() ? rs.getInt(1) : 0;
                }
            }
            maxZoom = Math.max(0, Math.min(24, maxZoom));
            String format = "jpg".equalsIgnoreCase(meta.get("format")) ? "image/jpeg" : "image/png";
            String name = meta.getOrDefault("name", file.getFileName().toString());
            String attribution = meta.get("attribution");
            basemap = new Basemap("pack-" + Integer.toHexString(file.toAbsolutePath().toString().hashCode()), name,
                    Basemap.Kind.PACK, file.toAbsolutePath().toString(), null, null, format,
                    TileMatrixSet.webMercator("mbtiles", 0, maxZoom),
                    attribution != null ? attribution.replaceAll("<[^>]*>", "") : name, false, 1);
        } catch (SQLException e) {
            throw new ServiceException(label, ServiceException.Problem.CORRUPT,
                    Localization.text("io.readableMbtilesPack", e.getMessage()), e);
        }
    }

    @Override
    public Basemap basemap() {
        return basemap;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public synchronized byte[] read(TileKey k) throws ServiceException {
        long tmsRow = (1L << k.level()) - 1 - k.row();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?")) {
            ps.setInt(1, k.level());
            ps.setLong(2, k.col());
            ps.setLong(3, tmsRow);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new ServiceException(label, ServiceException.Problem.CORRUPT, Localization.text("io.unreadableTile", k, e.getMessage()), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // Read-only: nothing to lose.
        }
    }
}
