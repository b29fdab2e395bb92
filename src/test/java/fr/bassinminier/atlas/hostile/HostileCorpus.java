package fr.bassinminier.atlas.hostile;

import fr.bassinminier.atlas.cli.AtlasCommand;
import fr.bassinminier.atlas.io.Formats;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.VectorLayer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Builds a deterministic corpus of hostile files of every format the program reads: valid base
 * files written by the program itself, then seeded mutations (truncations, bit flips, lying
 * counts and lengths, NaN/Infinity/1e308 coordinates, deep nesting, huge strings, zip tricks),
 * plus the hand-made reproducers of issue 13. Each case sits in its own folder so that a case
 * writing beside its input is seen.
 *
 * @param format   format label for the report
 * @param file     the file given to the command
 * @param command  "info", "render", "import"
 * @param mustRefuse a correct program refuses this file (a success would be wrong)
 */
record HostileCorpus(String format, Path file, String command, boolean mustRefuse, String label) {
    static final String SECRET = "SECRET-XXE-7f3a9";
    private static final GeometryFactory GF = new GeometryFactory();

    /** Generates the corpus under root; the demo project copy for imports is in root/demo. */
    static List<HostileCorpus> generate(Path root, long seed, Path secretFile) throws Exception {
        Files.writeString(secretFile, SECRET);
        Random r = new Random(seed);
        Path base = Files.createDirectories(root.resolve("base"));
        VectorLayer polygons = polygons(r);
        Formats.write(base.resolve("base.shp"), List.of(polygons));
        Formats.write(base.resolve("base.gpkg"), List.of(polygons, points(r)));
        Formats.write(base.resolve("base.geojson"), List.of(polygons));
        byte[] zip = zip(base, "base");
        Files.write(base.resolve("base.zip"), zip);
        byte[] sld = Files.readAllBytes(Path.of("styles/cites.sld"));
        Path demo = root.resolve("demo");
        copyTree(Path.of("maps"), demo);
        Path demoProject = demo.resolve("bassin-minier.atlas.json");
        run("records", "export", "--project", demoProject.toString(), "--xlsx", base.resolve("base.xlsx").toString());
        run("records", "export", "--project", demoProject.toString(), "--csv", base.resolve("base.csv").toString());
        byte[] xlsx = Files.readAllBytes(base.resolve("base.xlsx"));
        byte[] csv = Files.readAllBytes(base.resolve("base.csv"));
        byte[] geojson = Files.readAllBytes(base.resolve("base.geojson"));
        byte[] gpkg = Files.readAllBytes(base.resolve("base.gpkg"));

        List<HostileCorpus> out = new ArrayList<>();
        Path corpus = Files.createDirectories(root.resolve("corpus"));
        int[] n = {0};
        // GeoJSON: byte and text mutations.
        for (int i = 0; i < 80; i++) {
            byte[] b = i % 2 == 0 ? Mutations.bytes(geojson, r) : Mutations.text(geojson, r, true);
            out.add(single(corpus, n, "GeoJSON", "m.geojson", b, "info", "mutation"));
        }
        // Shapefile sets: one part mutated at a time.
        String[] parts = {"shp", "shp", "shp", "shx", "dbf", "dbf", "prj", "cpg"};
        for (int i = 0; i < 80; i++) {
            Path dir = caseDir(corpus, n);
            String part = parts[r.nextInt(parts.length)];
            for (String ext : new String[] {"shp", "shx", "dbf", "prj", "cpg"}) {
                Path src = base.resolve("base." + ext);
                byte[] b = Files.exists(src) ? Files.readAllBytes(src) : "UTF-8".getBytes(StandardCharsets.US_ASCII);
                if (ext.equals(part)) b = i % 5 == 4 ? Mutations.shpCounts(b, r) : Mutations.bytes(b, r);
                Files.write(dir.resolve("m." + ext), b);
            }
            out.add(new HostileCorpus("Shapefile", dir.resolve("m.shp"), "info", false, "mutation ." + part));
        }
        // Zips: mutated archive bytes, or a sound archive of a mutated shapefile.
        for (int i = 0; i < 50; i++) {
            byte[] b = i % 2 == 0 ? Mutations.bytes(zip, r) : zipWithMutatedShp(base, r);
            out.add(single(corpus, n, "Zip", "m.zip", b, "info", "mutation"));
        }
        // GeoPackages: page-level mutations and SQL-level ones.
        for (int i = 0; i < 50; i++) {
            out.add(single(corpus, n, "GeoPackage", "m.gpkg", Mutations.sqlite(gpkg, r), "info", "mutation"));
        }
        for (int i = 0; i < 12; i++) {
            Path dir = caseDir(corpus, n);
            Path f = dir.resolve("m.gpkg");
            Files.write(f, gpkg);
            GpkgCases.sqlMutation(f, i, r);
            out.add(new HostileCorpus("GeoPackage", f, "info", false, "sql " + i));
        }
        // SLD styles, rendered through a project that uses them.
        for (int i = 0; i < 60; i++) {
            Path dir = caseDir(corpus, n);
            Files.write(dir.resolve("m.sld"), i % 2 == 0 ? Mutations.bytes(sld, r) : Mutations.text(sld, r, false));
            Files.write(dir.resolve("d.geojson"), geojson);
            Files.writeString(dir.resolve("m.atlas.json"), project("d.geojson", "m.sld", "[680000, 7030000, 700000, 7050000]"));
            out.add(new HostileCorpus("SLD", dir.resolve("m.atlas.json"), "render", false, "mutation"));
        }
        // Map projects.
        String goodProject = project("d.geojson", null, "[680000, 7030000, 700000, 7050000]");
        for (int i = 0; i < 50; i++) {
            Path dir = caseDir(corpus, n);
            Files.write(dir.resolve("d.geojson"), geojson);
            byte[] b = goodProject.getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve("m.atlas.json"), i % 2 == 0 ? Mutations.bytes(b, r) : Mutations.text(b, r, true));
            out.add(new HostileCorpus("Projet", dir.resolve("m.atlas.json"), "render", false, "mutation"));
        }
        // Records imports.
        for (int i = 0; i < 50; i++) {
            out.add(single(corpus, n, "CSV", "m.csv", i % 2 == 0 ? Mutations.bytes(csv, r) : Mutations.text(csv, r, false),
                    "import", "mutation"));
        }
        for (int i = 0; i < 50; i++) {
            out.add(single(corpus, n, "XLSX", "m.xlsx", Mutations.xlsx(xlsx, r), "import", "mutation"));
        }
        Specials.add(out, corpus, n, base, geojson, sld, xlsx, secretFile);
        return out;
    }

    static String project(String source, String sld, String extent) {
        return "{\"atlas_project\": 1, \"title\": \"t\", \"crs\": \"EPSG:2154\", \"extent\": " + extent
                + ", \"layers\": [{\"id\": \"a\", \"source\": \"" + source + "\""
                + (sld == null ? "" : ", \"sld\": \"" + sld + "\"")
                + ", \"style\": {\"fill\": \"#ff0000\", \"stroke\": \"#000000\", \"hatch\": \"slash\"},"
                + " \"label\": {\"field\": \"nom\"}}],"
                + " \"print_templates\": [{\"name\": \"m\", \"page\": \"A4\", \"title\": \"Titre\", \"margin_mm\": 10}]}";
    }

    static HostileCorpus single(Path corpus, int[] n, String format, String name, byte[] content, String command,
                                String label) throws IOException {
        Path dir = caseDir(corpus, n);
        Files.write(dir.resolve(name), content);
        return new HostileCorpus(format, dir.resolve(name), command, false, label);
    }

    static Path caseDir(Path corpus, int[] n) throws IOException {
        return Files.createDirectories(corpus.resolve(String.format("%04d", n[0]++)));
    }

    static VectorLayer polygons(Random r) {
        Schema schema = new Schema(List.of(new Field("nom", FieldType.STRING, 40, 0), new Field("n", FieldType.INTEGER)));
        List<Feature> fs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double x = 685000 + r.nextInt(10000);
            double y = 7035000 + r.nextInt(10000);
            Geometry g = GF.createPolygon(GF.createLinearRing(new Coordinate[] {new Coordinate(x, y),
                    new Coordinate(x, y + 500), new Coordinate(x + 700, y + 500), new Coordinate(x + 700, y),
                    new Coordinate(x, y)}), new org.locationtech.jts.geom.LinearRing[] {GF.createLinearRing(
                    new Coordinate[] {new Coordinate(x + 100, y + 100), new Coordinate(x + 200, y + 100),
                            new Coordinate(x + 200, y + 200), new Coordinate(x + 100, y + 200),
                            new Coordinate(x + 100, y + 100)})});
            fs.add(new Feature(i, g, schema, new Object[] {"Cité n° " + i + " é", i}));
        }
        return new VectorLayer("cites", GeometryType.POLYGON, CrsId.LAMBERT_93, schema, fs);
    }

    static VectorLayer points(Random r) {
        Schema schema = new Schema(List.of(new Field("nom", FieldType.STRING, 40, 0)));
        List<Feature> fs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            fs.add(new Feature(i, GF.createPoint(new Coordinate(685000 + r.nextInt(10000), 7035000 + r.nextInt(10000))),
                    schema, new Object[] {"puits " + i}));
        }
        return new VectorLayer("puits", GeometryType.POINT, CrsId.LAMBERT_93, schema, fs);
    }

    static byte[] zip(Path dir, String baseName) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (String ext : new String[] {"shp", "shx", "dbf", "prj"}) {
                Path p = dir.resolve(baseName + "." + ext);
                if (!Files.exists(p)) continue;
                z.putNextEntry(new ZipEntry("dossier/" + baseName + "." + ext));
                z.write(Files.readAllBytes(p));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] zipWithMutatedShp(Path base, Random r) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        String target = new String[] {"shp", "dbf", "shx"}[r.nextInt(3)];
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (String ext : new String[] {"shp", "shx", "dbf", "prj"}) {
                byte[] b = Files.readAllBytes(base.resolve("base." + ext));
                if (ext.equals(target)) b = r.nextBoolean() ? Mutations.shpCounts(b, r) : Mutations.bytes(b, r);
                z.putNextEntry(new ZipEntry("x/base." + ext));
                z.write(b);
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Runs the command line in-process; returns exit code, stdout and stderr. */
    static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AtlasCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    static void sqliteExec(Path file, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                for (String q : sql) s.execute(q);
            }
        }
    }

    static void sqliteUpdateBlob(Path file, String sql, byte[] blob) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            // The R-tree triggers call functions only a GeoPackage library defines.
            List<String> triggers = new ArrayList<>();
            try (Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
                while (rs.next()) triggers.add(rs.getString(1));
            }
            try (Statement s = c.createStatement()) {
                for (String t : triggers) s.execute("DROP TRIGGER \"" + t + "\"");
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setBytes(1, blob);
                ps.executeUpdate();
            }
        }
    }
}
