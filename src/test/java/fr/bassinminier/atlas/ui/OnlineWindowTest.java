package fr.bassinminier.atlas.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.testsupport.ReplayServer;
import fr.bassinminier.atlas.testsupport.ReplayServer.Reply;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Envelope;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's online services against a local server replaying the Géoplateforme's real
 * capabilities and API Carto's answer format: Couche › Ajouter une couche WFS…, Mettre à jour
 * depuis la source officielle, and parcels (typed or picked on the map) as the footprint of the
 * heritage check with the easements and zoning consulted. The parcel, easement and zone answers
 * are synthetic (a parcel in Mazingarbe, on the official perimeters). With
 * {@code -Datlas.shots=DIR} the dialog and the heritage window are saved as DIR/wfs-dialog.png
 * and DIR/impact-parcelle-fenetre.png.
 */
@ExtendWith(ApplicationExtension.class)
class OnlineWindowTest {
    /** A 40 m × 30 m parcel in Mazingarbe (Lambert-93), across the property and its buffer zone. */
    static final double[][] PARCEL = {{679950, 7041250}, {679990, 7041250}, {679990, 7041280}, {679950, 7041280}, {679950, 7041250}};
    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
    private static ReplayServer server;
    private static final AtomicReference<String> zoning = new AtomicReference<>();
    private AtlasApp app;

    static String parcelAnswer() {
        return fr.bassinminier.atlas.testsupport.ApiCartoAnswers.parcel(PARCEL);
    }

    static final String SUP = """
            {"type":"FeatureCollection","numberMatched":1,"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2154"}},
             "features":[{"type":"Feature","id":"assiette_sup_s.1","geometry":{"type":"Polygon","coordinates":[[[679600,7040900],[680300,7040900],[680300,7041600],[679600,7041600],[679600,7040900]]]},
              "properties":{"suptype":"ac1","typeass":"Périmètre des abords","nomass":"Exemple synthétique — abords d'un monument historique","idgen":"AC1_EXEMPLE_1","datesrc":"20190415"}}]}""";

    static String zones(String... parts) {
        return "{\"type\":\"FeatureCollection\",\"numberMatched\":" + parts.length + ",\"crs\":{\"type\":\"name\","
                + "\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::2154\"}},\"features\":[" + String.join(",", parts) + "]}";
    }

    static String zone(int gid, String code, double x0, double x1) {
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"id\":\"zone_urba.%d\",\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[%.0f,7041000],[%.0f,7041000],[%.0f,7042000],[%.0f,7042000],[%.0f,7041000]]]},"
                + "\"properties\":{\"gid\":%d,\"libelle\":\"%s\",\"libelong\":\"Exemple synthétique — zone %s\","
                + "\"typezone\":\"%s\",\"idurba\":\"EXEMPLE_PLUi_20200101\",\"datappro\":\"20200101\"}}",
                gid, x0, x1, x1, x0, x0, gid, code, code, code.substring(0, 1));
    }

    static final String ZONES_V1 = zones(zone(1, "UP", 679000, 679975), zone(2, "N", 679975, 681000), zone(3, "A", 681000, 682000));
    /** 3 removed, 2 renamed, 4 added. */
    static final String ZONES_V2 = zones(zone(1, "UP", 679000, 679975), zone(2, "NL", 679975, 681000), zone(4, "AU", 682000, 683000));

    private static final Pattern POINT = Pattern.compile("\\[([-0-9.]+),([-0-9.]+)]");

    static Reply replay(Map<String, String> p) {
        String path = p.get("PATH");
        if (path.startsWith("/api/cadastre/")) {
            boolean here = "62563".equals(p.get("CODE_INSEE"));
            if (p.containsKey("GEOM")) {
                Matcher m = POINT.matcher(p.get("GEOM"));
                if (m.find()) {
                    double[] xy = CrsTransforms.between(CrsId.WGS84, CrsId.LAMBERT_93)
                            .apply(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
                    here = xy[0] > 679950 && xy[0] < 679990 && xy[1] > 7041250 && xy[1] < 7041280;
                }
            }
            return here ? Reply.ok("application/json", parcelAnswer())
                    : Reply.ok("application/json", ReplayServer.resource("apicarto-cadastre-parcelle-empty.json"));
        }
        if (path.startsWith("/broken")) return new Reply(500, "text/plain", new byte[0], 0);
        if ("GetCapabilities".equals(p.get("REQUEST"))) {
            return Reply.ok("text/xml", ReplayServer.resource("geoplateforme-wfs-capabilities.xml"));
        }
        String zones = zoning.get();
        return switch (p.getOrDefault("TYPENAMES", "")) {
            case "wfs_sup:assiette_sup_s" -> Reply.ok("application/json", SUP);
            case "wfs_du:zone_urba" -> zones == null ? new Reply(503, "text/plain", new byte[0], 0)
                    : Reply.ok("application/json", zones);
            default -> new Reply(400, "text/xml", new byte[0], 0);
        };
    }

    @BeforeAll
    static void serve() throws Exception {
        WindowTests.needDisplay();
        server = new ReplayServer(OnlineWindowTest::replay);
        System.setProperty("atlas.wfs.url", server.uri("/wfs").toString());
        System.setProperty("atlas.cadastre.url", server.uri("/api/cadastre/").toString());
        System.setProperty("atlas.background", "aucun");
    }

    @AfterAll
    static void stop() {
        System.clearProperty("atlas.wfs.url");
        System.clearProperty("atlas.cadastre.url");
        System.clearProperty("atlas.servicesCache");
        if (server != null) server.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("atlas.servicesCache", Files.createTempDirectory("atlas-services").toString());
        zoning.set(ZONES_V1);
        app = AtlasApp.showOn(stage, Optional.of(OfficialMapWindowTest.officialCopy()));
        stage.setWidth(1400);
        stage.setHeight(860);
    }

    private void waitForMap(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.mapView().currentImage() != null
                && app.window().records().progressProperty().get() != null);
        robot.interact(() -> app.viewModel().zoomTo(new Envelope(679400, 680500, 7040950, 7041600)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void shot(FxRobot robot, Scene scene, String name) throws Exception {
        Shots.save(robot, scene, name, 1200);
    }

    @Test
    void theWfsDialogAddsALayerOfTheViewWithItsProvenanceAndRefreshesIt(FxRobot robot) throws Exception {
        waitForMap(robot);
        WfsLayerDialog[] d = new WfsLayerDialog[1];
        // A service that fails: one French message naming it, in the dialog.
        robot.interact(() -> {
            d[0] = app.window().wfsDialog();
            d[0].urlField().setText(server.uri("/broken").toString());
            d[0].show();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !d[0].isBusy() && d[0].statusText().startsWith("Service"));
        assertTrue(d[0].statusText().startsWith("Service « 127.0.0.1:") && d[0].statusText().contains("HTTP 500"),
                d[0].statusText());
        // The Géoplateforme's real capabilities: 436 layers, filtered as one types.
        robot.interact(() -> {
            d[0].urlField().setText(server.uri("/wfs").toString());
            d[0].readCapabilities();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !d[0].isBusy() && FxThread.read(() -> d[0].typeList().getItems().size()) > 400);
        assertEquals(436, FxThread.read(() -> d[0].typeList().getItems().size()));
        robot.interact(() -> d[0].filterField().setText("urba"));
        assertTrue(FxThread.read(() -> d[0].typeList().getItems().stream().anyMatch(t -> t.name().equals("wfs_du:zone_urba"))));
        assertTrue(FxThread.read(() -> d[0].typeList().getItems().size()) < 20, "filtered: " + FxThread.read(() -> d[0].typeList().getItems().size()));
        Envelope view = app.viewModel().viewport().ground();
        robot.interact(() -> {
            d[0].typeList().getSelectionModel().select(d[0].typeList().getItems().stream()
                    .filter(t -> t.name().equals("wfs_du:zone_urba")).findFirst().orElseThrow());
            d[0].addSelected();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.viewModel().project().layer("zone-urba-wfs").isPresent());
        ProjectLayer l = app.viewModel().project().layer("zone-urba-wfs").orElseThrow();
        assertEquals(3, l.data().size());
        assertTrue(l.entry().source().startsWith("wfs:" + server.uri("/wfs") + "?typeName=wfs_du:zone_urba&bbox="),
                l.entry().source());
        assertEquals(TODAY, l.entry().provenance().date());
        assertTrue(l.entry().provenance().url().contains("typeName=wfs_du:zone_urba"), l.entry().provenance().url());
        assertTrue(app.viewModel().dirtyProperty().get(), "the project has changed");
        String bbox = server.requests().stream().filter(r -> "wfs_du:zone_urba".equals(r.get("TYPENAMES")))
                .map(r -> r.get("BBOX")).reduce((a, b) -> b).orElseThrow(); // the last: the dialog's
        assertTrue(bbox.startsWith(String.format(Locale.ROOT, "%.1f,", view.getMinX())), bbox + " vs " + view);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(d[0].statusText().contains("wfs_du:zone_urba ajoutée : 3 objet(s)"), d[0].statusText());
        shot(robot, d[0].dialog().getDialogPane().getScene(), "wfs-dialog.png");
        robot.interact(() -> d[0].dialog().close());

        // Mettre à jour depuis la source officielle: a summary, the new date; the layer replaced in its place.
        zoning.set(ZONES_V2);
        robot.interact(() -> app.window().refreshLayer("zone-urba-wfs"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.window().lastRefresh() != null);
        String summary = app.window().lastRefresh();
        assertTrue(summary.contains("1 ajouté, 1 supprimé, 1 modifié, 1 inchangé"), summary);
        ProjectLayer fresh = app.viewModel().project().layer("zone-urba-wfs").orElseThrow();
        assertTrue(fresh.data().features().stream().anyMatch(f -> "AU".equals(f.text("libelle"))));
        assertEquals(0, app.viewModel().project().layers().indexOf(fresh));

        // A service failing during the refresh: the message names it, the layer stays as it was.
        zoning.set(null);
        robot.interact(() -> app.window().refreshLayer("zone-urba-wfs"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.window().lastRefresh().startsWith("Service"));
        assertTrue(app.window().lastRefresh().contains("HTTP 503"), app.window().lastRefresh());
        assertTrue(app.viewModel().project().layer("zone-urba-wfs").orElseThrow() == fresh, "layer unchanged");
    }

    private String awaitAnswer(FxRobot robot, String expected) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !app.window().impact().isBusy()
                && app.window().impact().answerText().contains(expected));
        WaitForAsyncUtils.waitForFxEvents();
        return app.window().impact().answerText();
    }

    @Test
    void parcelsByReferenceAreTheFootprintAndTheEasementsAndZoningAreConsulted(FxRobot robot) throws Exception {
        waitForMap(robot);
        robot.interact(() -> {
            ImpactWindow w = app.window().impact();
            w.show();
            w.parcelField().setText("62563 AB 123");
            w.findParcels();
        });
        String answer = awaitAnswer(robot, "62563 000 AB 0123");
        assertTrue(answer.contains("Mazingarbe"), answer);
        assertTrue(answer.contains("contenance cadastrale"), answer);
        assertTrue(answer.contains("Abords de monuments historiques"), answer);
        assertTrue(answer.contains("Exemple synthétique — abords d'un monument historique"), answer);
        assertTrue(answer.contains("Exemple synthétique — zone UP") && answer.contains("Exemple synthétique — zone N"), answer);
        assertTrue(app.window().impact().lastProtections().allConsulted());
        assertEquals(1, app.window().impact().parcels().size());
        double area = app.window().impact().parcels().get(0).geometry().getArea();
        assertEquals(1200, area, 12, "the 40 m × 30 m parcel within 1 %");
        // The picture shows the online sections: the answer scrolled to them.
        robot.interact(() -> {
            var ta = (javafx.scene.control.TextArea) app.window().impact().answerNode();
            int line = (int) answer.substring(0, answer.indexOf("Abords de monuments historiques")).lines().count();
            ta.setScrollTop(Math.max(0, (line - 3) * 17.0));
        });
        shot(robot, app.window().impact().stage().getScene(), "impact-parcelle-fenetre.png");

        // Unticked and nothing cached: the answer says plainly that the services were not consulted.
        System.setProperty("atlas.servicesCache", Files.createTempDirectory("atlas-empty").toString());
        robot.interact(() -> {
            app.window().impact().onlineBox().setSelected(false);
            app.window().impact().findParcels();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !app.window().impact().isBusy()
                && app.window().impact().lastProtections() != null && !app.window().impact().lastProtections().allConsulted());
        WaitForAsyncUtils.waitForFxEvents();
        String offline = app.window().impact().answerText();
        assertTrue(offline.contains("non consulté"), offline);
        assertTrue(offline.contains("DANS LE BIEN") || offline.contains("Réponse"), "the UNESCO answer is still there: " + offline);
        assertTrue(app.window().impact().statusText().contains("non consultée"), app.window().impact().statusText());

        // A reference the cadastre does not know: a French error naming it.
        robot.interact(() -> {
            app.window().impact().onlineBox().setSelected(true);
            app.window().impact().parcelField().setText("62563 AB 999 ; 62999 ZZ 1");
            app.window().impact().findParcels();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !app.window().impact().isBusy()
                && app.window().impact().statusText().contains("introuvable"));
        assertTrue(app.window().impact().statusText().startsWith("Service « 127.0.0.1:"), app.window().impact().statusText());
    }

    @Test
    void aParcelPickedOnTheMapJoinsTheFootprintAndCanBeShownAsALayer(FxRobot robot) throws Exception {
        waitForMap(robot);
        robot.interact(() -> {
            app.window().impact().show();
            app.window().impact().pickToggle().setSelected(true);
        });
        var px = app.viewModel().viewport().toScreen(679970, 7041265);
        robot.interact(() -> app.window().clickMapAt(px.getX(), px.getY()));
        String answer = awaitAnswer(robot, "62563 000 AB 0123");
        assertTrue(answer.contains("Abords de monuments historiques"), answer);
        assertTrue(server.requests().stream().anyMatch(r -> r.containsKey("GEOM")), "asked by point");
        assertEquals("62563000AB0123", FxThread.read(() -> app.window().impact().parcelField().getText()));
        // A click off the parcel: nothing there, said in French; the footprint stays.
        var off = app.viewModel().viewport().toScreen(680300, 7041500);
        robot.interact(() -> app.window().clickMapAt(off.getX(), off.getY()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !app.window().impact().isBusy()
                && app.window().impact().statusText().contains("aucune parcelle"));
        assertEquals(1, app.window().impact().parcels().size());
        // Shown as a layer, saved as the cadastre's WFS layer over the parcel.
        assertFalse(app.window().impact().parcelLayerButton().isDisabled());
        robot.interact(() -> app.window().impact().addParcelLayer());
        ProjectLayer l = app.viewModel().project().layer("parcelles").orElseThrow();
        assertEquals(1, l.data().size());
        assertEquals("62563000AB0123", l.data().features().get(0).text("idu"));
        assertTrue(l.entry().source().contains("typeName=CADASTRALPARCELS.PARCELLAIRE_EXPRESS:parcelle&bbox="), l.entry().source());
        // The pick off: a click identifies again and asks the cadastre nothing.
        robot.interact(() -> app.window().impact().pickToggle().setSelected(false));
        long asked = server.requests().stream().filter(r -> r.containsKey("GEOM")).count();
        robot.interact(() -> app.window().clickMapAt(px.getX(), px.getY()));
        Thread.sleep(500);
        assertEquals(asked, server.requests().stream().filter(r -> r.containsKey("GEOM")).count());
        assertNotNull(app.window().impact().answerText());
    }
}
