package fr.bassinminier.atlas.hostile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** GeoPackages made hostile through SQL: views, deep WKB, lying metadata, WAL mode. */
final class GpkgCases {
    private GpkgCases() {
    }

    static void sqlMutation(Path f, int i, Random r) throws Exception {
        switch (i) {
            case 0 -> view(f, "v", "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                    + "SELECT i AS fid, (SELECT geom FROM cites LIMIT 1) AS geom FROM n");
            case 1 -> view(f, "v", "SELECT fid, geom, CAST(printf('%.*c', 300000000, 'x') AS TEXT) AS t FROM cites");
            case 2 -> view(f, "v", "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 16030) "
                    + "SELECT a.i * 100000 + b.i AS fid, (SELECT geom FROM cites LIMIT 1) AS geom FROM n a, n b");
            case 3 -> {
                List<String> sql = new ArrayList<>();
                for (int k = 0; k < 1500; k++) sql.addAll(viewSql("v" + k, "SELECT fid, geom, nom FROM cites"));
                HostileCorpus.sqliteExec(f, sql.toArray(new String[0]));
            }
            case 4 -> HostileCorpus.sqliteUpdateBlob(f, "UPDATE cites SET geom = ? WHERE fid = 1", deepCollection(5000));
            case 5 -> HostileCorpus.sqliteUpdateBlob(f, "UPDATE cites SET geom = ? WHERE fid = 1", deepCollection(200_000));
            case 6 -> HostileCorpus.sqliteExec(f, "PRAGMA journal_mode=WAL");
            case 7 -> HostileCorpus.sqliteExec(f, "DROP TABLE puits");
            case 8 -> {
                byte[] junk = new byte[200];
                r.nextBytes(junk);
                junk[0] = 'G';
                junk[1] = 'P';
                junk[3] = 1;
                HostileCorpus.sqliteUpdateBlob(f, "UPDATE cites SET geom = ? WHERE fid = 2", junk);
            }
            case 9 -> HostileCorpus.sqliteExec(f, "UPDATE gpkg_spatial_ref_sys SET organization = 'XX', definition = '"
                    + "PROJCS[".repeat(2000) + "'");
            case 10 -> HostileCorpus.sqliteUpdateBlob(f, "UPDATE puits SET geom = ? WHERE fid = 1",
                    point(Double.POSITIVE_INFINITY, Double.NaN));
            default -> HostileCorpus.sqliteExec(f, "UPDATE gpkg_geometry_columns SET column_name = 'absente'");
        }
    }

    static void view(Path f, String name, String select) throws Exception {
        HostileCorpus.sqliteExec(f, viewSql(name, select).toArray(new String[0]));
    }

    static List<String> viewSql(String name, String select) {
        return List.of("CREATE VIEW \"" + name + "\" AS " + select,
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('" + name
                        + "', 'features', '" + name + "', 2154)",
                "INSERT INTO gpkg_geometry_columns VALUES ('" + name + "', 'geom', 'POLYGON', 2154, 0, 0)");
    }

    /** A GeoPackage blob of GeometryCollections nested depth deep around one point. */
    static byte[] deepCollection(int depth) {
        ByteBuffer b = ByteBuffer.allocate(8 + depth * 9 + 21).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 1).putInt(2154);
        for (int i = 0; i < depth; i++) b.put((byte) 1).putInt(7).putInt(1);
        b.put((byte) 1).putInt(1).putDouble(690000).putDouble(7040000);
        return b.array();
    }

    static byte[] point(double x, double y) {
        ByteBuffer b = ByteBuffer.allocate(8 + 21).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 1).putInt(2154);
        b.put((byte) 1).putInt(1).putDouble(x).putDouble(y);
        return b.array();
    }
}
