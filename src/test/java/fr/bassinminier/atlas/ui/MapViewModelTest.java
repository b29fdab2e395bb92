package fr.bassinminier.atlas.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.project.ProjectLoader;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.render.Viewport;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MapViewModelTest {
    @BeforeAll
    static void french() {
        Messages.useLocale(Locale.FRANCE);
    }

    private static MapViewModel withDemo() throws Exception {
        LoadedProject p = ProjectLoader.open(fr.bassinminier.atlas.analysis.TestProjects.legacyDemo());
        MapViewModel vm = new MapViewModel();
        vm.setProject(p, 1000, 600);
        return vm;
    }

    @Test
    void opensOnTheProjectExtentAndShowsTheScale() throws Exception {
        MapViewModel vm = withDemo();
        Viewport v = vm.viewportProperty().get();
        assertTrue(v.ground().contains(vm.project().initialExtent()));
        assertTrue(vm.scaleTextProperty().get().startsWith("1:"), vm.scaleTextProperty().get());
    }

    @Test
    void zoomAndPanMoveTheView() throws Exception {
        MapViewModel vm = withDemo();
        Viewport v0 = vm.viewportProperty().get();
        vm.zoom(2);
        assertEquals(v0.resolution() / 2, vm.viewportProperty().get().resolution(), 1e-9);
        vm.pan(100, 0);
        assertEquals(v0.centerX() - 100 * v0.resolution() / 2, vm.viewportProperty().get().centerX(), 1e-6);
        vm.zoomToFull();
        assertTrue(vm.viewportProperty().get().ground().contains(vm.project().fullExtent()));
    }

    @Test
    void pointerPositionIsGivenInLambert93AndWgs84() throws Exception {
        MapViewModel vm = withDemo();
        vm.viewportProperty().set(new Viewport(688117.392, 7037177.038, 10, 200, 200));
        vm.pointerAt(100, 100);
        String s = vm.positionTextProperty().get();
        assertTrue(s.contains("688") && s.contains("7 037 177".replace(' ', '\u202f')) || s.contains("7\u00a0037\u00a0177")
                || s.contains("7 037 177"), s);
        assertTrue(s.contains("50,43200° N") && s.contains("2,83300° E"), s);
    }

    @Test
    void hidingALayerKeepsTheOthers() throws Exception {
        MapViewModel vm = withDemo();
        vm.setLayerVisible("cites", false);
        assertFalse(vm.project().layers().stream().filter(l -> l.entry().id().equals("cites")).findFirst()
                .orElseThrow().entry().visible());
        assertTrue(vm.project().layers().stream().filter(l -> l.entry().id().equals("terrils")).findFirst()
                .orElseThrow().entry().visible());
    }

    @Test
    void typedScalesAreUnderstoodInFrenchForms() throws Exception {
        MapViewModel vm = withDemo();
        for (String typed : new String[] {"25000", "1:25 000", "1/25.000", "1 : 25\u202f000"}) {
            assertTrue(vm.setScale(typed), typed);
            assertEquals(25000, vm.viewportProperty().get().scaleDenominator(), 0.5, typed);
        }
        double before = vm.viewportProperty().get().resolution();
        assertFalse(vm.setScale("vingt-cinq mille"));
        assertFalse(vm.setScale("1:0"));
        assertEquals(before, vm.viewportProperty().get().resolution(), 0);
    }

    @Test
    void backAndForwardWalkTheViewHistory() throws Exception {
        MapViewModel vm = withDemo();
        Viewport start = vm.viewportProperty().get();
        assertFalse(vm.canGoBackProperty().get());
        vm.zoom(2);
        vm.setScale("10000");
        vm.back();
        assertEquals(start.resolution() / 2, vm.viewportProperty().get().resolution(), 1e-9);
        vm.back();
        assertEquals(start.resolution(), vm.viewportProperty().get().resolution(), 1e-9);
        assertFalse(vm.canGoBackProperty().get());
        assertTrue(vm.canGoForwardProperty().get());
        vm.forward();
        vm.forward();
        assertEquals(10000, vm.viewportProperty().get().scaleDenominator(), 0.5);
        // A new view after going back drops the forward branch.
        vm.back();
        vm.zoom(3);
        assertFalse(vm.canGoForwardProperty().get());
    }

    @Test
    void layersCanBeReorderedRemovedAndFaded() throws Exception {
        MapViewModel vm = withDemo();
        vm.moveLayer("zone-tampon", 0);
        assertEquals("zone-tampon", vm.project().layers().get(0).entry().id());
        assertEquals("zone-tampon", vm.project().project().layers().get(0).id(), "entries follow the layers");
        vm.setLayerOpacity("cites", 0.4);
        assertEquals(0.4, vm.project().layer("cites").orElseThrow().entry().opacity(), 1e-9);
        int n = vm.project().layers().size();
        vm.removeLayer("terrils");
        assertEquals(n - 1, vm.project().layers().size());
        assertTrue(vm.project().layer("terrils").isEmpty());
        assertTrue(vm.dirtyProperty().get());
    }

    @Test
    void zoomToALayerShowsAllOfIt() throws Exception {
        MapViewModel vm = withDemo();
        vm.zoomToLayer("terrils");
        var bounds = vm.project().layer("terrils").orElseThrow().data().bounds();
        assertTrue(vm.viewportProperty().get().ground().contains(bounds));
        assertTrue(vm.viewportProperty().get().resolution() < 100);
    }

    @Test
    void aLayerFilterShowsOnlyTheChosenValue() throws Exception {
        MapViewModel vm = withDemo();
        vm.filterLayer("cites", "epci", "CAVM");
        var cites = vm.project().layer("cites").orElseThrow();
        long shown = cites.data().features().stream().filter(f -> cites.shown().test(f)).count();
        long cavm = cites.data().features().stream().filter(f -> "CAVM".equals(f.get("epci"))).count();
        assertTrue(cavm > 0);
        assertEquals(cavm, shown);
        vm.filterLayer("cites", null, null);
        assertTrue(vm.project().layer("cites").orElseThrow().shown() == null);
    }
}
