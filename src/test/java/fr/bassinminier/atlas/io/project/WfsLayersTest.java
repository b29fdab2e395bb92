package fr.bassinminier.atlas.io.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.io.wfs.WfsSource;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.MapProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.model.project.Provenance;
import fr.bassinminier.atlas.testsupport.ReplayServer;
import fr.bassinminier.atlas.testsupport.ReplayServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * WFS layers in project files: saved with their source and provenance, opened again from the
 * service (every page), from the dated cache with a notice when the service is out of reach,
 * and brought up to date with a summary — a download that fails half-way changes nothing.
 */
class WfsLayersTest {
    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
    private Path dir;

    /** One feature: id, name, a 5 m square at x. */
    record F(int id, String name, double x) {
    }

    static String page(List<F> all, int start, int count) {
        StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        int end = Math.min(all.size(), start + count);
        for (int i = start; i < end; i++) {
            F f = all.get(i);
            double y = 7041000;
            if (i > start) b.append(',');
            b.append("{\"type\":\"Feature\",\"id\":\"terril.").append(f.id()).append("\",\"geometry\":{\"type\":\"Polygon\",")
                    .append("\"coordinates\":[[[").append(f.x()).append(',').append(y).append("],[").append(f.x() + 5).append(',')
                    .append(y).append("],[").append(f.x() + 5).append(',').append(y + 5).append("],[").append(f.x()).append(',')
                    .append(y + 5).append("],[").append(f.x()).append(',').append(y).append("]]]},\"properties\":{\"NO_TERRIL\":")
                    .append(f.id()).append(",\"NOM\":\"").append(f.name()).append("\"}}");
        }
        b.append("],\"numberMatched\":").append(all.size()).append(",\"numberReturned\":").append(end - start)
                .append(",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::2154\"}}}");
        return b.toString();
    }

    static List<F> v1() {
        List<F> l = new ArrayList<>();
        for (int i = 1; i <= 5; i++) l.add(new F(i, "Terril " + i, 680000 + 20 * i));
        return l;
    }

    /** 2 removed, 3 renamed, 6 added. */
    static List<F> v2() {
        List<F> l = new ArrayList<>(v1());
        l.remove(1);
        l.set(1, new F(3, "Terril 3 (renommé)", 680060));
        l.add(new F(6, "Terril 6", 680120));
        return l;
    }

    static Reply serve(Map<String, String> p, AtomicReference<List<F>> data, int failFrom) {
        if (!"GetFeature".equals(p.get("REQUEST"))) return new Reply(400, "text/plain", "?".getBytes(), 0);
        int start = Integer.parseInt(p.getOrDefault("STARTINDEX", "0"));
        int count = Integer.parseInt(p.getOrDefault("COUNT", "1000"));
        if (failFrom >= 0 && start >= failFrom) return new Reply(503, "text/plain", new byte[0], 0);
        return Reply.ok("application/json", page(data.get(), start, count));
    }

    @BeforeEach
    void cache() throws Exception {
        dir = Files.createTempDirectory("atlas-wfs-project");
        System.setProperty("atlas.servicesCache", dir.resolve("cache").toString());
        System.setProperty("atlas.serviceTimeout", "3");
    }

    @AfterEach
    void clear() {
        System.clearProperty("atlas.servicesCache");
        System.clearProperty("atlas.serviceTimeout");
    }

    private static MapProject project(LayerEntry e) {
        return new MapProject("Test WFS", CrsId.LAMBERT_93, new Envelope(679000, 682000, 7040000, 7042000), List.of(e),
                List.of(), null);
    }

    @Test
    void aWfsLayerIsSavedAndOpensAgainThenFromItsCacheWhenTheServiceIsGone() throws Exception {
        AtomicReference<List<F>> data = new AtomicReference<>(v1());
        Path file = dir.resolve("wfs.atlas.json");
        String source;
        try (ReplayServer s = new ReplayServer(p -> serve(p, data, -1))) {
            WfsSource src = WfsSource.parse("wfs:" + s.uri("/geoserver/ows") + "?typeName=mission_bassin_minier:zt_terrils"
                    + "&count=2&bbox=679000,7040000,682000,7042000");
            LayerEntry e = WfsLayers.entry(src, "Terrils (WFS)", "Mission Bassin Minier");
            source = e.source();
            ProjectFile.write(file, project(e));
            LoadedProject p = ProjectLoader.open(file);
            ProjectLayer l = p.layers().get(0);
            assertNull(l.error(), l.error());
            assertEquals(5, l.data().size(), "every page, each feature once");
            assertNull(l.notice());
            assertEquals(3, s.requests().size(), "3 pages of 2");
            assertEquals("679000.0,7040000.0,682000.0,7042000.0,urn:ogc:def:crs:EPSG::2154", s.requests().get(0).get("BBOX"));
            Provenance pv = l.entry().provenance();
            assertEquals("Mission Bassin Minier", pv.producer());
            assertEquals(TODAY, pv.date());
            assertTrue(pv.url().contains("typeName=mission_bassin_minier:zt_terrils"), pv.url());
            // The file keeps the source as written, with its box and page size.
            String json = Files.readString(file);
            assertTrue(json.contains("\"wfs:http://127.0.0.1:"), json);
            assertTrue(json.contains("count=2"), json);
            // Save as elsewhere: a service address is not a path to rebase.
            LoadedProject moved = LayerImport.saveAs(p, dir.resolve("ailleurs").resolve("copie.atlas.json"));
            assertEquals(source, moved.layers().get(0).entry().source());
        }
        // The service is gone (connection refused): the cached copy, and a notice that says so with its date.
        LoadedProject offline = ProjectLoader.open(file);
        ProjectLayer l = offline.layers().get(0);
        assertNull(l.error(), l.error());
        assertEquals(5, l.data().size());
        assertNotNull(l.notice());
        assertTrue(l.notice().contains("Terrils (WFS)") && l.notice().contains("injoignable")
                && l.notice().contains("copie en cache du " + TODAY), l.notice());
        assertEquals(List.of(l.notice()), offline.notices());
        // No cache either: the layer fails with a French message naming the service; the project still opens.
        System.setProperty("atlas.servicesCache", dir.resolve("empty-cache").toString());
        LoadedProject none = ProjectLoader.open(file);
        String err = none.layers().get(0).error();
        assertNotNull(err);
        assertTrue(err.startsWith("Couche « Terrils (WFS) » : Service « 127.0.0.1:"), err);
    }

    @Test
    void refreshSummarisesTheChangesAndDatesTheCopy() throws Exception {
        AtomicReference<List<F>> data = new AtomicReference<>(v1());
        try (ReplayServer s = new ReplayServer(p -> serve(p, data, -1))) {
            WfsSource src = WfsSource.parse("wfs:" + s.uri("/ows") + "?typeName=mbm:zt_terrils&count=2");
            LayerEntry e = WfsLayers.entry(src, "Terrils", "Mission Bassin Minier");
            ProjectLayer loaded = WfsLayers.load(e, WfsLayers.http(), CrsId.LAMBERT_93);
            // as if the copy had been made long ago
            Provenance old = loaded.entry().provenance();
            ProjectLayer before = loaded.withEntry(loaded.entry().withProvenance(new Provenance(old.producer(), old.dataset(),
                    old.licence(), old.url(), "2020-01-02", null, false, null), null));
            data.set(v2());
            WfsLayers.Refreshed r = WfsLayers.refresh(before, WfsLayers.http(), CrsId.LAMBERT_93, null, 0.5);
            assertEquals("no_terril", r.diff().key().toLowerCase());
            assertEquals(List.of("6"), r.diff().added());
            assertEquals(List.of("2"), r.diff().removed());
            assertEquals(List.of("3"), r.diff().modified());
            assertEquals("1 ajouté, 1 supprimé, 1 modifié, 3 inchangés", r.summary());
            assertEquals(5, r.layer().data().size());
            assertEquals(TODAY, r.layer().entry().provenance().date());
            assertEquals(e.id(), r.layer().entry().id());
        }
    }

    @Test
    void aDownloadThatFailsHalfWayChangesNothing() throws Exception {
        AtomicReference<List<F>> data = new AtomicReference<>(v1());
        int[] failFrom = {-1};
        try (ReplayServer s = new ReplayServer(p -> serve(p, data, failFrom[0]))) {
            WfsSource src = WfsSource.parse("wfs:" + s.uri("/ows") + "?typeName=mbm:zt_terrils&count=2");
            ProjectLayer before = WfsLayers.load(WfsLayers.entry(src, "Terrils", null), WfsLayers.http(), CrsId.LAMBERT_93);
            data.set(v2());
            failFrom[0] = 2; // the second page fails
            int asked = s.requests().size();
            ServiceException ex = assertThrows(ServiceException.class,
                    () -> WfsLayers.refresh(before, WfsLayers.http(), CrsId.LAMBERT_93, null, 0.5));
            assertTrue(ex.getMessage().startsWith("Service « 127.0.0.1:"), ex.getMessage());
            assertTrue(ex.getMessage().contains("GetFeature mbm:zt_terrils"), ex.getMessage());
            assertEquals(2, s.requests().size() - asked, "page 1 read, page 2 failed");
            // The caller's layer is what it keeps: same data, same date.
            assertEquals(5, before.data().size());
            assertEquals(TODAY, before.entry().provenance().date());
        }
    }

    @Test
    void refreshRefusesTheCachedCopyOfAServiceOutOfReach() throws Exception {
        AtomicReference<List<F>> data = new AtomicReference<>(v1());
        ProjectLayer before;
        try (ReplayServer s = new ReplayServer(p -> serve(p, data, -1))) {
            WfsSource src = WfsSource.parse("wfs:" + s.uri("/ows") + "?typeName=mbm:zt_terrils&count=2");
            before = WfsLayers.load(WfsLayers.entry(src, "Terrils", null), WfsLayers.http(), CrsId.LAMBERT_93);
        }
        ProjectLayer kept = before;
        ServiceException ex = assertThrows(ServiceException.class,
                () -> WfsLayers.refresh(kept, WfsLayers.http(), CrsId.LAMBERT_93, null, 0.5));
        assertTrue(ex.getMessage().contains("injoignable") && ex.getMessage().contains("n'est pas mise à jour"), ex.getMessage());
        // while opening the project, the same cache is welcome
        ProjectLayer reopened = WfsLayers.load(before.entry(), WfsLayers.http(), CrsId.LAMBERT_93);
        assertEquals(5, reopened.data().size());
        assertFalse(reopened.notice() == null);
    }
}
