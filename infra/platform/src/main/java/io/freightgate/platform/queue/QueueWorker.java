package io.freightgate.platform.queue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The one worker shape of the gateway's queues. A run claims a batch of due items in one short transaction (a lease,
 * see {@link WorkQueue}), hands each to the {@link Handler} with no transaction open, and for a failure asks the
 * {@link Backoff} when to try again: the handler records the next attempt, or parks the item after the last one (or at
 * once when the failure is permanent). Runs repeat while full batches come back (at most {@code maxRounds} per run, so
 * a flood cannot starve anything else). {@link #nudge()} starts a run soon on the queue's own thread (after the commit
 * that enqueued work, and from the owner's poll timer); {@link #drain()} runs one on the caller's thread. An item whose
 * handler throws is left to its lease and claimed again after it.
 *
 * <p>Metrics per queue (tag {@code queue}): the counters {@code freightgate.queue.claimed}, {@code .succeeded}, {@code
 * .failed} and {@code .parked}, and the gauge {@code freightgate.queue.depth} (items waiting or in flight, refreshed
 * after every run).
 *
 * @param <T> a claimed item
 * @param <F> what a failed attempt leaves for its record (the HTTP answer of a delivery, for example)
 */
public final class QueueWorker<T, F> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QueueWorker.class);

    /** What the owner of a queue does with its items. */
    public interface Handler<T, F> {

        /** Does the work with no transaction open; records a success or a skip itself. */
        Outcome<F> handle(T item);

        /**
         * Records a failed attempt (opening its own transaction): due again at {@code retryAt}, or parked when that is
         * empty. {@code false} when the claim was lost meanwhile (taken over or superseded), so nothing changed.
         */
        boolean failed(T item, Outcome.Failed<F> failure, Optional<Instant> retryAt);

        /** Runs after every run, also one that failed (a place for the owner's own gauges). */
        default void afterRun() {}
    }

    /** What handling a claimed item came to. */
    public sealed interface Outcome<F> {

        /** Done and recorded. */
        record Succeeded<F>() implements Outcome<F> {}

        /** Nothing to do (gone or canceled meanwhile), recorded by the handler. */
        record Skipped<F>() implements Outcome<F> {}

        /**
         * Failed attempt number {@code attempt} of the item's series (1-based: the number the {@link Backoff} counts);
         * {@code permanent} parks the item at once (a receiver that refused it for good).
         */
        record Failed<F>(int attempt, String reason, F detail, boolean permanent) implements Outcome<F> {}
    }

    /**
     * @param batchSize items claimed per round
     * @param lease how long a claimed item stays with this instance before another may claim it again
     * @param backoff when failed items are tried again, and after how many attempts they are parked
     * @param maxRounds rounds per run
     */
    public record Settings(int batchSize, Duration lease, Backoff backoff, int maxRounds) {

        public Settings {
            if (batchSize < 1 || maxRounds < 1 || lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("A queue claims at least one item for a positive lease");
            }
        }

        public Settings(int batchSize, Duration lease, Backoff backoff) {
            this(batchSize, lease, backoff, 50);
        }
    }

    /** What one run did. */
    public record Run(int claimed, int succeeded, int failed, int parked) {}

    private final WorkQueue<T> queue;
    private final Handler<T, F> handler;
    private final Settings settings;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final Counter claimed;
    private final Counter succeeded;
    private final Counter failed;
    private final Counter parked;
    private final AtomicLong depth = new AtomicLong();
    private final Nudges nudges;

    public QueueWorker(
            WorkQueue<T> queue,
            Handler<T, F> handler,
            Settings settings,
            TransactionOperations transactions,
            Clock clock,
            MeterRegistry meters) {
        this.queue = queue;
        this.handler = handler;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
        this.claimed = counter(meters, "claimed", "Items claimed");
        this.succeeded = counter(meters, "succeeded", "Items handled successfully");
        this.failed = counter(meters, "failed", "Failed attempts");
        this.parked = counter(meters, "parked", "Items parked after their last attempt");
        Gauge.builder("freightgate.queue.depth", depth, AtomicLong::get)
                .description("Items waiting or in flight")
                .tag("queue", queue.name())
                .register(meters);
        this.nudges = new Nudges(queue.name(), this::drainQuietly);
    }

    /** Asks for a run soon on the queue's thread; requests made while one is pending are merged. */
    public void nudge() {
        nudges.nudge();
    }

    /** Runs on the caller's thread until no full batch is left; several runs (and instances) share the work. */
    public Run drain() {
        int claimedNow = 0;
        int succeededNow = 0;
        int failedNow = 0;
        int parkedNow = 0;
        try {
            for (int round = 0; round < settings.maxRounds() && !nudges.stopping(); round++) {
                Instant now = clock.instant();
                List<T> batch = transactions.execute(
                        status -> queue.claim(now, now.plus(settings.lease()), settings.batchSize()));
                if (batch == null || batch.isEmpty()) {
                    break;
                }
                claimed.increment(batch.size());
                claimedNow += batch.size();
                for (T item : batch) {
                    switch (handle(item)) {
                        case SUCCEEDED -> succeededNow++;
                        case RETRYING -> failedNow++;
                        case PARKED -> {
                            failedNow++;
                            parkedNow++;
                        }
                        case NONE -> {}
                    }
                }
                if (batch.size() < settings.batchSize()) {
                    break;
                }
            }
            Long waiting = transactions.execute(status -> queue.depth());
            depth.set(waiting == null ? 0 : waiting);
        } finally {
            handler.afterRun();
        }
        return new Run(claimedNow, succeededNow, failedNow, parkedNow);
    }

    private enum Result {
        SUCCEEDED,
        RETRYING,
        PARKED,
        NONE
    }

    private Result handle(T item) {
        Outcome<F> outcome;
        try {
            outcome = handler.handle(item);
        } catch (RuntimeException e) {
            log.warn(
                    "Queue {}: an item could not be handled, its lease expires and it is claimed again: {}",
                    queue.name(),
                    e.toString());
            return Result.NONE;
        }
        return switch (outcome) {
            case Outcome.Succeeded<F> _ -> {
                succeeded.increment();
                yield Result.SUCCEEDED;
            }
            case Outcome.Skipped<F> _ -> Result.NONE;
            case Outcome.Failed<F> failure -> failed(item, failure);
        };
    }

    private Result failed(T item, Outcome.Failed<F> failure) {
        failed.increment();
        Optional<Instant> retryAt = failure.permanent()
                ? Optional.empty()
                : settings.backoff().delayAfter(failure.attempt()).map(clock.instant()::plus);
        boolean recorded;
        try {
            recorded = handler.failed(item, failure, retryAt);
        } catch (RuntimeException e) {
            log.warn(
                    "Queue {}: a failed attempt could not be recorded; the lease brings the item back: {}",
                    queue.name(),
                    e.toString());
            return Result.NONE;
        }
        if (!recorded) {
            return Result.NONE;
        }
        if (retryAt.isPresent()) {
            return Result.RETRYING;
        }
        parked.increment();
        return Result.PARKED;
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (RuntimeException e) {
            if (!nudges.stopping()) {
                log.warn("Queue {}: a run failed; the next run retries: {}", queue.name(), e.toString());
            }
        }
    }

    /** Whether the application is stopping (a handler may end a long item early). */
    public boolean stopping() {
        return nudges.stopping();
    }

    private Counter counter(MeterRegistry meters, String outcome, String description) {
        return Counter.builder("freightgate.queue." + outcome)
                .description(description)
                .tag("queue", queue.name())
                .register(meters);
    }

    /** Stops taking nudges and waits up to 10 seconds for the running drain, then interrupts it. */
    @Override
    public void close() throws InterruptedException {
        nudges.close();
    }
}
