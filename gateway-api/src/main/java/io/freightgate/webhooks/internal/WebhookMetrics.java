package io.freightgate.webhooks.internal;

import io.freightgate.platform.stripe.events.WebhookEndpoint;
import io.freightgate.webhooks.InboxEventStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The inbox's meters, the list and what an operator needs beside it:
 *
 * <ul>
 *   <li>intake rate: {@code freightgate.webhooks.received} (by endpoint and outcome: stored, ignored, duplicate,
 *       rejected, malformed) and {@code freightgate.webhooks.intake} (time to verify, parse and commit one delivery, by
 *       endpoint);
 *   <li>processing lag: {@code freightgate.webhooks.processing.lag} (from receipt to successful processing, p50/p95/p99),
 *       and, since that timer is silent while nothing gets processed, {@code freightgate.webhooks.backlog} (events
 *       waiting: received, retrying or being processed) and {@code freightgate.webhooks.backlog.age} (seconds since the
 *       oldest of them was received), refreshed by every processing run;
 *   <li>failures: {@code freightgate.webhooks.processing.failures} (failed attempts, by event type);
 *   <li>parked events: {@code freightgate.webhooks.parked} (parked now, refreshed by every processing run) and
 *       {@code freightgate.webhooks.parked.total} (events parked since start, by event type);
 *   <li>recovery: {@code freightgate.webhooks.recovered} (events the job stored) and
 *       {@code freightgate.webhooks.recovery.listed} (events Stripe listed, by scope).
 * </ul>
 */
@Component
class WebhookMetrics {

    private final MeterRegistry registry;
    private final Timer lag;
    private final Counter recovered;
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong backlogAgeSeconds = new AtomicLong();

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lag = Timer.builder("freightgate.webhooks.processing.lag")
                .description("From receipt of a webhook event to its successful processing")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
        this.recovered = Counter.builder("freightgate.webhooks.recovered")
                .description("Events the recovery job found missing and stored")
                .register(registry);
        Gauge.builder("freightgate.webhooks.parked", parked, AtomicLong::get)
                .description("Events parked after their last attempt, waiting for an operator")
                .register(registry);
        Gauge.builder("freightgate.webhooks.backlog", backlog, AtomicLong::get)
                .description("Events waiting to be processed (received, retrying or being processed)")
                .register(registry);
        Gauge.builder("freightgate.webhooks.backlog.age", backlogAgeSeconds, AtomicLong::get)
                .description("Seconds since the oldest waiting event was received (0 when none waits)")
                .baseUnit("seconds")
                .register(registry);
    }

    void received(WebhookEndpoint endpoint, String outcome) {
        Counter.builder("freightgate.webhooks.received")
                .description("Webhook deliveries by endpoint and outcome")
                .tag("endpoint", endpoint.key())
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    void intake(WebhookEndpoint endpoint, Duration took) {
        Timer.builder("freightgate.webhooks.intake")
                .description("Time to verify, parse and durably store one delivery")
                .tag("endpoint", endpoint.key())
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry)
                .record(took.isNegative() ? Duration.ZERO : took);
    }

    void processed(Duration sinceReceipt) {
        lag.record(sinceReceipt.isNegative() ? Duration.ZERO : sinceReceipt);
    }

    void failed(String eventType) {
        Counter.builder("freightgate.webhooks.processing.failures")
                .description("Failed processing attempts")
                .tag("type", eventType)
                .register(registry)
                .increment();
    }

    void parked(String eventType) {
        Counter.builder("freightgate.webhooks.parked.total")
                .description("Events parked after their last attempt")
                .tag("type", eventType)
                .register(registry)
                .increment();
    }

    void recovered(int count) {
        recovered.increment(count);
    }

    void recoveryRun(String scope, int listed) {
        Counter.builder("freightgate.webhooks.recovery.listed")
                .description("Events the recovery job listed from Stripe")
                .tag("scope", scope)
                .register(registry)
                .increment(listed);
    }

    void parkedNow(long count) {
        parked.set(count);
    }

    void backlogNow(InboxStore.Backlog now) {
        backlog.set(now.events());
        backlogAgeSeconds.set(now.oldestAge().toSeconds());
    }

    static String outcome(InboxEventStatus status) {
        return status == InboxEventStatus.IGNORED ? "ignored" : "stored";
    }
}
