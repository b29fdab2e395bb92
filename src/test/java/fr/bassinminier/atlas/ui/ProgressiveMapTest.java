package fr.bassinminier.atlas.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.synthetic.FootprintGenerator;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.FeatureSource;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.LayerStyle;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.MapProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.render.Viewport;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Envelope;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A render still drawing after a quarter of a second is shown as it fills (a large layer read
 * from its file): the half drawn so far is on screen before the whole, which then replaces it.
 */
@ExtendWith(ApplicationExtension.class)
class ProgressiveMapTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger partials = new AtomicInteger();
    private final AtomicInteger landed = new AtomicInteger();
    private MapViewModel vm;
    private MapView map;
    private LoadedProject project;

    @BeforeAll
    static void needsADisplay() {
        WindowTests.needDisplay();
    }

    /** The footprints, read as a file would be, that stop half way until the test lets them go on. */
    private FeatureSource halting(VectorLayer whole) {
        return new FeatureSource() {
            @Override
            public void scan(Envelope area, Visitor visitor) {
                AtomicInteger n = new AtomicInteger();
                whole.scan(area, new Visitor() {
                    @Override
                    public void expect(int count) {
                        visitor.expect(count);
                    }

                    @Override
                    public void visit(Cursor c) {
                        if (n.incrementAndGet() == 2_000) {
                            try {
                                release.await(20, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        visitor.visit(c);
                    }
                });
            }

            @Override
            public fr.bassinminier.atlas.model.GeometryType geometryType() {
                return whole.geometryType();
            }

            @Override
            public fr.bassinminier.atlas.model.Schema schema() {
                return whole.schema();
            }

            @Override
            public Envelope bounds() {
                return whole.bounds();
            }
        };
    }

    @Start
    void start(Stage stage) {
        VectorLayer whole = FootprintGenerator.generate(8_000, 3, FootprintGenerator.LENS_X, FootprintGenerator.LENS_Y);
        VectorLayer streamed = VectorLayer.streamed("bati", CrsId.LAMBERT_93, halting(whole), whole.size(), whole::features);
        LayerEntry e = new LayerEntry("bati", "Bâti", null, "bati", null, true, 1,
                new LayerStyle("#785028", 1, "#DEBE96", 1, null, 6, null), null, null, false, null);
        ProjectLayer pl = ProjectLayer.loaded(e, streamed);
        project = new LoadedProject(new MapProject("t", CrsId.LAMBERT_93, null, List.of(e), List.of(), null), null, List.of(pl));
        vm = new MapViewModel();
        map = new MapView(vm);
        map.setRenderObserver(new MapView.RenderObserver() {
            @Override
            public void partial(Viewport view) {
                partials.incrementAndGet();
            }

            @Override
            public void landed(Viewport view) {
                landed.incrementAndGet();
            }
        });
        stage.setScene(new Scene(map, 500, 400));
        stage.show();
        vm.setProject(project, 500, 400);
    }

    private static int drawn(Image img) {
        int bg = img.getPixelReader().getArgb(0, 0);
        int n = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                if (img.getPixelReader().getArgb(x, y) != bg) n++;
            }
        }
        return n;
    }

    @Test
    void aSlowRenderIsShownAsItFillsThenWhole() throws Exception {
        // The render has stopped half way: what it has drawn is on screen, the render not over.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> partials.get() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, landed.get(), "the render is still drawing");
        int half = drawn(map.currentImage());
        assertTrue(half > 0, "part of the footprints on screen");
        release.countDown();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> landed.get() >= 1);
        WaitForAsyncUtils.waitForFxEvents();
        int all = drawn(map.currentImage());
        assertTrue(all > half, "the whole replaces the half: " + half + " → " + all);
        int seen = partials.get();
        Thread.sleep(600);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(seen, partials.get(), "no image of a finished render after its own");
    }
}
