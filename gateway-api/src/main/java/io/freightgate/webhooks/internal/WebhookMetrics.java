package io.freightgate.webhooks.internal;

import io.freightgate.webhooks.InboxEventStatus;
import io.freightgate.webhooks.WebhookEndpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The inbox's meters: {@code freightgate.webhooks.received} (intake rate by endpoint and outcome: stored, duplicate,
 * ignored, rejected), {@code freightgate.webhooks.processing.lag} (from receipt to successful processing),
 * {@code freightgate.webhooks.processing.failures}, {@code freightgate.webhooks.parked} (events parked now, refreshed
 * by every processing run) and {@code freightgate.webhooks.recovered}.
 */
@Component
class WebhookMetrics {

    private final MeterRegistry registry;
    private final Timer lag;
    private final Counter failures;
    private final Counter recovered;
    private final AtomicLong parked = new AtomicLong();

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lag = Timer.builder("freightgate.webhooks.processing.lag")
                .description("From receipt of a webhook event to its successful processing")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
        this.failures = Counter.builder("freightgate.webhooks.processing.failures")
                .description("Failed processing attempts")
                .register(registry);
        this.recovered = Counter.builder("freightgate.webhooks.recovered")
                .description("Events the recovery job found missing and stored")
                .register(registry);
        Gauge.builder("freightgate.webhooks.parked", parked, AtomicLong::get)
                .description("Events parked after their last attempt, waiting for an operator")
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

    void processed(Duration sinceReceipt) {
        lag.record(sinceReceipt.isNegative() ? Duration.ZERO : sinceReceipt);
    }

    void failed() {
        failures.increment();
    }

    void recovered(int count) {
        recovered.increment(count);
    }

    void parkedNow(long count) {
        parked.set(count);
    }

    static String outcome(InboxEventStatus status) {
        return status == InboxEventStatus.IGNORED ? "ignored" : "stored";
    }
}
