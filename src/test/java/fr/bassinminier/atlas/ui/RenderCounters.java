package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.render.Viewport;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the map's background renders became, for the responsiveness benchmark and for tests:
 * each view change requests a render; a request overtaken by the next one before its turn is
 * skipped; a started render is either cancelled on the way, or finished and then shown (landed)
 * or dropped because the view moved meanwhile. Written from the render thread and the FX thread.
 */
public final class RenderCounters implements MapView.RenderObserver {
    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong cancelled = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong landed = new AtomicLong();
    private final AtomicLong renderNanos = new AtomicLong();
    private volatile Viewport lastLandedView;
    private volatile long lastLandedAt;

    @Override
    public void requested() {
        requested.incrementAndGet();
    }

    @Override
    public void skipped() {
        skipped.incrementAndGet();
    }

    @Override
    public void started() {
        started.incrementAndGet();
    }

    @Override
    public void cancelled() {
        cancelled.incrementAndGet();
    }

    @Override
    public void finished(long nanos) {
        renderNanos.addAndGet(nanos);
    }

    @Override
    public void dropped() {
        dropped.incrementAndGet();
    }

    /** On the FX thread, when the image of this view replaces the one on screen. */
    @Override
    public void landed(Viewport view) {
        lastLandedAt = System.nanoTime();
        lastLandedView = view;
        landed.incrementAndGet();
    }

    public long requestedCount() {
        return requested.get();
    }

    public long skippedCount() {
        return skipped.get();
    }

    public long startedCount() {
        return started.get();
    }

    public long cancelledCount() {
        return cancelled.get();
    }

    public long droppedCount() {
        return dropped.get();
    }

    public long landedCount() {
        return landed.get();
    }

    /** Time spent in renders that finished (landed or dropped), in nanoseconds. */
    public long finishedRenderNanos() {
        return renderNanos.get();
    }

    /** The view of the image now on screen (logical pixels), or null before the first one. */
    public Viewport lastLandedView() {
        return lastLandedView;
    }

    /** {@link System#nanoTime()} when the last image landed. */
    public long lastLandedAt() {
        return lastLandedAt;
    }
}
