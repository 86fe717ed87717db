package io.freightgate.ledger;

import io.freightgate.ledger.internal.reconciliation.LedgerReconciliationJob;
import io.freightgate.ledger.internal.reconciliation.ReconciliationRecords;
import io.freightgate.platform.tenancy.Tenancy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The daily reconciliation of the double-entry ledger with Stripe's balance transactions (docs/reconciliation.md). For
 * one day (UTC) and each Stripe account (the platform's and every carrier's connected account), every Stripe object
 * whose balance transactions were created that day, or whose ledger entries on that account's balance occurred that
 * day, is compared: the net of all its balance transactions against the sum of its ledger entries. Each disagreement is
 * a difference ({@code MISSING_IN_LEDGER}, {@code MISSING_AT_STRIPE}, {@code AMOUNT_DIFFERS}); a run that finds none
 * says so.
 *
 * <p>A run lives as {@code RUNNING}, then {@code COMPLETED} or {@code FAILED} (Stripe could not be read: nothing is
 * concluded). The scheduled run reconciles the day before, once across instances; platform finance can run any day
 * that has begun on demand. Reading runs and asking for one are platform finance's (checked at the edge).
 */
@Service
public class Reconciliations {

    private final ReconciliationRecords records;
    private final LedgerReconciliationJob job;
    private final TransactionOperations transactions;
    private final Clock clock;

    Reconciliations(
            ReconciliationRecords records,
            LedgerReconciliationJob job,
            TransactionOperations transactions,
            Clock clock) {
        this.records = records;
        this.job = job;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Runs, newest first, without their differences. */
    public List<ReconciliationView> list(int limit) {
        return transactions.execute(status -> records.newestFirst(limit));
    }

    /** A run with its differences. */
    public Optional<ReconciliationView> find(UUID id) {
        return transactions.execute(status -> records.find(id));
    }

    /**
     * Reconciles {@code day} now (today's so far, or any earlier day) and returns the run when it has ended:
     * {@code COMPLETED} with its differences, or {@code FAILED} with the reason. Fails with
     * {@link ReconciliationDayRefused} for a day that has not begun.
     */
    public ReconciliationView run(LocalDate day) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (day.isAfter(today)) {
            throw new ReconciliationDayRefused(
                    "The day " + day + " has not begun (today is " + today + " UTC); it cannot be reconciled yet.");
        }
        UUID runId = UUID.randomUUID();
        job.onDemand(day, runId, Tenancy.currentActor());
        return find(runId).orElseThrow(() -> new IllegalStateException("Reconciliation run " + runId + " never began"));
    }
}
