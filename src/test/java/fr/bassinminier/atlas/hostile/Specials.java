package fr.bassinminier.atlas.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** The hand-made reproducers of issue 13, as a user would meet them. */
final class Specials {
    private Specials() {
    }

    static void add(List<HostileCorpus> out, Path corpus, int[] n, Path base, byte[] geojson, byte[] sld, byte[] xlsx,
                    Path secret) throws Exception {
        // Pipes, before anything opens them (where mkfifo exists).
        Path dir = HostileCorpus.caseDir(corpus, n);
        if (mkfifo(dir.resolve("pipe.geojson"))) out.add(new HostileCorpus("GeoJSON", dir.resolve("pipe.geojson"), "info", true, "tube nommé"));
        dir = HostileCorpus.caseDir(corpus, n);
        if (mkfifo(dir.resolve("pipe.sld"))) {
            Files.write(dir.resolve("d.geojson"), geojson);
            Files.writeString(dir.resolve("m.atlas.json"), HostileCorpus.project("d.geojson", "pipe.sld", EXTENT));
            out.add(new HostileCorpus("SLD", dir.resolve("m.atlas.json"), "render", true, "SLD tube nommé"));
        }
        // GeoJSON.
        String fc = "{\"type\":\"FeatureCollection\",\"features\":[%s]}";
        String pt = "{\"type\":\"Feature\",\"properties\":{\"nom\":\"a\"},\"geometry\":%s}";
        out.add(text(corpus, n, "GeoJSON", "inf.geojson", fc.formatted(pt.formatted("{\"type\":\"Point\",\"coordinates\":[1e309,2]}")), "info", true, "1e309"));
        out.add(text(corpus, n, "GeoJSON", "nonobj.geojson", fc.formatted("1,\"x\"," + pt.formatted("{\"type\":\"Point\",\"coordinates\":[1,2]}") + ",null"), "info", true, "features non objets"));
        out.add(text(corpus, n, "GeoJSON", "deep.geojson", fc.formatted(pt.formatted("{\"type\":\"GeometryCollection\",\"geometries\":[".repeat(3000)
                + "{\"type\":\"Point\",\"coordinates\":[1,2]}" + "]}".repeat(3000))), "info", true, "GeometryCollection x3000"));
        out.add(text(corpus, n, "GeoJSON", "longstr.geojson", fc.formatted("{\"type\":\"Feature\",\"properties\":{\"nom\":\""
                + "x".repeat(30 << 20) + "\"},\"geometry\":null}"), "info", true, "texte de 30 M caractères"));
        // Shapefiles with pathological polygons.
        double[][] square = {{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}};
        List<double[][]> identical = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) identical.add(square);
        out.add(shapefile(corpus, n, identical, "30 000 anneaux identiques", false));
        List<double[][]> shellsHoles = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            double x = (i % 200) * 20;
            double y = (i / 200) * 20;
            shellsHoles.add(new double[][] {{x, y}, {x, y + 10}, {x + 10, y + 10}, {x + 10, y}, {x, y}});
        }
        for (int i = 0; i < 40_000; i++) {
            double x = (i % 200) * 20 + 2;
            double y = (i / 200) * 20 + 2;
            shellsHoles.add(new double[][] {{x, y}, {x + 5, y}, {x + 5, y + 5}, {x, y + 5}, {x, y}});
        }
        out.add(shapefile(corpus, n, shellsHoles, "40 000 extérieurs + 40 000 trous", false));
        List<double[][]> nested = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double a = i + 1;
            nested.add(new double[][] {{-a, -a}, {a, -a}, {a, a}, {-a, a}, {-a, -a}});
        }
        out.add(shapefile(corpus, n, nested, "20 000 anneaux concentriques", false));
        out.add(shapefile(corpus, n, List.<double[][]>of(new double[][] {{0, 0}, {Double.NaN, 0}, {10, 10}, {0, 10}, {0, 0}}), "coordonnée NaN", true));
        out.add(shapefile(corpus, n, List.<double[][]>of(new double[][] {{0, 0}, {Double.POSITIVE_INFINITY, 0}, {10, 10}, {0, 10}, {0, 0}}), "coordonnée infinie", true));
        // A zip whose .shp announces 1.9 GiB of points (the 8.9 MB zip of 72 million points).
        dir = HostileCorpus.caseDir(corpus, n);
        Files.write(dir.resolve("points.zip"), hugePointsZip(base));
        out.add(new HostileCorpus("Zip", dir.resolve("points.zip"), "info", true, ".shp de 1,9 Gio annoncés"));
        // SLD.
        String sldText = new String(sld, StandardCharsets.UTF_8);
        String like = sldText.replaceFirst("<ogc:Filter>", "<ogc:Filter><ogc:And><ogc:PropertyIsLike wildCard=\"*\" singleChar=\".\" escapeChar=\"!\">"
                + "<ogc:PropertyName>nom</ogc:PropertyName><ogc:Literal>" + "*a".repeat(40) + "x</ogc:Literal></ogc:PropertyIsLike>")
                .replaceFirst("</ogc:Filter>", "</ogc:And></ogc:Filter>");
        out.add(sldCase(corpus, n, geojson, like.getBytes(StandardCharsets.UTF_8), "PropertyIsLike à 40 jokers", false,
                "x".repeat(2000)));
        String xxe = sldText.replaceFirst("\\?>", "?><!DOCTYPE s [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>")
                .replaceFirst("<sld:Name>|<Name>", "$0&x;");
        out.add(sldCase(corpus, n, geojson, xxe.getBytes(StandardCharsets.UTF_8), "SLD XXE", true, "a"));
        // Projects.
        out.add(projectCase(corpus, n, geojson, p -> p.replace(EXTENT, "[690000, 7040000, 690000.000001, 7040000.000001]"), "emprise de 1 µm (hachures)", false));
        out.add(projectCase(corpus, n, geojson, p -> p.replace(EXTENT, "[-1e308, -1e308, 1e308, 1e308]"), "emprise ±1e308", true));
        out.add(projectCase(corpus, n, geojson, p -> p.replace("EPSG:2154", "EPSG:99999"), "EPSG:99999", true));
        out.add(projectCase(corpus, n, geojson, p -> p.replace("EPSG:2154", "garbage"), "CRS garbage", true));
        out.add(projectCase(corpus, n, geojson, p -> p.replace("EPSG:2154", "EPSG:" + "9".repeat(5000)), "CRS de 5 000 chiffres", true));
        out.add(projectCase(corpus, n, geojson, p -> p.replace("\"hatch\"", "\"dash\": [0, 0], \"hatch\""), "tirets nuls", true));
        out.add(projectCase(corpus, n, geojson, p -> p.replace("\"hatch\"", "\"dash\": [-3, -1], \"hatch\""), "tirets négatifs", true));
        HostileCorpus margin = projectCase(corpus, n, geojson, p -> p.replace("\"margin_mm\": 10", "\"margin_mm\": -5"), "marge négative", true);
        out.add(new HostileCorpus("Projet", margin.file(), "print", true, margin.label()));
        HostileCorpus title = projectCase(corpus, n, geojson, p -> p.replace("\"Titre\"", "\"" + "T".repeat(1 << 20) + "\""), "titre de 1 Mo", true);
        out.add(new HostileCorpus("Projet", title.file(), "print", true, title.label()));
        // Records imports.
        out.add(text(corpus, n, "CSV", "unclosed.csv", "id;nom;etat\r\n1;\"Cité des Provinces;livré\r\n2;Autre;livré\r\n", "import", true, "guillemet jamais refermé"));
        out.add(text(corpus, n, "CSV", "midquote.csv", "id;nom;etat\r\n1;Cité \"des Provinces;livré\r\n", "import", true, "guillemet isolé"));
        String sheet = "xl/worksheets/sheet1.xml";
        out.add(xlsxCase(corpus, n, xlsx, sheet, s -> s.replaceFirst("\\?>", "?><!DOCTYPE worksheet>"), "DTD"));
        out.add(xlsxCase(corpus, n, xlsx, sheet, s -> s.replaceFirst("\\?>", "?><!DOCTYPE w [<!ENTITY x SYSTEM \""
                + secret.toUri() + "\">]>").replaceFirst("</row>", "<c r=\"Z2\" t=\"inlineStr\"><is><t>&x;</t></is></c></row>"), "XXE"));
        StringBuilder lol = new StringBuilder("<!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\">");
        for (int i = 0; i < 9; i++) lol.append("<!ENTITY ").append((char) ('b' + i)).append(" \"").append(("&" + (char) ('a' + i) + ";").repeat(10)).append("\">");
        lol.append("]>");
        out.add(xlsxCase(corpus, n, xlsx, sheet, s -> s.replaceFirst("\\?>", "?>" + lol).replaceFirst("</row>",
                "<c r=\"Z2\" t=\"inlineStr\"><is><t>&j;</t></is></c></row>"), "billion laughs"));
        out.add(xlsxCase(corpus, n, xlsx, sheet, s -> s.replaceFirst("</row>", "<c r=\"CRXO100000000\" t=\"inlineStr\"><is><t>x</t></is></c></row>"), "cellule à la colonne 100 millions"));
        out.add(xlsxCase(corpus, n, xlsx, sheet, s -> s.replaceFirst("</row>", "<c r=\"A3\" t=\"s\"><v>2147483648</v></c></row>"), "texte partagé n° 2^31"));
    }

    static final String EXTENT = "[680000, 7030000, 700000, 7050000]";

    static boolean mkfifo(Path p) {
        try {
            return new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static HostileCorpus text(Path corpus, int[] n, String format, String name, String content, String command,
                              boolean mustRefuse, String label) throws IOException {
        Path dir = HostileCorpus.caseDir(corpus, n);
        Files.writeString(dir.resolve(name), content);
        return new HostileCorpus(format, dir.resolve(name), command, mustRefuse, label);
    }

    static HostileCorpus sldCase(Path corpus, int[] n, byte[] geojson, byte[] sld, String label, boolean mustRefuse,
                                 String name) throws IOException {
        Path dir = HostileCorpus.caseDir(corpus, n);
        Files.write(dir.resolve("m.sld"), sld);
        Files.writeString(dir.resolve("d.geojson"), new String(geojson, StandardCharsets.UTF_8).replaceAll("Cité n° \\d+ é", name));
        Files.writeString(dir.resolve("m.atlas.json"), HostileCorpus.project("d.geojson", "m.sld", EXTENT));
        return new HostileCorpus("SLD", dir.resolve("m.atlas.json"), "render", mustRefuse, label);
    }

    static HostileCorpus projectCase(Path corpus, int[] n, byte[] geojson, UnaryOperator<String> edit, String label,
                                     boolean mustRefuse) throws IOException {
        Path dir = HostileCorpus.caseDir(corpus, n);
        Files.write(dir.resolve("d.geojson"), geojson);
        Files.writeString(dir.resolve("m.atlas.json"), edit.apply(HostileCorpus.project("d.geojson", null, EXTENT)));
        return new HostileCorpus("Projet", dir.resolve("m.atlas.json"), "render", mustRefuse, label);
    }

    static HostileCorpus xlsxCase(Path corpus, int[] n, byte[] xlsx, String part, UnaryOperator<String> edit, String label)
            throws IOException {
        Map<String, byte[]> parts = Mutations.parts(xlsx);
        parts.put(part, edit.apply(new String(parts.get(part), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream w = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(w)) {
            for (var e : parts.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        Path dir = HostileCorpus.caseDir(corpus, n);
        Files.write(dir.resolve("m.xlsx"), w.toByteArray());
        return new HostileCorpus("XLSX", dir.resolve("m.xlsx"), "import", true, label);
    }

    /** One Polygon record holding all the rings, with .shx and a one-record .dbf. */
    static HostileCorpus shapefile(Path corpus, int[] n, List<double[][]> rings, String label, boolean mustRefuse)
            throws IOException {
        int points = rings.stream().mapToInt(r -> r.length).sum();
        int content = 44 + 4 * rings.size() + 16 * points;
        ByteBuffer rec = ByteBuffer.allocate(8 + content);
        rec.order(ByteOrder.BIG_ENDIAN).putInt(1).putInt(content / 2);
        rec.order(ByteOrder.LITTLE_ENDIAN).putInt(5).putDouble(-1).putDouble(-1).putDouble(1).putDouble(1)
                .putInt(rings.size()).putInt(points);
        int start = 0;
        for (double[][] r : rings) {
            rec.putInt(start);
            start += r.length;
        }
        for (double[][] r : rings) for (double[] p : r) rec.putDouble(p[0]).putDouble(p[1]);
        Path dir = HostileCorpus.caseDir(corpus, n);
        Files.write(dir.resolve("m.shp"), Mutations.concat(shpHeader(100 + rec.capacity(), 5), rec.array()));
        ByteBuffer shx = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putInt(50).putInt(content / 2);
        Files.write(dir.resolve("m.shx"), Mutations.concat(shpHeader(108, 5), shx.array()));
        Files.write(dir.resolve("m.dbf"), dbf(1));
        return new HostileCorpus("Shapefile", dir.resolve("m.shp"), "info", mustRefuse, label);
    }

    static byte[] shpHeader(long length, int type) {
        ByteBuffer h = ByteBuffer.allocate(100);
        h.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, (int) (length / 2));
        h.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, type);
        return h.array();
    }

    /** A dBASE III table with one numeric field "id" and count records. */
    static byte[] dbf(int count) {
        ByteBuffer b = ByteBuffer.allocate(32 + 32 + 1 + count * 11 + 1).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 3).put((byte) 125).put((byte) 1).put((byte) 1).putInt(count).putShort((short) 65).putShort((short) 11);
        b.position(32);
        b.put("ID".getBytes(StandardCharsets.US_ASCII));
        b.position(32 + 11);
        b.put((byte) 'N');
        b.position(32 + 16);
        b.put((byte) 10).put((byte) 0);
        b.position(64);
        b.put((byte) 0x0d);
        for (int i = 0; i < count; i++) b.put(String.format(" %10d", i).getBytes(StandardCharsets.US_ASCII));
        b.put((byte) 0x1a);
        return b.array();
    }

    /** A small zip whose .shp header declares 1.9 GiB of point records. */
    static byte[] hugePointsZip(Path base) throws IOException {
        int records = 1000;
        ByteBuffer body = ByteBuffer.allocate(records * 28);
        for (int i = 0; i < records; i++) {
            body.order(ByteOrder.BIG_ENDIAN).putInt(i + 1).putInt(10);
            body.order(ByteOrder.LITTLE_ENDIAN).putInt(1).putDouble(690000 + i).putDouble(7040000);
        }
        byte[] shp = Mutations.concat(shpHeader(1_900_000_000L * 1 + 100, 1), body.array());
        ByteArrayOutputStream w = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(w)) {
            z.putNextEntry(new ZipEntry("points.shp"));
            z.write(shp);
            z.closeEntry();
            z.putNextEntry(new ZipEntry("points.dbf"));
            z.write(dbf(records));
            z.closeEntry();
        }
        return w.toByteArray();
    }
}
