package fr.bassinminier.atlas.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.DataException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The UI's task runner: results on the FX thread, cancellation, progress per task, one place for failures. */
@ExtendWith(ApplicationExtension.class)
class TaskRunnerTest {
    private final List<String> shown = new CopyOnWriteArrayList<>();
    private TaskRunner runner;

    @BeforeAll
    static void needsADisplay() {
        WindowTests.needDisplay();
    }

    @Start
    void start(Stage stage) {
        runner = new TaskRunner(shown::add);
    }

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void workRunsOffTheFxThreadAndItsResultLandsOnIt(FxRobot robot) throws Exception {
        AtomicReference<Thread> worker = new AtomicReference<>();
        AtomicReference<Thread> delivered = new AtomicReference<>();
        AtomicReference<Integer> result = new AtomicReference<>();
        robot.interact(() -> runner.run("somme", pr -> {
            worker.set(Thread.currentThread());
            return 40 + 2;
        }, v -> {
            delivered.set(Thread.currentThread());
            result.set(v);
        }));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> result.get() != null);
        assertEquals(42, result.get());
        assertTrue(delivered.get().getName().contains("JavaFX Application Thread"), delivered.get().getName());
        assertNotSame(delivered.get(), worker.get());
        assertFalse(worker.get().getName().contains("JavaFX"), worker.get().getName());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.running().isEmpty());
    }

    @Test
    void eachTaskReportsItsOwnProgress(FxRobot robot) throws Exception {
        CountDownLatch reported = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        TaskRunner.Work<Void> work1 = pr -> {
            pr.update(1, 4);
            reported.countDown();
            release.await();
            return null;
        };
        TaskRunner.Work<Void> work2 = pr -> {
            pr.update(3, 4);
            reported.countDown();
            release.await();
            return null;
        };
        AtomicReference<Task<Void>> a = new AtomicReference<>();
        AtomicReference<Task<Void>> b = new AtomicReference<>();
        robot.interact(() -> {
            a.set(runner.run("lecture a.shp", work1, v -> { }));
            b.set(runner.run("lecture b.shp", work2, v -> { }));
        });
        assertTrue(reported.await(10, TimeUnit.SECONDS));
        // A task's state is read on the FX thread.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> a.get().getProgress() == 0.25 && b.get().getProgress() == 0.75).get());
        assertEquals(List.of(a.get(), b.get()), WaitForAsyncUtils.asyncFx(() -> List.copyOf(runner.running())).get());
        assertEquals("lecture a.shp", WaitForAsyncUtils.asyncFx(() -> a.get().getTitle()).get());
        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.running().isEmpty());
    }

    @Test
    void aCancelledTaskStopsAndDeliversNothing(FxRobot robot) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean sawCancel = new AtomicBoolean();
        AtomicBoolean delivered = new AtomicBoolean();
        AtomicReference<Task<String>> t = new AtomicReference<>();
        robot.interact(() -> t.set(runner.run("longue", pr -> {
            started.countDown();
            while (!pr.isCancelled()) Thread.onSpinWait();
            sawCancel.set(true);
            return "fini";
        }, v -> delivered.set(true))));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        robot.interact(() -> t.get().cancel());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, sawCancel::get);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.running().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(delivered.get());
        assertTrue(shown.isEmpty(), "a cancellation is not a failure: " + shown);
    }

    @Test
    void failuresGoToOnePlaceNamingTheirSource(FxRobot robot) throws Exception {
        robot.interact(() -> {
            runner.run("Ouverture de carte.atlas.json", pr -> {
                throw new IllegalStateException("flux coupé");
            }, v -> { });
            runner.run("lecture", pr -> {
                throw new DataException(Path.of("cites.shp"), DataException.Problem.CORRUPT, "fichier tronqué.");
            }, v -> { });
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown.size() == 2);
        assertTrue(shown.contains("Échec — Ouverture de carte.atlas.json : flux coupé"), shown.toString());
        // A data error already names its file: shown as it is.
        assertTrue(shown.stream().anyMatch(m -> m.contains("cites.shp") && m.contains("fichier tronqué.")), shown.toString());
    }

    @Test
    void aLaterRequestCancelsTheEarlierOneAndOnlyTheLastIsDelivered(FxRobot robot) throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        AtomicBoolean firstSawCancel = new AtomicBoolean();
        List<String> delivered = new CopyOnWriteArrayList<>();
        AtomicReference<TaskRunner.Latest<String>> latest = new AtomicReference<>();
        robot.interact(() -> {
            latest.set(runner.latest("essai-apercu", Duration.ZERO));
            latest.get().submit("aperçu", pr -> {
                firstStarted.countDown();
                while (!pr.isCancelled()) Thread.onSpinWait();
                firstSawCancel.set(true);
                return "premier";
            }, delivered::add, e -> delivered.add("échec"));
        });
        assertTrue(firstStarted.await(10, TimeUnit.SECONDS));
        robot.interact(() -> latest.get().submit("aperçu", pr -> "second", delivered::add, e -> delivered.add("échec")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> delivered.contains("second"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(firstSawCancel.get());
        assertEquals(List.of("second"), delivered);
    }

    @Test
    void closingStopsEveryThreadItOwns(FxRobot robot) throws Exception {
        var render = runner.singleThread("essai-rendu");
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        robot.interact(() -> runner.run("attente", pr -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            return null;
        }, v -> { }));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        robot.interact(runner::close);
        assertTrue(render.isShutdown());
        assertTrue(interrupted.get(), "the running task was interrupted and waited for");
        // Work asked for afterwards never runs.
        AtomicBoolean ran = new AtomicBoolean();
        robot.interact(() -> runner.run("après", pr -> {
            ran.set(true);
            return null;
        }, v -> { }));
        Platform.runLater(() -> { });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(ran.get());
    }
}
