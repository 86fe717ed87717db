package io.freightgate.ledger.internal.reconciliation;

import io.freightgate.ledger.ReconciliationView.Trigger;
import io.freightgate.ledger.internal.domain.BalanceTransaction;
import io.freightgate.ledger.internal.stripe.StripeBalanceTransactions;
import io.freightgate.platform.stripe.ProviderOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * One reconciliation run for one day: records the run ({@code RUNNING}), then, for the platform account and every
 * carrier's connected account, reads Stripe's balance transactions of the day (outside any database transaction), the
 * ledger's entries of the day and of the sources the day concerns (short read transactions), fetches the full Stripe
 * history of the sources that need it, and compares ({@link BalanceComparison}); finally records the differences and
 * {@code COMPLETED} in one transaction, or {@code FAILED} with the reason when Stripe could not be read. Runs in the
 * system scope (the ledger's rows of every carrier).
 */
@Component
public class LedgerReconciler {

    private static final Logger log = LoggerFactory.getLogger(LedgerReconciler.class);

    private final ReconciliationRecords records;
    private final StripeBalanceTransactions stripe;
    private final ReconciliationMetrics metrics;
    private final TransactionOperations transactions;
    private final Clock clock;

    LedgerReconciler(
            ReconciliationRecords records,
            StripeBalanceTransactions stripe,
            ReconciliationMetrics metrics,
            TransactionOperations transactions,
            Clock clock) {
        this.records = records;
        this.stripe = stripe;
        this.metrics = metrics;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What one run looked at and found. */
    public record Outcome(
            UUID runId, int stripeAccounts, int balanceTransactions, int ledgerEntries, List<Difference> differences) {}

    /** Stripe could not be read for one account: the run concludes nothing. */
    public static final class StripeUnreadable extends RuntimeException {
        StripeUnreadable(String message) {
            super(message);
        }
    }

    /** Runs the reconciliation of {@code day} as run {@code runId}; throws when it fails (the run is then FAILED). */
    public Outcome reconcile(UUID runId, LocalDate day, Trigger trigger) {
        transactions.executeWithoutResult(status -> records.start(runId, day, trigger, clock.instant()));
        try {
            Outcome outcome = compare(runId, day);
            transactions.executeWithoutResult(status -> records.complete(
                    runId,
                    clock.instant(),
                    outcome.stripeAccounts(),
                    outcome.balanceTransactions(),
                    outcome.ledgerEntries(),
                    outcome.differences()));
            metrics.completed();
            outcome.differences().forEach(difference -> metrics.found(difference.kind()));
            report(day, outcome);
            return outcome;
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            try {
                transactions.executeWithoutResult(status -> records.fail(runId, clock.instant(), reason));
            } catch (RuntimeException recording) {
                e.addSuppressed(recording);
            }
            metrics.failed();
            log.error("Reconciliation of {} (run {}) failed: {}", day, runId, reason);
            throw e;
        }
    }

    private Outcome compare(UUID runId, LocalDate day) {
        Instant from = BalanceComparison.start(day);
        Instant until = BalanceComparison.end(day);
        List<StripeAccount> accounts = transactions.execute(status -> {
            Set<String> connected = new LinkedHashSet<>(records.connectedAccounts());
            connected.addAll(records.ledgerAccountsBetween(from, until));
            List<StripeAccount> all = new ArrayList<>();
            all.add(StripeAccount.platform());
            connected.stream().map(StripeAccount::connected).forEach(all::add);
            return all;
        });
        int balanceTransactions = 0;
        int ledgerEntries = 0;
        List<Difference> differences = new ArrayList<>();
        for (StripeAccount account : accounts) {
            List<BalanceTransaction> ofDay =
                    read(account, "created on " + day, stripe.created(account.id(), from, until));
            List<LedgerMovement> ledgerOfDay =
                    transactions.execute(status -> records.ledgerBetween(account, from, until));
            var found = BalanceComparison.reconcile(
                    account,
                    day,
                    ofDay,
                    ledgerOfDay,
                    sources -> transactions.execute(status -> records.ledgerOfSources(account, sources)),
                    source -> read(account, "of " + source, stripe.ofSource(account.id(), source)));
            differences.addAll(found.differences());
            balanceTransactions += ofDay.size();
            ledgerEntries += ledgerOfDay.size();
        }
        return new Outcome(runId, accounts.size(), balanceTransactions, ledgerEntries, List.copyOf(differences));
    }

    private static List<BalanceTransaction> read(
            StripeAccount account, String what, ProviderOutcome<List<BalanceTransaction>> outcome) {
        return switch (outcome) {
            case ProviderOutcome.Approved<List<BalanceTransaction>>(List<BalanceTransaction> transactions) ->
                transactions;
            case ProviderOutcome.Declined<List<BalanceTransaction>> declined ->
                throw unreadable(account, what, declined.code() + ": " + declined.message());
            case ProviderOutcome.Pending<List<BalanceTransaction>> pending ->
                throw unreadable(account, what, pending.reason());
            case ProviderOutcome.Unknown<List<BalanceTransaction>> unknown ->
                throw unreadable(account, what, unknown.reason());
            case ProviderOutcome.NotAttempted<List<BalanceTransaction>> notAttempted ->
                throw unreadable(account, what, notAttempted.reason());
        };
    }

    private static StripeUnreadable unreadable(StripeAccount account, String what, String reason) {
        return new StripeUnreadable(
                "Stripe's balance transactions " + what + " on " + account.label() + " could not be read: " + reason);
    }

    private static void report(LocalDate day, Outcome outcome) {
        if (outcome.differences().isEmpty()) {
            log.info(
                    "Reconciliation of {} (run {}): no differences ({} Stripe accounts, {} balance transactions, {}"
                            + " ledger entries)",
                    day,
                    outcome.runId(),
                    outcome.stripeAccounts(),
                    outcome.balanceTransactions(),
                    outcome.ledgerEntries());
            return;
        }
        log.warn(
                "Reconciliation of {} (run {}): {} difference(s) ({} Stripe accounts, {} balance transactions, {}"
                        + " ledger entries)",
                day,
                outcome.runId(),
                outcome.differences().size(),
                outcome.stripeAccounts(),
                outcome.balanceTransactions(),
                outcome.ledgerEntries());
        for (Difference difference : outcome.differences()) {
            log.warn(
                    "Reconciliation difference {} ({} {}): {}",
                    difference.kind(),
                    difference.account().id().orElse("platform"),
                    difference.source(),
                    difference.detail());
        }
    }
}
