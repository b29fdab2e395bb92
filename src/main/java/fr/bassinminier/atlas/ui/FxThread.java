package fr.bassinminier.atlas.ui;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Reads a view's state on the FX thread, for the accessors tests call from their own thread:
 * a control read while the FX thread changes it can throw (a text area's content did, in CI).
 */
final class FxThread {
    private static final long WAIT_SECONDS = 10;

    private FxThread() {
    }

    /** The value {@code read} gives on the FX thread; called from it, reads at once. */
    static <T> T read(Supplier<T> read) {
        if (Platform.isFxApplicationThread()) return read.get();
        FutureTask<T> task = new FutureTask<>(read::get);
        Platform.runLater(task);
        try {
            return task.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading on the FX thread", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the FX thread did not answer within " + WAIT_SECONDS + " s", e);
        }
    }
}
