package io.freightgate.webhooks.internal;

import io.freightgate.platform.stripe.events.InboxEvent;
import io.freightgate.platform.stripe.events.StripeEventHandler;
import io.freightgate.platform.work.CoalescingWorker;
import io.freightgate.webhooks.InboxEventStatus;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Hands stored events to their handlers, outside any database transaction (handlers open their own and may call
 * Stripe). A run claims due events in batches; success marks an event {@code PROCESSED}; a failure schedules the next
 * attempt after {@code initialBackoff * 2^(attempt-1)} (at most {@code maxBackoff}) and parks the event after
 * {@code maxAttempts}. Runs start after every stored delivery and every {@code pollInterval}, one at a time per
 * instance; several instances share the work through the claim.
 */
@Component
class InboxProcessor {

    private static final Logger log = LoggerFactory.getLogger(InboxProcessor.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final InboxStore store;
    private final EventDispatch dispatch;
    private final TransactionOperations transactions;
    private final WebhookMetrics metrics;
    private final WebhookProperties.Processing policy;
    private final Clock clock;
    private final CoalescingWorker worker = new CoalescingWorker("webhook-inbox", this::drain);

    InboxProcessor(
            InboxStore store,
            EventDispatch dispatch,
            TransactionOperations transactions,
            WebhookMetrics metrics,
            WebhookProperties properties,
            Clock clock) {
        this.store = store;
        this.dispatch = dispatch;
        this.transactions = transactions;
        this.metrics = metrics;
        this.policy = properties.processing();
        this.clock = clock;
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

    /** Processes due events until none is left (bounded, so that a flood cannot starve the parked-gauge refresh). */
    void drain() {
        try {
            for (int round = 0; round < 50 && !worker.stopping(); round++) {
                Instant now = clock.instant();
                List<InboxEvent> batch = transactions.execute(
                        status -> store.claimDue(now, now.plus(policy.lease()), policy.batchSize()));
                if (batch == null || batch.isEmpty()) {
                    break;
                }
                batch.forEach(this::process);
            }
            metrics.parkedNow(store.countByStatus(InboxEventStatus.PARKED));
            metrics.backlogNow(store.backlog(clock.instant()));
        } catch (RuntimeException e) {
            if (!worker.stopping()) {
                log.warn("Webhook inbox run failed; the next run retries: {}", e.toString());
            }
        }
    }

    private void process(InboxEvent event) {
        try {
            for (StripeEventHandler handler : dispatch.handlersOf(event.type())) {
                handler.handle(event);
            }
            transactions
                    .execute(status -> store.markProcessed(event.inboxId(), event.attempt(), clock.instant()))
                    .ifPresent(receivedAt -> metrics.processed(Duration.between(receivedAt, clock.instant())));
        } catch (RuntimeException e) {
            metrics.failed(event.type());
            Optional<Instant> retryAt = event.attempt() >= policy.maxAttempts()
                    ? Optional.empty()
                    : Optional.of(clock.instant().plus(backoff(event.attempt())));
            String error = describe(e);
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
        }
    }

    Duration backoff(int attempt) {
        Duration delay = policy.initialBackoff();
        for (int i = 1; i < attempt && delay.compareTo(policy.maxBackoff()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(policy.maxBackoff()) > 0 ? policy.maxBackoff() : delay;
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
