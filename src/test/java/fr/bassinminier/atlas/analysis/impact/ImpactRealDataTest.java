package fr.bassinminier.atlas.analysis.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.analysis.impact.ImpactReport.ElementHit;
import fr.bassinminier.atlas.analysis.impact.ImpactReport.Situation;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.testsupport.GeoData;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The check on the real official perimeters of ../shared/geodata (skipped when absent).
 *
 * <p>Expected figures were computed independently with GDAL 3.6.2 / PROJ 9 (not with this
 * program): the GeoJSON files were reprojected into a Lambert-93 GeoPackage in /tmp with
 * {@code ogr2ogr -f GPKG -append l93.gpkg FILE.geojson -t_srs EPSG:2154 -nln NAME -nlt PROMOTE_TO_MULTI},
 * then queried with the SQLite dialect, e.g.
 * {@code ogrinfo -dialect SQLite -sql "select no_element, ST_Area(ST_Intersection(geom, SQUARE))
 * from bien_inscrit where ST_Intersects(geom, SQUARE)" l93.gpkg} and
 * {@code select min(ST_Distance(geom, MakePoint(x, y, 2154))) from zone_tampon}. Test points are
 * GDAL's ST_PointOnSurface of a component or buffer polygon, or a vertex of their outlines moved
 * by a round distance. Tolerances: 1 m² for areas, 0.5 m for distances and lengths (this program
 * reprojects with Proj4J, GDAL with PROJ: they agree within a centimetre).
 */
class ImpactRealDataTest {
    private static final double AREA_TOL = 1.0;
    private static final double DIST_TOL = 0.5;
    /** ST_PointOnSurface of element 81 "Château Mercier et Boulevard des Platanes" (GDAL). */
    private static final String A = "680184.339469 7041461.508514";
    private static HeritageIndex index;

    @BeforeAll
    static void load() throws Exception {
        Path root = GeoData.root();
        List<Path> files = Arrays.asList(GeoData.require("unesco/bien-inscrit.geojson"),
                root.resolve("unesco/zone-tampon.geojson"), root.resolve("unesco/batis.geojson"),
                root.resolve("unesco/cavaliers.geojson"), root.resolve("unesco/espace-neonaturel.geojson"),
                root.resolve("unesco/bassin-minier-mbm.geojson"),
                root.resolve("terrils/terrils-bien-inscrit.geojson"), root.resolve("terrils/terrils-zone-tampon.geojson"),
                root.resolve("cites-minieres/cites-minieres-bien-inscrit.geojson"),
                root.resolve("cites-minieres/cites-minieres-zone-tampon.geojson"));
        index = HeritageIndex.build(HeritageLayers.fromFiles(files));
    }

    private static ImpactReport point(String xy) throws FootprintException {
        return index.check(FootprintReader.point(xy, CrsId.LAMBERT_93), ImpactOptions.DEFAULT);
    }

    private static ImpactReport wkt(String wkt) throws FootprintException {
        return index.check(FootprintReader.wkt(wkt, CrsId.LAMBERT_93), ImpactOptions.DEFAULT);
    }

    private static ElementHit nearest(ImpactReport r, HeritageRole role, String category) {
        return r.nearest().stream().filter(e -> e.role() == role && (category == null || category.equals(e.category())))
                .findFirst().orElseThrow(() -> new AssertionError("pas de plus proche " + role + " " + category));
    }

    @Test
    void rolesRecognisedByContent() {
        Map<HeritageRole, Long> roles = index.layers().layers().stream()
                .collect(Collectors.groupingBy(HeritageLayers.RoleLayer::role, Collectors.counting()));
        assertEquals(1, roles.get(HeritageRole.PROPERTY));
        assertEquals(1, roles.get(HeritageRole.BUFFER));
        assertEquals(1, roles.get(HeritageRole.BUILDING));
        assertEquals(2, roles.get(HeritageRole.CITE));
        assertEquals(2, roles.get(HeritageRole.TERRIL));
        assertEquals(1, roles.get(HeritageRole.CAVALIER));
        assertEquals(1, roles.get(HeritageRole.NEO_NATURAL));
        // The basin's outline is no heritage layer: listed as ignored, not used.
        assertTrue(index.layers().ignored().stream().anyMatch(s -> s.contains("bassin-minier-mbm")),
                index.layers().ignored().toString());
    }

    @Test
    void pointInsideAnElement() throws Exception {
        ImpactReport r = point(A);
        assertEquals(Situation.BIEN, r.situation());
        assertEquals(1, r.property().components().size());
        var c = r.property().components().get(0);
        assertEquals("81", c.number());
        assertEquals("Château Mercier et Boulevard des Platanes", c.name());
        assertEquals("Compagnie des mines de Béthune", c.section());
        assertEquals("9", c.sectionNumber());
        assertEquals(0, r.property().distance());
        assertTrue(Double.isNaN(r.property().share()), "a point has no area");
        // GDAL: min(ST_Distance(zone_tampon, A)) = 31.7204680693832
        assertFalse(r.buffer().intersects());
        assertEquals(31.7205, r.buffer().distance(), DIST_TOL);

        // GDAL: within 500 m, 2 batis (43.1045, 122.0034 m) and 1 cité of the buffer zone (381.7680 m); no
        // terril, cavalier or néo-natural space.
        assertEquals(3, r.elements().size(), r.elements().toString());
        assertEquals(43.1045, r.elements().get(0).distance(), DIST_TOL);
        assertEquals("Bvd des Platanes (maisons d'ingénieurs)", r.elements().get(0).name());
        assertEquals(MonumentStatus.NON, r.elements().get(0).monument());
        assertEquals("Situé en abords MH", r.elements().get(0).protection());
        ElementHit mh = r.elements().get(1);
        assertEquals("Maison directeur des Mines de Béthune", mh.name());
        assertEquals(122.0034, mh.distance(), DIST_TOL);
        assertEquals(MonumentStatus.INSCRIT, mh.monument(), "inscrit_mh = 'T'");
        assertEquals("81A", mh.id());
        assertEquals("bien", mh.perimeter());
        assertEquals(List.of(mh), r.monuments());
        ElementHit cite = r.elements().get(2);
        assertEquals("Cité Magenta", cite.name());
        assertEquals(381.7680, cite.distance(), DIST_TOL);
        assertEquals("zone_tampon", cite.perimeter());
        assertEquals(1, r.cites().size());
        assertFalse(r.cites().get(0).renovationRecorded(), "official cités carry no renovation state");
        assertTrue(r.terrils().isEmpty());

        // GDAL, nearest of each kind: cité 381.7680 (Cité Magenta), terril 995.5895 (T249 of the buffer zone),
        // cavalier 1645.3977 (78A), néo-natural 9027.0181 (Wingles), chevalement 6407.2165 (70), fosse 3388.9076 (88A),
        // édifice religieux 3003.1409 (84F Prieuré).
        assertEquals(381.7680, nearest(r, HeritageRole.CITE, "Cité pavillonnaire").distance(), DIST_TOL);
        ElementHit terril = nearest(r, HeritageRole.TERRIL, null);
        assertEquals("T249", terril.id());
        assertEquals(995.5895, terril.distance(), DIST_TOL);
        assertEquals(1645.3977, nearest(r, HeritageRole.CAVALIER, null).distance(), DIST_TOL);
        assertEquals("78A", nearest(r, HeritageRole.CAVALIER, null).id());
        assertEquals(9027.0181, nearest(r, HeritageRole.NEO_NATURAL, null).distance(), DIST_TOL);
        assertEquals(6407.2165, nearest(r, HeritageRole.BUILDING, "Chevalement").distance(), DIST_TOL);
        assertEquals("70", nearest(r, HeritageRole.BUILDING, "Chevalement").id());
        assertEquals(3388.9076, nearest(r, HeritageRole.BUILDING, "Fosse").distance(), DIST_TOL);
        ElementHit church = nearest(r, HeritageRole.BUILDING, "Édifice religieux");
        assertEquals("84F", church.id());
        assertEquals(3003.1409, church.distance(), DIST_TOL);
        assertFalse(r.indicative());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void polygonInsideAnElement() throws Exception {
        // GDAL: ST_Covers(element 81, square) = 1, area 400; distance to the buffer zone 17.8313.
        ImpactReport r = wkt("POLYGON((680174 7041451, 680194 7041451, 680194 7041471, 680174 7041471, 680174 7041451))");
        assertEquals(Situation.BIEN, r.situation());
        assertEquals(400, r.property().overlapArea(), AREA_TOL);
        assertEquals(1.0, r.property().share(), 1e-9);
        assertEquals(400, r.property().components().get(0).overlapArea(), AREA_TOL);
        assertEquals(17.8313, r.buffer().distance(), DIST_TOL);
        assertEquals(0, r.buffer().overlapArea());
    }

    @Test
    void polygonStraddlingThePropertyAndTheBufferZone() throws Exception {
        // A 200 m square centred on the first vertex of element 81's outline (679987.655466, 7041293.20483).
        // GDAL: ST_Area(ST_Intersection) = 12182.9107914567 with element 81, 27817.089208547 with the buffer
        // zone: together the 40,000 m² of the square (the buffer zone is contiguous to the property here).
        ImpactReport r = wkt("POLYGON((679887.655 7041193.205, 680087.655 7041193.205, 680087.655 7041393.205, "
                + "679887.655 7041393.205, 679887.655 7041193.205))");
        assertEquals(Situation.BIEN_ET_ZONE_TAMPON, r.situation());
        assertEquals(12182.9108, r.property().overlapArea(), AREA_TOL);
        assertEquals("81", r.property().components().get(0).number());
        assertEquals(27817.0892, r.buffer().overlapArea(), AREA_TOL);
        assertEquals(1.0, r.property().share() + r.buffer().share(), 1e-4);
        assertTrue(ImpactText.summary(r).contains("EN PARTIE DANS LE BIEN INSCRIT"), ImpactText.summary(r));
    }

    @Test
    void lineCrossingAnElement() throws Exception {
        // GDAL: ST_Length(ST_Intersection(line, element 81)) = 76.7714304899564; with the buffer zone 923.228569510044.
        ImpactReport r = wkt("LINESTRING(679700 7041461.5, 680700 7041461.5)");
        assertEquals(Situation.BIEN_ET_ZONE_TAMPON, r.situation());
        assertEquals(76.7714, r.property().overlapLength(), DIST_TOL);
        assertEquals(923.2286, r.buffer().overlapLength(), DIST_TOL);
        assertEquals(0, r.property().overlapArea());
    }

    @Test
    void pointInTheBufferZoneOnly() throws Exception {
        // GDAL: ST_PointOnSurface of buffer polygon 2; nearest component 62 "Fosse n°13 bis" at 74.9110982802475 m;
        // within 500 m: 1 bâti and 1 terril of the buffer zone.
        ImpactReport r = point("687229.348756 7042434.579586");
        assertEquals(Situation.ZONE_TAMPON, r.situation());
        assertTrue(r.buffer().intersects());
        assertFalse(r.property().intersects());
        assertEquals(74.9111, r.property().distance(), DIST_TOL);
        assertEquals("62", r.property().nearest().number());
        assertEquals("Fosse n°13 bis", r.property().nearest().name());
        assertEquals(2, r.elements().size(), r.elements().toString());
        assertEquals(1, r.terrils().size());
        assertEquals(1, r.elements().stream().filter(e -> e.role() == HeritageRole.BUILDING).count());
    }

    @Test
    void pointJustOutsideTheBufferZone() throws Exception {
        // 25 m north of the buffer zone's northernmost vertex (651837.11938959, 7055339.12376343, found with
        // ST_PointN over its outline). GDAL: distance to the buffer zone 25.0002, to the property 1156.8765
        // (element 109 "Terril 244").
        ImpactReport r = point("651837.119 7055364.124");
        assertEquals(Situation.HORS, r.situation());
        assertEquals(25.0002, r.buffer().distance(), DIST_TOL);
        assertEquals(1156.8765, r.property().distance(), DIST_TOL);
        assertEquals("109", r.property().nearest().number());
        assertTrue(ImpactText.summary(r).contains("HORS DU BIEN INSCRIT ET DE SA ZONE TAMPON"));
    }

    @Test
    void farAway() throws Exception {
        // Arras. GDAL: buffer zone at 13475.1261 m, property at 13663.0235 m (element 76 "Paysage et ensemble miniers
        // des Pinchonvalles").
        ImpactReport r = point("684500 7020000");
        assertEquals(Situation.HORS, r.situation());
        assertEquals(13475.1261, r.buffer().distance(), DIST_TOL);
        assertEquals(13663.0235, r.property().distance(), DIST_TOL);
        assertEquals("76", r.property().nearest().number());
        assertTrue(r.elements().isEmpty());
        assertTrue(r.monuments().isEmpty());
        assertNull(r.property().components().stream().findFirst().orElse(null));
    }

    @Test
    void sameAnswerFromTheGeoPackageFixture() throws Exception {
        HeritageLayers gpkg = HeritageLayers.fromFiles(List.of(GeoData.require("fixtures/bassin_minier_l93.gpkg")));
        Map<String, HeritageRole> roles = gpkg.layers().stream().collect(Collectors.toMap(
                l -> l.layer().data().name(), HeritageLayers.RoleLayer::role));
        assertEquals(HeritageRole.PROPERTY, roles.get("bien_inscrit"));
        assertEquals(HeritageRole.BUFFER, roles.get("zone_tampon"));
        assertEquals(HeritageRole.TERRIL, roles.get("terrils_bien_inscrit"));
        assertEquals(HeritageRole.TERRIL, roles.get("terrils_zone_tampon"));
        assertEquals(HeritageRole.CITE, roles.get("cites_minieres_bien_inscrit"));
        assertEquals(HeritageRole.CITE, roles.get("cites_minieres_zone_tampon"));
        assertEquals(HeritageRole.SHAFT, roles.get("puits_de_mines"));
        assertEquals(HeritageRole.CAVALIER, roles.get("zt_cavaliers"));
        assertNull(roles.get("communes_mbm"));
        // The GeoPackage's own date: gpkg_contents.last_change.
        HeritageSource src = gpkg.layers().get(0).source();
        assertNotNull(src.date());
        assertTrue(src.dateOrigin().contains("GeoPackage"), src.dateOrigin());

        ImpactReport r = HeritageIndex.build(gpkg).check(FootprintReader.point(A, null), ImpactOptions.DEFAULT);
        assertEquals(Situation.BIEN, r.situation());
        assertEquals("81", r.property().components().get(0).number());
        // GDAL on the fixture itself: min(ST_Distance(zone_tampon, A)) = 31.7204680693832.
        assertEquals(31.7205, r.buffer().distance(), DIST_TOL);
    }

    @Test
    void latin1ShapefileRecognisedAndDated() throws Exception {
        HeritageLayers shp = HeritageLayers.fromFiles(List.of(
                GeoData.require("fixtures/shp_l93_latin1_cpg/terrils_bien_inscrit_l93.shp")));
        assertEquals(HeritageRole.TERRIL, shp.layers().get(0).role());
        assertTrue(shp.layers().get(0).source().dateOrigin().contains(".dbf"), shp.layers().get(0).source().dateOrigin());
    }

    @Test
    void checksMayRunOnSeveralThreadsAtOnce() throws Exception {
        // What a desktop does: checks off the UI thread, a new one before the last ended.
        List<String> inputs = List.of(A, "687229.348756 7042434.579586", "651837.119 7055364.124", "684500 7020000");
        List<String> serial = new java.util.ArrayList<>();
        for (String p : inputs) serial.add(ImpactJson.write(point(p), null));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> futures = new java.util.ArrayList<>();
            for (int round = 0; round < 25; round++) {
                for (String p : inputs) futures.add(pool.submit(() -> ImpactJson.write(point(p), null)));
            }
            for (int i = 0; i < futures.size(); i++) assertEquals(serial.get(i % inputs.size()), futures.get(i).get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCheckOnTheFullDataTakesMilliseconds() throws Exception {
        Footprint fp = FootprintReader.wkt("POLYGON((679887.655 7041193.205, 680087.655 7041193.205, "
                + "680087.655 7041393.205, 679887.655 7041393.205, 679887.655 7041193.205))", null);
        for (int i = 0; i < 200; i++) index.check(fp, ImpactOptions.DEFAULT);
        long[] ns = new long[200];
        for (int i = 0; i < ns.length; i++) {
            long t = System.nanoTime();
            index.check(fp, ImpactOptions.DEFAULT);
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        double median = ns[ns.length / 2] / 1e6;
        System.out.printf("impact check on the official data: median %.2f ms, p95 %.2f ms (index built in %.0f ms)%n",
                median, ns[(int) (ns.length * 0.95)] / 1e6, index.buildNanos() / 1e6);
        // Generous bound for a shared 2-core machine; the bench command prints the real figures.
        assertTrue(median < 50, "median " + median + " ms");
    }
}
