package io.freightgate.platform.queue;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link QueueWorker}'s thread: it runs a drain whenever it is nudged; nudges that arrive while a run is already
 * requested are merged into it, so callers (an after-commit hook, a poll timer) may nudge as often as they like. The
 * drain reads {@link #stopping()} to end early when the application stops.
 */
final class Nudges implements AutoCloseable {

    private final ExecutorService thread;
    private final Runnable drain;
    private final AtomicBoolean runRequested = new AtomicBoolean();
    private volatile boolean stopping;

    /** A daemon thread named {@code threadName} that runs {@code drain} on request. */
    Nudges(String threadName, Runnable drain) {
        this.thread = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name(threadName).daemon().factory());
        this.drain = Objects.requireNonNull(drain, "drain");
    }

    /** Asks for a run soon; requests made while one is pending are merged. Ignored once stopping. */
    void nudge() {
        if (stopping || !runRequested.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.execute(() -> {
                runRequested.set(false);
                drain.run();
            });
        } catch (RejectedExecutionException e) {
            runRequested.set(false);
        }
    }

    /** Whether the worker is shutting down (a drain in progress should stop after its current item). */
    boolean stopping() {
        return stopping;
    }

    /** Stops taking requests and waits up to 10 seconds for the running drain, then interrupts it. */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.shutdown();
        if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
            thread.shutdownNow();
        }
    }
}
