package fr.bassinminier.atlas.io.postgis;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.VectorLayer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * PostGIS tables and views as map layers. The geometry column, its SRID and type come from
 * PostGIS's {@code geometry_columns} (views included); attributes are typed from the column
 * types. A bounding box becomes {@code geom && ST_MakeEnvelope(…)}, which the planner answers
 * from the GiST index of the column when there is one; geometries travel as WKB.
 */
public final class PostgisReader {
    /** A layer the server offers: schema.table, geometry column, SRID, type name. */
    public record TableInfo(String schema, String table, String geometryColumn, int srid, String type) {
        public String qualified() {
            return PgSettings.quote(schema) + "." + PgSettings.quote(table);
        }
    }

    private PostgisReader() {
    }

    /** The geometry tables and views visible to the user, schema by schema. */
    public static List<TableInfo> tables(Connection c) throws SQLException {
        List<TableInfo> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT f_table_schema, f_table_name, "
                + "f_geometry_column, srid, type FROM geometry_columns ORDER BY 1, 2, 3")) {
            while (rs.next()) out.add(new TableInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                    rs.getString(5)));
        }
        return out;
    }

    /**
     * {@code name} is "table" (in the settings' schema) or "schema.table"; the first geometry
     * column is used unless "table:column" names one.
     */
    public static Optional<TableInfo> find(Connection c, PgSettings settings, String name) throws SQLException {
        String column = null, qualified = name;
        int colon = name.lastIndexOf(':');
        if (colon > 0) {
            column = name.substring(colon + 1);
            qualified = name.substring(0, colon);
        }
        int dot = qualified.indexOf('.');
        String schema = dot < 0 ? settings.schema() : qualified.substring(0, dot);
        String table = dot < 0 ? qualified : qualified.substring(dot + 1);
        for (TableInfo t : tables(c)) {
            if (t.schema().equals(schema) && t.table().equals(table) && (column == null || t.geometryColumn().equals(column))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Reads a whole table or view, or only what meets {@code bbox} (in the layer's SRID). */
    public static VectorLayer read(PgSettings settings, Supplier<char[]> password, String name, Envelope bbox)
            throws PostgisException {
        try (Connection c = settings.connect(password)) {
            c.setReadOnly(true);
            TableInfo t = find(c, settings, name).orElseThrow(() -> new PostgisException(Localization.text("io.geographicTableViewSee", settings.label(), name)));
            return read(c, t, bbox);
        } catch (SQLException e) {
            throw new PostgisException(settings.explain(Localization.text("io.readingLayer", name), e), e);
        }
    }

    /** The query {@link #read(Connection, TableInfo, Envelope)} runs, for EXPLAIN in tests. */
    public static String query(Connection c, TableInfo t, boolean withBbox) throws SQLException {
        List<String> cols = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + t.qualified() + " WHERE false")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String n = md.getColumnName(i);
                if (!n.equals(t.geometryColumn()) && type(md, i) != null) cols.add(PgSettings.quote(n));
            }
        }
        String g = PgSettings.quote(t.geometryColumn());
        return "SELECT ST_AsBinary(" + g + ")" + (cols.isEmpty() ? "" : ", " + String.join(", ", cols)) + " FROM "
                + t.qualified() + (withBbox ? " WHERE " + g + " && ST_MakeEnvelope(?, ?, ?, ?, " + t.srid() + ")" : "");
    }

    public static VectorLayer read(Connection c, TableInfo t, Envelope bbox) throws SQLException, PostgisException {
        String sql = query(c, t, bbox != null);
        c.setAutoCommit(false); // lets the driver fetch by batches instead of the whole result at once
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(5000);
            if (bbox != null) {
                ps.setDouble(1, bbox.getMinX());
                ps.setDouble(2, bbox.getMinY());
                ps.setDouble(3, bbox.getMaxX());
                ps.setDouble(4, bbox.getMaxY());
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Field> fields = new ArrayList<>();
                for (int i = 2; i <= md.getColumnCount(); i++) fields.add(new Field(md.getColumnName(i), type(md, i)));
                Schema schema = new Schema(fields);
                WKBReader wkb = new WKBReader();
                List<Feature> features = new ArrayList<>();
                GeometryType gt = null;
                long id = 0;
                while (rs.next()) {
                    byte[] bytes = rs.getBytes(1);
                    Geometry g = null;
                    if (bytes != null) {
                        try {
                            g = wkb.read(bytes);
                        } catch (ParseException e) {
                            throw new PostgisException(Localization.text("io.unreadableGeometry2", t.table(), e.getMessage()));
                        }
                        GeometryType one = GeometryType.of(g);
                        gt = gt == null ? one : gt.merge(one);
                    }
                    Object[] values = new Object[fields.size()];
                    for (int i = 0; i < values.length; i++) values[i] = value(rs, i + 2, fields.get(i).type());
                    features.add(new Feature(id++, g, schema, values));
                }
                c.commit();
                if (gt == null) gt = declaredType(t.type());
                CrsId crs = t.srid() > 0 ? CrsId.epsg(t.srid()) : CrsId.unknown(null);
                return new VectorLayer(t.table(), gt, crs, schema, features);
            }
        }
    }

    private static GeometryType declaredType(String type) {
        try {
            String s = type == null ? "GEOMETRY" : type.toUpperCase(Locale.ROOT);
            for (GeometryType g : GeometryType.values()) if (g.ogcName().toUpperCase(Locale.ROOT).equals(s)) return g;
        } catch (RuntimeException ignored) {
            // Falls back below.
        }
        return GeometryType.GEOMETRY;
    }

    /** The attribute type of a column, or null for columns not shown as attributes (other geometries, binary). */
    static FieldType type(ResultSetMetaData md, int i) throws SQLException {
        String pg = md.getColumnTypeName(i).toLowerCase(Locale.ROOT);
        if (pg.equals("geometry") || pg.equals("geography") || pg.equals("bytea") || pg.equals("raster")) return null;
        return switch (md.getColumnType(i)) {
            case Types.SMALLINT, Types.INTEGER, Types.TINYINT -> FieldType.INTEGER;
            case Types.BIGINT -> FieldType.LONG;
            case Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> FieldType.DOUBLE;
            case Types.BOOLEAN, Types.BIT -> FieldType.BOOLEAN;
            case Types.DATE -> FieldType.DATE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> FieldType.DATETIME;
            default -> FieldType.STRING;
        };
    }

    private static Object value(ResultSet rs, int i, FieldType t) throws SQLException {
        Object o = switch (t) {
            case INTEGER -> rs.getInt(i);
            case LONG -> rs.getLong(i);
            case DOUBLE -> rs.getDouble(i);
            case BOOLEAN -> rs.getBoolean(i);
            case DATE -> rs.getObject(i, java.time.LocalDate.class);
            case DATETIME -> {
                java.sql.Timestamp ts = rs.getTimestamp(i);
                yield ts == null ? null : ts.toInstant();
            }
            case STRING -> rs.getString(i);
        };
        return rs.wasNull() ? null : o;
    }
}
