package io.freightgate.ledger;

import io.freightgate.kernel.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One reconciliation run of the ledger with Stripe's balance transactions for one day (UTC): {@code RUNNING} while it
 * looks, then {@code COMPLETED} with every difference it found (none: the ledger and Stripe agree on every source the
 * day touched) or {@code FAILED} with the reason (Stripe could not be read; nothing is concluded).
 *
 * @param stripeAccounts the Stripe accounts looked at (the platform and each carrier's connected account)
 * @param balanceTransactions Stripe's balance transactions created on the day
 * @param ledgerEntries the ledger's entries on the Stripe balance accounts that occurred on the day
 * @param differenceCount how many differences the run found
 * @param differences the differences, when read one run at a time (empty in lists)
 */
public record ReconciliationView(
        UUID id,
        LocalDate day,
        Status status,
        Trigger trigger,
        Instant startedAt,
        Optional<Instant> finishedAt,
        int stripeAccounts,
        int balanceTransactions,
        int ledgerEntries,
        int differenceCount,
        Optional<String> error,
        List<Difference> differences) {

    public ReconciliationView {
        differences = List.copyOf(differences);
    }

    public enum Status {
        RUNNING,
        COMPLETED,
        FAILED
    }

    /** The daily schedule, or a person asking for it ({@code POST /api/v1/reconciliations}). */
    public enum Trigger {
        SCHEDULED,
        ON_DEMAND
    }

    public enum DifferenceKind {
        /** Stripe moved a balance for this source; the ledger knows nothing of it. */
        MISSING_IN_LEDGER,
        /** The ledger recorded a movement for this source; Stripe has no balance transaction for it. */
        MISSING_AT_STRIPE,
        /** Both know the source, but their nets differ. */
        AMOUNT_DIFFERS
    }

    /**
     * One source on one Stripe account whose balance transactions (all of them, not only the day's) do not add up to
     * the ledger's entries for it on that account's balance.
     *
     * @param stripeAccount the connected account, empty for the platform's own
     * @param stripeSource the Stripe object ({@code ch_}, {@code re_}, {@code tr_}, {@code py_}, {@code po_}...)
     */
    public record Difference(
            int seq,
            DifferenceKind kind,
            Optional<String> stripeAccount,
            String stripeSource,
            Money stripeNet,
            Money ledgerNet,
            String detail) {}
}
