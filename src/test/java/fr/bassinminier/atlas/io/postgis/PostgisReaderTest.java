package fr.bassinminier.atlas.io.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.project.ProjectLoader;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.records.postgres.PgCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/**
 * PostGIS tables and views as layers, on a throwaway server with the postgis extension:
 * geometry column and SRID found, attributes typed, a bbox read through the GiST index, and a
 * map project naming the table loads it like a file layer.
 */
class PostgisReaderTest {
    @TempDir
    Path dir;

    @AfterEach
    void forgetPgpass() {
        System.clearProperty("org.postgresql.pgpassfile");
    }

    private static PgSettings database() throws Exception {
        PgSettings db = PgCluster.shared().newDatabase("public");
        try (Connection c = PgCluster.shared().admin(db.database()); Statement s = c.createStatement()) {
            try {
                s.execute("CREATE EXTENSION postgis");
            } catch (java.sql.SQLException e) {
                org.junit.jupiter.api.Assumptions.abort("PostGIS absent du serveur de test (paquet Debian "
                        + "postgresql-15-postgis-3) : " + e.getMessage());
            }
            s.execute("CREATE TABLE cites_geo (id serial PRIMARY KEY, nom text, logements integer, surface double precision, "
                    + "livree boolean, livraison date, geom geometry(MultiPolygon, 2154))");
            // 20,000 squares of 50 m on a grid over the basin, in Lambert-93.
            s.execute("INSERT INTO cites_geo (nom, logements, surface, livree, livraison, geom) "
                    + "SELECT 'Cité ' || i, i % 400, (i % 97) * 1.5, i % 3 = 0, DATE '2020-01-01' + (i % 1500), "
                    + "ST_Multi(ST_MakeEnvelope(650000 + (i % 200) * 500, 7000000 + (i / 200) * 500, "
                    + "650050 + (i % 200) * 500, 7000050 + (i / 200) * 500, 2154)) FROM generate_series(0, 19999) i");
            s.execute("CREATE INDEX cites_geo_geom ON cites_geo USING gist (geom)");
            s.execute("ANALYZE cites_geo");
            s.execute("CREATE VIEW cites_livrees AS SELECT id, nom, geom FROM cites_geo WHERE livree");
        }
        return db;
    }

    @Test
    void tablesAndViewsAreLayersWithSridTypesAndIndexedBboxReads() throws Exception {
        PgSettings db = database();
        try (Connection c = db.connect(PgCluster.PASSWORD::toCharArray)) {
            List<PostgisReader.TableInfo> tables = PostgisReader.tables(c);
            assertEquals(List.of("cites_geo", "cites_livrees"), tables.stream().map(PostgisReader.TableInfo::table).toList());
            PostgisReader.TableInfo t = tables.get(0);
            assertEquals("geom", t.geometryColumn());
            assertEquals(2154, t.srid());
            assertEquals("MULTIPOLYGON", t.type());

            Envelope bbox = new Envelope(660000, 662000, 7010000, 7012000);
            VectorLayer part = PostgisReader.read(c, t, bbox);
            int expected;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM cites_geo WHERE geom && "
                    + "ST_MakeEnvelope(660000, 7010000, 662000, 7012000, 2154)"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                expected = rs.getInt(1);
            }
            assertTrue(expected > 0 && expected < 100, "a small window: " + expected);
            assertEquals(expected, part.size());
            assertEquals("EPSG:2154", part.crs().code());
            assertEquals(GeometryType.MULTIPOLYGON, part.geometryType());
            assertEquals(FieldType.INTEGER, part.schema().field("logements").orElseThrow().type());
            assertEquals(FieldType.DOUBLE, part.schema().field("surface").orElseThrow().type());
            assertEquals(FieldType.BOOLEAN, part.schema().field("livree").orElseThrow().type());
            assertEquals(FieldType.DATE, part.schema().field("livraison").orElseThrow().type());
            assertTrue(part.features().get(0).get("livraison") instanceof java.time.LocalDate);

            // The planner answers the bbox from the GiST index, not by reading the 20,000 rows.
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + PostgisReader.query(c, t, true))) {
                ps.setDouble(1, 660000);
                ps.setDouble(2, 7010000);
                ps.setDouble(3, 662000);
                ps.setDouble(4, 7012000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) plan.append(rs.getString(1)).append('\n');
                }
            }
            assertTrue(plan.toString().contains("cites_geo_geom"), plan.toString());

            long t0 = System.nanoTime();
            VectorLayer all = PostgisReader.read(c, t, null);
            System.out.printf("PostGIS : 20000 polygones lus en %.0f ms ; fenêtre de %d par l'index GiST%n",
                    (System.nanoTime() - t0) / 1e6, part.size());
            assertEquals(20_000, all.size());
            VectorLayer view = PostgisReader.read(c, tables.get(1), null);
            assertEquals(6667, view.size(), "a view is a layer too");
        }
    }

    @Test
    void aProjectLayerFromPostgisLoadsLikeAFileAndErrorsAreFrench() throws Exception {
        PgSettings db = database();
        Path pgpass = Files.writeString(dir.resolve("pgpass"), "127.0.0.1:" + db.port() + ":*:" + db.user() + ":"
                + PgCluster.PASSWORD + "\n");
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
        Path project = dir.resolve("equipe.atlas.json");
        Files.writeString(project, """
                {"atlas_project": 1, "title": "Équipe", "crs": "EPSG:2154",
                 "layers": [
                   {"id": "cites", "title": "Cités (PostGIS)", "source": "%s", "layer": "cites_geo"},
                   {"id": "absente", "title": "Absente", "source": "%s", "layer": "pas_la"}
                 ]}""".formatted(db.uri(), db.uri()));
        LoadedProject p = ProjectLoader.open(project);
        ProjectLayer cites = p.layers().get(0);
        assertTrue(cites.isLoaded(), String.valueOf(cites.error()));
        assertEquals(20_000, cites.data().size());
        // "Save as" elsewhere rewrites file sources relative to the new place, never a server address.
        Path elsewhere = Files.createDirectories(dir.resolve("ailleurs")).resolve("copie.atlas.json");
        fr.bassinminier.atlas.io.project.LayerImport.saveAs(p, elsewhere);
        assertEquals(db.uri(), ProjectLoader.open(elsewhere).layers().get(0).entry().source());
        ProjectLayer missing = p.layers().get(1);
        assertTrue(!missing.isLoaded() && missing.error().contains("pas de table ni de vue géographique « pas_la »"),
                missing.error());
    }
}
