package fr.bassinminier.atlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.bassinminier.atlas.testsupport.GeoData;
import fr.bassinminier.atlas.testsupport.ReplayServer;
import fr.bassinminier.atlas.testsupport.ReplayServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Writes docs/rapport-parcelle.pdf: the heritage report for a parcel footprint on the official
 * perimeters, with the AC1 and PLU sections filled from a replayed Géoplateforme. Run on demand
 * ({@code -Datlas.writeDocs=true}); the parcel, easement and zone answers are synthetic, in the
 * services' formats (the recorded parcels are outside the basin).
 */
class ParcelReportDocsTest {
    /** A 40 m × 30 m parcel in Mazingarbe, across the property and its buffer zone (Lambert-93). */
    static final double[][] PARCEL_L93 = {{679950, 7041250}, {679990, 7041250}, {679990, 7041280}, {679950, 7041280}, {679950, 7041250}};

    static String parcelAnswer() {
        return fr.bassinminier.atlas.testsupport.ApiCartoAnswers.parcel(PARCEL_L93);
    }

    static final String SUP = """
            {"type":"FeatureCollection","numberMatched":2,"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2154"}},
             "features":[{"type":"Feature","id":"assiette_sup_s.1","geometry":{"type":"Polygon","coordinates":[[[679600,7040900],[680300,7040900],[680300,7041600],[679600,7041600],[679600,7040900]]]},
              "properties":{"suptype":"ac1","typeass":"Périmètre des abords","nomass":"Exemple synthétique — abords d'un monument historique","idgen":"AC1_EXEMPLE_1","datesrc":"20190415"}},
              {"type":"Feature","id":"assiette_sup_s.2","geometry":{"type":"Polygon","coordinates":[[[679970,7041200],[680300,7041200],[680300,7041400],[679970,7041400],[679970,7041200]]]},
              "properties":{"suptype":"ac2","typeass":"Site inscrit","nomass":"Exemple synthétique — site inscrit","idgen":"AC2_EXEMPLE_1","datesrc":"19760311"}}]}""";
    static final String PLU = """
            {"type":"FeatureCollection","numberMatched":2,"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2154"}},
             "features":[{"type":"Feature","id":"zone_urba.1","geometry":{"type":"Polygon","coordinates":[[[679000,7041000],[679975,7041000],[679975,7042000],[679000,7042000],[679000,7041000]]]},
              "properties":{"libelle":"UP","libelong":"Exemple synthétique — zone urbaine patrimoniale","typezone":"U","idurba":"EXEMPLE_PLUi_20200101","datappro":"20200101"}},
              {"type":"Feature","id":"zone_urba.2","geometry":{"type":"Polygon","coordinates":[[[679975,7041000],[681000,7041000],[681000,7042000],[679975,7042000],[679975,7041000]]]},
              "properties":{"libelle":"N","libelong":"Exemple synthétique — zone naturelle","typezone":"N","idurba":"EXEMPLE_PLUi_20200101","datappro":"20200101"}}]}""";

    static Reply replay(Map<String, String> p) {
        if (p.get("PATH").startsWith("/api/cadastre/")) {
            return "62563".equals(p.get("CODE_INSEE")) ? Reply.ok("application/json", parcelAnswer())
                    : Reply.ok("application/json", ReplayServer.resource("apicarto-cadastre-parcelle-empty.json"));
        }
        return switch (p.getOrDefault("TYPENAMES", "")) {
            case "wfs_sup:assiette_sup_s" -> Reply.ok("application/json", SUP);
            case "wfs_du:zone_urba" -> Reply.ok("application/json", PLU);
            default -> new Reply(400, "text/xml", new byte[0], 0);
        };
    }

    /** Pixels of page 1 close to the AC1 colour of the report's map (the easement's dashed outline). */
    private static int ac1Pixels(Path pdf) throws Exception {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            java.awt.image.BufferedImage img = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 100);
            int n = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int p = img.getRGB(x, y);
                    int r = (p >> 16) & 0xff;
                    int g = (p >> 8) & 0xff;
                    int b = p & 0xff;
                    if (Math.abs(r - 0x6A) < 24 && Math.abs(g - 0x3D) < 24 && Math.abs(b - 0x9A) < 24) n++;
                }
            }
            return n;
        }
    }

    private static CliTest.Result report(ReplayServer s, Path pdf, String... more) throws Exception {
        Path geo = GeoData.require("unesco").getParent();
        List<String> args = new ArrayList<>(List.of("impact", "--data"));
        for (String f : List.of("bien-inscrit", "zone-tampon")) args.add(geo.resolve("unesco").resolve(f + ".geojson").toString());
        args.addAll(List.of("--cadastre-url", s.uri("/api/cadastre/").toString(), "--wfs-url", s.uri("/wfs").toString(),
                "--cache", Files.createTempDirectory("atlas-cache").toString(), "--pdf", pdf.toString()));
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    @Test
    void theProtectionsTouchedAreDrawnOnTheReportMap() throws Exception {
        Path dir = Files.createTempDirectory("atlas-report");
        try (ReplayServer s = new ReplayServer(ParcelReportDocsTest::replay)) {
            CliTest.Result online = report(s, dir.resolve("en-ligne.pdf"), "--parcel", "62563 AB 123");
            assertEquals(0, online.code(), online.err());
            // the same footprint, the services not consulted: nothing of AC1 on the map
            CliTest.Result offline = report(s, dir.resolve("hors-ligne.pdf"), "--wkt",
                    "POLYGON((679950 7041250, 679990 7041250, 679990 7041280, 679950 7041280, 679950 7041250))", "--offline");
            assertEquals(0, offline.code(), offline.err());
        }
        int drawn = ac1Pixels(dir.resolve("en-ligne.pdf"));
        int none = ac1Pixels(dir.resolve("hors-ligne.pdf"));
        assertEquals(0, none, "no AC1 colour when the easements were not consulted");
        org.junit.jupiter.api.Assertions.assertTrue(drawn > 300, "AC1 outline and legend drawn: " + drawn + " pixels");
    }

    @Test
    void writeTheParcelReport() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("atlas.writeDocs"), "docs non régénérés (-Datlas.writeDocs=true)");
        Path geo = GeoData.require("unesco").getParent();
        List<String> args = new ArrayList<>(List.of("impact", "--data"));
        // batis holds the buildings once; the equipements-* layers repeat them
        for (String f : List.of("bien-inscrit", "zone-tampon", "batis", "cavaliers", "espace-neonaturel")) {
            args.add(geo.resolve("unesco").resolve(f + ".geojson").toString());
        }
        Path docs = Path.of(System.getProperty("atlas.projectDir", "."), "docs");
        Path pdf = docs.resolve("rapport-parcelle.pdf");
        try (ReplayServer s = new ReplayServer(ParcelReportDocsTest::replay)) {
            args.addAll(List.of("--parcel", "62563 AB 123", "--cadastre-url", s.uri("/api/cadastre/").toString(),
                    "--wfs-url", s.uri("/wfs").toString(), "--cache", Files.createTempDirectory("atlas-cache").toString(),
                    "--ref", "PC 062 563 26 00042", "--author", "A. Martin (UDAP 62)", "--pdf", pdf.toString()));
            CliTest.Result r = CliTest.run(args.toArray(String[]::new));
            System.out.println(r.out());
            assertEquals(0, r.code(), r.err());
        }
    }
}
