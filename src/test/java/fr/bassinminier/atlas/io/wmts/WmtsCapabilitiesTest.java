package fr.bassinminier.atlas.io.wmts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.tiles.Basemap;
import fr.bassinminier.atlas.model.tiles.Basemaps;
import fr.bassinminier.atlas.model.tiles.TileKey;
import fr.bassinminier.atlas.model.tiles.TileMatrix;
import fr.bassinminier.atlas.model.tiles.TileMatrixSet;
import fr.bassinminier.atlas.testsupport.TestTileServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WmtsCapabilitiesTest {
    private static WmtsCapabilities caps;

    @BeforeAll
    static void read() throws Exception {
        Path f = TestTileServer.capabilitiesFile();
        Assumptions.assumeTrue(f != null, "../shared/services absent : test ignoré");
        try (InputStream in = Files.newInputStream(f)) {
            caps = WmtsCapabilities.read(in, f.getFileName().toString());
        }
    }

    @Test
    void readsTheGeoplateformeDocument() {
        assertEquals("https://data.geopf.fr/wmts", caps.getTileUrl());
        assertTrue(caps.layers().size() > 300, "couches : " + caps.layers().size());
        TileMatrixSet pm = caps.matrixSets().get("PM");
        assertEquals(CrsId.WEB_MERCATOR, pm.crs());
        assertEquals(TileMatrixSet.WEB_MERCATOR_HALF, -pm.matrix(0).topLeftX(), 1e-6);
        // Level 0 of PM: 559 082 264 at the 0.28 mm pixel, i.e. 156 543.03 m per pixel.
        assertEquals(156543.03392804097, pm.matrix(0).resolution(), 1e-6);
        assertEquals(CrsId.LAMBERT_93, caps.matrixSets().get("LAMB93_5cm").crs());
        var plan = caps.layer("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2").orElseThrow();
        assertEquals("normal", plan.defaultStyle());
        assertEquals("PM_0_19", plan.links().get(0).matrixSet());
        assertEquals(20, plan.links().get(0).limits().size());
    }

    @Test
    void presetsAgreeWithTheCapabilities() throws ServiceException {
        for (Basemap preset : Basemaps.presets(Basemaps.GEOPLATEFORME_WMTS)) {
            Basemap fromCaps = caps.basemap(preset.layer(), null, "test");
            assertEquals(preset.matrixSet().id(), fromCaps.matrixSet().id(), preset.id());
            assertEquals(preset.format(), fromCaps.format(), preset.id());
            assertEquals(preset.style(), fromCaps.style(), preset.id());
            assertEquals(preset.matrixSet().matrices().size(), fromCaps.matrixSet().matrices().size(), preset.id());
            for (int i = 0; i < preset.matrixSet().matrices().size(); i++) {
                TileMatrix a = preset.matrixSet().matrix(i);
                TileMatrix b = fromCaps.matrixSet().matrix(i);
                assertEquals(a.id(), b.id());
                assertEquals(1, a.resolution() / b.resolution(), 1e-9, preset.id() + " niveau " + a.id());
                assertEquals(a.topLeftX(), b.topLeftX(), 1e-3);
            }
        }
    }

    @Test
    void layerLimitsRestrictTheMatrixSet() throws ServiceException {
        Basemap bio = caps.basemap("ACCES.BIOMETHANE", null, "test");
        assertEquals("6", bio.matrixSet().matrix(0).id());
        TileMatrix z8 = bio.matrixSet().matrix(2);
        assertEquals(124, z8.minCol());
        assertEquals(134, z8.maxCol());
        assertEquals(85, z8.minRow());
        assertEquals(95, z8.maxRow());
        assertFalse(z8.contains(123, 90));
    }

    @Test
    void getTileRequestIsKvp() throws ServiceException {
        Basemap plan = caps.basemap("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "© IGN – Plan IGN v2", "test");
        assertEquals("https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
                + "&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&FORMAT=image%2Fpng&TILEMATRIXSET=PM_0_19"
                + "&TILEMATRIX=14&TILEROW=5467&TILECOL=8320", plan.tileUrl(new TileKey(14, 8320, 5467)));
    }

    @Test
    void xyzTemplates() {
        Basemap osm = Basemaps.xyz("https://tile.example.org/{z}/{x}/{y}.png", "© contributeurs OSM", 19);
        assertEquals("https://tile.example.org/14/8320/5467.png", osm.tileUrl(new TileKey(14, 8320, 5467)));
        Basemap tms = Basemaps.xyz("https://tms.example.org/{z}/{x}/{-y}.png", "x", 19);
        assertEquals("https://tms.example.org/2/1/2.png", tms.tileUrl(new TileKey(2, 1, 1)));
    }

    @Test
    void hostileXmlIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Capabilities><Contents>&x;</Contents></Capabilities>";
        ServiceException e = assertThrows(ServiceException.class, () -> WmtsCapabilities.read(
                new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8)), "hostile.xml"));
        assertTrue(e.getMessage().startsWith("hostile.xml : "), e.getMessage());
        ServiceException notWmts = assertThrows(ServiceException.class, () -> WmtsCapabilities.read(
                new ByteArrayInputStream("<html><body/></html>".getBytes(StandardCharsets.UTF_8)), "page.html"));
        assertTrue(notWmts.getMessage().contains("capacités WMTS"), notWmts.getMessage());
        ServiceException broken = assertThrows(ServiceException.class, () -> WmtsCapabilities.read(
                new ByteArrayInputStream("<Capabilities><Contents>".getBytes(StandardCharsets.UTF_8)), "coupé.xml"));
        assertTrue(broken.getMessage().contains("mal formé"), broken.getMessage());
    }
}
