package io.freightgate.webhooks.internal;

import io.freightgate.platform.queue.Backoff;
import io.freightgate.platform.queue.QueueWorker;
import io.freightgate.platform.queue.QueueWorker.Outcome;
import io.freightgate.platform.stripe.events.InboxEvent;
import io.freightgate.platform.stripe.events.StripeEventHandler;
import io.freightgate.webhooks.InboxEventStatus;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Hands stored events to their handlers, outside any database transaction (handlers open their own and may call
 * Stripe), as a {@link QueueWorker} of the platform's one work queue. A run claims due events in batches; success
 * marks an event {@code PROCESSED}; a failure schedules the next attempt after {@code initialBackoff * 2^(attempt-1)}
 * (at most {@code maxBackoff}, the queue's {@link Backoff} without jitter) and parks the event after {@code
 * maxAttempts}. Runs start after every stored delivery and every {@code pollInterval}, one at a time per instance;
 * several instances share the work through the claim.
 */
@Component
class InboxProcessor implements QueueWorker.Handler<InboxEvent, String> {

    private static final Logger log = LoggerFactory.getLogger(InboxProcessor.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final InboxStore store;
    private final EventDispatch dispatch;
    private final TransactionOperations transactions;
    private final WebhookMetrics metrics;
    private final Clock clock;
    private final QueueWorker<InboxEvent, String> worker;

    InboxProcessor(
            InboxStore store,
            EventDispatch dispatch,
            TransactionOperations transactions,
            WebhookMetrics metrics,
            WebhookProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.dispatch = dispatch;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
        WebhookProperties.Processing policy = properties.processing();
        this.worker = new QueueWorker<>(
                store.queue(),
                this,
                new QueueWorker.Settings(
                        policy.batchSize(),
                        policy.lease(),
                        Backoff.withoutJitter(policy.initialBackoff(), policy.maxBackoff(), policy.maxAttempts())),
                transactions,
                clock,
                meters);
    }

    /** Asks for a processing run soon; requests made while one is pending are merged. */
    void nudge() {
        worker.nudge();
    }

    @Scheduled(
            fixedDelayString = "${freightgate.webhooks.processing.poll-interval:PT1S}",
            initialDelayString = "${freightgate.webhooks.processing.poll-interval:PT1S}")
    void poll() {
        nudge();
    }

    @Override
    public Outcome<String> handle(InboxEvent event) {
        try {
            for (StripeEventHandler handler : dispatch.handlersOf(event.type())) {
                handler.handle(event);
            }
        } catch (RuntimeException e) {
            String error = describe(e);
            return new Outcome.Failed<>(event.attempt(), error, error, false);
        }
        Optional<Instant> receivedAt =
                transactions.execute(status -> store.markProcessed(event.inboxId(), event.attempt(), clock.instant()));
        if (receivedAt != null) {
            receivedAt.ifPresent(received -> metrics.processed(Duration.between(received, clock.instant())));
        }
        return new Outcome.Succeeded<>();
    }

    @Override
    public boolean failed(InboxEvent event, Outcome.Failed<String> failure, Optional<Instant> retryAt) {
        metrics.failed(event.type());
        String error = failure.detail();
        boolean recorded = Boolean.TRUE.equals(
                transactions.execute(status -> store.markFailed(event.inboxId(), event.attempt(), error, retryAt)));
        if (retryAt.isEmpty()) {
            if (recorded) {
                metrics.parked(event.type());
            }
            log.error(
                    "Webhook event {} ({}) parked after {} attempts: {}",
                    event.eventId(),
                    event.type(),
                    event.attempt(),
                    error);
        } else {
            log.warn(
                    "Webhook event {} ({}) failed attempt {}, next at {}: {}",
                    event.eventId(),
                    event.type(),
                    event.attempt(),
                    retryAt.get(),
                    error);
        }
        return recorded;
    }

    @Override
    public void afterRun() {
        try {
            metrics.parkedNow(store.countByStatus(InboxEventStatus.PARKED));
            metrics.backlogNow(store.backlog(clock.instant()));
        } catch (RuntimeException e) {
            if (!worker.stopping()) {
                log.warn("Webhook inbox gauges could not be refreshed: {}", e.toString());
            }
        }
    }

    private static String describe(RuntimeException e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.close();
    }
}
