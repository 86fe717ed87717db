package io.freightgate.ledger.internal.reconciliation;

import io.freightgate.ledger.ReconciliationView.DifferenceKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The reconciliation's meters:
 *
 * <ul>
 *   <li>{@code freightgate.reconciliation.differences}: the differences the newest completed run found (read from the
 *       database, so every instance reports the same value whichever ran the job; absent before the first run);
 *   <li>{@code freightgate.reconciliation.runs}: runs by {@code outcome} ({@code completed}, {@code failed});
 *   <li>{@code freightgate.reconciliation.differences.found}: differences found, by {@code kind}.
 * </ul>
 */
@Component
class ReconciliationMetrics {

    private final MeterRegistry registry;

    ReconciliationMetrics(MeterRegistry registry, ReconciliationRecords records) {
        this.registry = registry;
        Gauge.builder("freightgate.reconciliation.differences", records, ReconciliationMetrics::lastDifferences)
                .description("Differences between the ledger and Stripe that the last completed reconciliation found")
                .register(registry);
    }

    private static double lastDifferences(ReconciliationRecords records) {
        return records.lastCompletedDifferences().map(Integer::doubleValue).orElse(Double.NaN);
    }

    void completed() {
        runs("completed");
    }

    void failed() {
        runs("failed");
    }

    void found(DifferenceKind kind) {
        Counter.builder("freightgate.reconciliation.differences.found")
                .description("Differences between the ledger and Stripe found by reconciliation runs")
                .tag("kind", kind.name())
                .register(registry)
                .increment();
    }

    private void runs(String outcome) {
        Counter.builder("freightgate.reconciliation.runs")
                .description("Reconciliation runs of the ledger with Stripe's balance transactions")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
