package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.io.DataException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

/**
 * The one way the windows run work off the FX thread (after JabRef's TaskExecutor): every task
 * is cancellable and reports its own progress, its result is delivered on the FX thread, and a
 * failure not handled by the caller goes to one place with a French message naming its source.
 * The runner owns every executor the UI uses, so closing it stops them all.
 */
public final class TaskRunner implements AutoCloseable {
    /** Work run off the FX thread; it reports progress and stops early when cancelled. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** What a piece of work sees of its task. */
    public interface Progress {
        /** {@code total} ≤ 0: how far is unknown (an indeterminate bar). */
        void update(double done, double total);

        boolean isCancelled();
    }

    private final Consumer<String> failures;
    private final ExecutorService pool;
    private final List<ExecutorService> owned = new CopyOnWriteArrayList<>();
    private final ObservableList<Task<?>> running = FXCollections.observableArrayList();
    private volatile boolean closed;

    /** @param failures shows a failure's message to the user (called on the FX thread) */
    public TaskRunner(Consumer<String> failures) {
        this.failures = failures;
        this.pool = own(Executors.newCachedThreadPool(daemons("atlas-task")));
    }

    /** Runs {@code work} in the background; a failure goes to the runner's failure handler. */
    public <T> Task<T> run(String source, Work<T> work, Consumer<T> onSuccess) {
        return run(source, work, onSuccess, null);
    }

    /**
     * Runs {@code work} in the background. {@code onSuccess} and {@code onFailure} run on the FX
     * thread; a null {@code onFailure} sends the failure to the runner's handler. A cancelled
     * task calls neither.
     */
    public <T> Task<T> run(String source, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return submit(pool, source, work, onSuccess, onFailure);
    }

    private <T> Task<T> submit(ExecutorService on, String source, Work<T> work, Consumer<T> onSuccess,
                               Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            {
                updateTitle(source);
                updateProgress(-1, 1);
            }

            private boolean stopped() {
                return isCancelled() || Thread.currentThread().isInterrupted();
            }

            @Override
            protected T call() throws Exception {
                return work.call(new Progress() {
                    @Override
                    public void update(double done, double total) {
                        updateProgress(total > 0 ? done : -1, total > 0 ? total : 1);
                    }

                    @Override
                    public boolean isCancelled() {
                        return stopped();
                    }
                });
            }
        };
        task.setOnSucceeded(e -> {
            running.remove(task);
            if (onSuccess != null) onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            running.remove(task);
            if (onFailure != null) onFailure.accept(task.getException());
            else fail(source, task.getException());
        });
        task.setOnCancelled(e -> running.remove(task));
        if (closed) {
            task.cancel();
            return task;
        }
        // Listed on the FX thread before any of its handlers can run there.
        if (Platform.isFxApplicationThread()) running.add(task);
        else Platform.runLater(() -> running.add(task));
        try {
            on.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            task.cancel();
        }
        return task;
    }

    /** Sends a failure the caller looked at first to the one place failures are shown (FX thread). */
    public void fail(String source, Throwable ex) {
        failures.accept(message(source, ex));
    }

    /** The message shown for a failure: a data error already names its file; others get the source. */
    static String message(String source, Throwable ex) {
        if (ex instanceof DataException) return ex.getMessage();
        String reason = ex.getMessage() == null || ex.getMessage().isBlank() ? ex.getClass().getSimpleName() : ex.getMessage();
        return Messages.get("task.failed", source, reason);
    }

    /** The tasks still running, in the order they started (FX thread). */
    public ObservableList<Task<?>> running() {
        return running;
    }

    /**
     * A status-bar strip with one small bar per running task (concurrent tasks each show their
     * own progress), hidden when nothing runs.
     */
    public Node progressView() {
        HBox box = new HBox(8);
        box.setAlignment(Pos.CENTER_LEFT);
        Runnable fill = () -> {
            box.getChildren().clear();
            for (Task<?> t : running) {
                ProgressBar bar = new ProgressBar();
                bar.setPrefWidth(110);
                bar.progressProperty().bind(t.progressProperty());
                Label name = new Label(t.getTitle());
                name.setMaxWidth(200);
                HBox one = new HBox(4, name, bar);
                one.setAlignment(Pos.CENTER_LEFT);
                Tooltip.install(one, new Tooltip(t.getTitle()));
                box.getChildren().add(one);
            }
            box.setVisible(!running.isEmpty());
            box.setManaged(!running.isEmpty());
        };
        running.addListener((ListChangeListener<Task<?>>) c -> fill.run());
        fill.run();
        return box;
    }

    /**
     * A single background thread owned by the runner (the map's render thread): closed with it.
     */
    public ScheduledExecutorService singleThread(String name) {
        return own(Executors.newSingleThreadScheduledExecutor(daemons(name)));
    }

    /**
     * For requests repeated quickly (a preview redrawn while the user types): each request cancels
     * the one before and waits {@code quiet} so that only the last of a burst runs; they run one
     * at a time on their own thread, so abandoned work never piles up.
     */
    public <T> Latest<T> latest(String threadName, Duration quiet) {
        return new Latest<>(singleThread(threadName), quiet);
    }

    /** See {@link #latest}; used on the FX thread. */
    public final class Latest<T> {
        private final ExecutorService thread;
        private final PauseTransition pause;
        private Task<T> current;

        private Latest(ExecutorService thread, Duration quiet) {
            this.thread = thread;
            this.pause = quiet.greaterThan(Duration.ZERO) ? new PauseTransition(quiet) : null;
        }

        public void submit(String source, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            cancel();
            if (pause == null) {
                current = TaskRunner.this.submit(thread, source, work, onSuccess, onFailure);
                return;
            }
            pause.setOnFinished(e -> current = TaskRunner.this.submit(thread, source, work, onSuccess, onFailure));
            pause.playFromStart();
        }

        /** Drops the waiting request and cancels the running one (its result is never delivered). */
        public void cancel() {
            if (pause != null) pause.stop();
            if (current != null) current.cancel();
            current = null;
        }

        /** Cancels and lets its thread go (the window that asked is closed). */
        public void close() {
            cancel();
            thread.shutdownNow();
            owned.remove(thread);
        }
    }

    private <E extends ExecutorService> E own(E executor) {
        owned.add(executor);
        return executor;
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Cancels every task and stops every executor, waiting a moment for work under way (a save)
     * to finish so the stores closed next are not closed under it.
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        for (Task<?> t : List.copyOf(running)) t.cancel();
        for (ExecutorService e : owned) e.shutdownNow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (ExecutorService e : owned) {
            try {
                e.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
