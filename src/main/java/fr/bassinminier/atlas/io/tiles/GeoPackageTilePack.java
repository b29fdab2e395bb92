package fr.bassinminier.atlas.io.tiles;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.tiles.Basemap;
import fr.bassinminier.atlas.model.tiles.TileKey;
import fr.bassinminier.atlas.model.tiles.TileMatrix;
import fr.bassinminier.atlas.model.tiles.TileMatrixSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * A GeoPackage tile pyramid (OGC 12-128r18 §2.2) as an offline background: its first tiles
 * table, in its own CRS (Web Mercator is warped, Lambert-93 drawn as is). Rows count from the
 * top, as in WMTS. Opened read-only.
 */
public final class GeoPackageTilePack implements TileSource {
    private final Connection db;
    private final Basemap basemap;
    private final String table;
    private final int[] zoomOf;
    private final String label;

    public GeoPackageTilePack(Path file, String tableName) throws ServiceException {
        this.label = Localization.text("io.offlinePack", file.getFileName());
        if (!Files.isRegularFile(file)) throw new ServiceException(label, ServiceException.Problem.NOT_FOUND, Localization.get("io.fileFound2"));
        try {
            SQLiteConfig cfg = new SQLiteConfig();
            cfg.setReadOnly(true);
            db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), cfg.toProperties());
            String t = tableName;
            String title = null;
            try (PreparedStatement ps = db.prepareStatement("SELECT table_name, identifier FROM gpkg_contents"
                    + " WHERE data_type='tiles'" + (t == null ? "" : " AND table_name=?") + " ORDER BY table_name")) {
                if (t != null) ps.setString(1, t);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new ServiceException(label, ServiceException.Problem.NOT_FOUND,
                                t == null ? Localization.get("io.tileMatrixSet") : Localization.text("io.tileMatrixSet2", t));
                    }
                    t = rs.getString(1);
                    title = rs.getString(2);
                }
            }
            table = t;
            double minX;
            double maxY;
            int srs;
            try (PreparedStatement ps = db.prepareStatement("SELECT s.srs_id, s.min_x, s.max_y, r.organization,"
                    + " r.organization_coordsys_id FROM gpkg_tile_matrix_set s LEFT JOIN gpkg_spatial_ref_sys r"
                    + " ON r.srs_id = s.srs_id WHERE s.table_name=?")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new ServiceException(label, ServiceException.Problem.CORRUPT, Localization.get("io.tileMatrixMissing"));
                    minX = rs.getDouble(2);
                    maxY = rs.getDouble(3);
                    srs = "EPSG".equalsIgnoreCase(rs.getString(4)) ? rs.getInt(5) : rs.getInt(1);
                }
            }
            CrsId crs = CrsId.epsg(srs);
            if (!crs.sameAs(CrsId.WEB_MERCATOR) && !crs.sameAs(CrsId.LAMBERT_93)) {
                throw new ServiceException(label, ServiceException.Problem.UNSUPPORTED, Localization.text("io.tilesEpsgOnlyLambert", srs));
            }
            List<TileMatrix> ms = new ArrayList<>();
            List<Integer> zooms = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT zoom_level, matrix_width, matrix_height, tile_width,"
                    + " tile_height, pixel_x_size FROM gpkg_tile_matrix WHERE table_name=? ORDER BY zoom_level")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        zooms.add(rs.getInt(1));
                        ms.add(new TileMatrix(Integer.toString(rs.getInt(1)), rs.getDouble(6) / TileMatrix.OGC_PIXEL_METRES,
                                minX, maxY, rs.getInt(4), rs.getInt(5), rs.getLong(2), rs.getLong(3)));
                    }
                }
            }
            if (ms.isEmpty()) throw new ServiceException(label, ServiceException.Problem.CORRUPT, Localization.get("io.zoomLevel"));
            zoomOf = zooms.stream().mapToInt(Integer::intValue).toArray();
            basemap = new Basemap("gpkg-" + Integer.toHexString((file.toAbsolutePath() + "#" + table).hashCode()),
                    title != null ? title : table, Basemap.Kind.PACK, file.toAbsolutePath().toString(), table, null,
                    "image/png", new TileMatrixSet(table, crs, ms), title != null ? title : table, false, 1);
        } catch (SQLException e) {
            throw new ServiceException(label, ServiceException.Problem.CORRUPT,
                    Localization.text("io.readableTileGeopackage", e.getMessage()), e);
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
        // The table name comes from gpkg_contents of this file: quoted, never built from user text.
        try (PreparedStatement ps = db.prepareStatement("SELECT tile_data FROM \"" + table.replace("\"", "\"\"")
                + "\" WHERE zoom_level=? AND tile_column=? AND tile_row=?")) {
            ps.setInt(1, zoomOf[k.level()]);
            ps.setLong(2, k.col());
            ps.setLong(3, k.row());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new ServiceException(label, ServiceException.Problem.CORRUPT, Localization.text("io.unreadableTile", k, e.getMessage()), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // Read-only.
        }
    }
}
