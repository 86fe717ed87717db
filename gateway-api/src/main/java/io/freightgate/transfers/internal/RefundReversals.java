package io.freightgate.transfers.internal;

import io.freightgate.billing.RefundOutcome;
import io.freightgate.billing.RefundOutcomeChanged;
import io.freightgate.ledger.LedgerPostings;
import io.freightgate.platform.stripe.calls.StripeCalls;
import io.freightgate.transfers.internal.domain.Transfer;
import io.freightgate.transfers.internal.domain.TransferState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a refund's outcome means for the carrier's share and the ledger.
 *
 * <p>When a refund succeeds (however FreightGate learns it: Stripe's answer, a webhook, or the reconciliation that
 * repeats a refund whose answer was lost) the transaction recording it posts the {@code REFUND} journal and, when the
 * carrier's transfer was already made and did not deduct this refund, records a reversal of the carrier's share in
 * proportion: {@code (amount paid − fee) × refund ÷ amount paid}, rounded half up, never more than what is left of the
 * Stripe transfer now standing (reversals of an earlier, reversed transfer do not count). Stripe is called after the commit (key {@code fg-refund-reversal-{refundId}}); its Stripe call is recorded with it,
 * and a lost answer is settled by the Stripe-call janitor (looked up first, ADR 0008), a refusal (the carrier's Stripe balance is
 * already paid out) is recorded for finance with Stripe's message.
 *
 * <p>When a refund that had succeeded fails later, its journal is mirrored and, when its reversal took the share back,
 * the share is sent to the carrier again by a transfer of the same amount (key {@code fg-refund-restore-{refundId}}),
 * recorded first (with its Stripe call) and settled by the janitor while its outcome is unknown. A failed refund that the transfer had
 * deducted (reserved before the transfer was sent) is sent to the carrier the same way (a top-up of what the ledger
 * says it is owed, at most the refund). A restore is not sent while finance has the transfer reversed: the share stays
 * owed in the ledger and the restoration sends it.
 */
@Component
public class RefundReversals {

    private final JdbcTemplate jdbc;
    private final TransferRecords transfers;
    private final LedgerPostings postings;
    private final Clock clock;
    private final StripeCalls calls;

    RefundReversals(
            JdbcTemplate jdbc, TransferRecords transfers, LedgerPostings postings, Clock clock, StripeCalls calls) {
        this.calls = calls;
        this.jdbc = jdbc;
        this.transfers = transfers;
        this.postings = postings;
        this.clock = clock;
    }

    public record Call(UUID refundId, UUID paymentRequestId, String transferId, long amountMinor, String key) {}

    /** The operation type of a refund's reversal of the carrier's share in {@code StripeCalls}. */
    public static final String REVERSAL = "transfer.refund-reversal";

    /** The operation type of sending a refund's share back to the carrier in {@code StripeCalls}. */
    public static final String RESTORE = "transfer.refund-restore";

    /** What a transaction planned for after its commit: a reversal to send, a share to send back. */
    public record Followup(Optional<Call> reversal, Optional<UUID> restore) {
        public static final Followup NONE = new Followup(Optional.empty(), Optional.empty());
    }

    /** The part of a transfer a refund takes back. */
    static long proportional(long transferredMinor, long refundMinor, long paidMinor) {
        if (paidMinor <= 0) {
            return 0;
        }
        return BigDecimal.valueOf(transferredMinor)
                .multiply(BigDecimal.valueOf(refundMinor))
                .divide(BigDecimal.valueOf(paidMinor), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /**
     * In the transaction that changed the refund's outcome from {@code before}: posts the ledger and records the
     * reversal or the restore the change calls for. Send the result with {@link #followUp} after the commit.
     */
    public Followup outcomeChanged(RefundOutcomeChanged refund) {
        RefundOutcome before = refund.before();
        if (before != RefundOutcome.APPROVED && refund.after() == RefundOutcome.APPROVED) {
            return new Followup(succeeded(refund), Optional.empty());
        }
        if (before == RefundOutcome.APPROVED && refund.after() == RefundOutcome.DECLINED) {
            return new Followup(Optional.empty(), failed(refund));
        }
        if (before != RefundOutcome.DECLINED
                && refund.after() == RefundOutcome.DECLINED
                && refund.stripeRefundId().isPresent()) {
            // a pending refund the transfer deducted failed without ever succeeding
            return new Followup(Optional.empty(), topUp(refund));
        }
        return Followup.NONE;
    }

    private Optional<Call> succeeded(RefundOutcomeChanged refund) {
        long refundMinor = refund.amount().minor();
        @Nullable
        Transfer transfer = transfers
                .findByPaymentRequestId(refund.paymentRequestId().value())
                .orElse(null);
        boolean reversible = transfer != null
                && transfer.status() == TransferState.SENT
                && transfer.stripeTransferId().isPresent()
                && !deductedBy(transfer, refund);
        if (!reversible || transfer == null) {
            long share = Math.min(refundMinor, Math.max(0, postings.stillOwed(refund.paymentRequestId())));
            postings.refunded(journal(refund), share, clock.instant());
            return Optional.empty();
        }
        long transferred = transfer.amount().minor();
        long taken = java.util.Objects.requireNonNull(
                jdbc.queryForObject(
                        "SELECT coalesce(sum(amount_minor), 0) FROM transfer_refund_reversals"
                                + " WHERE stripe_transfer_id = ? AND status <> 'FAILED' AND refund_id <> ?",
                        Long.class,
                        transfer.stripeTransferId().get(),
                        refund.refundId().value()),
                "coalesce makes a sum");
        long share = transfer.gross().minor() - transfer.fee().minor();
        long amount = Math.max(
                0, Math.min(proportional(share, refundMinor, transfer.gross().minor()), transferred - taken));
        postings.refunded(journal(refund), amount, clock.instant());
        if (amount == 0
                || !jdbc.queryForList(
                                "SELECT status FROM transfer_refund_reversals WHERE refund_id = ?",
                                String.class,
                                refund.refundId().value())
                        .isEmpty()) {
            return Optional.empty();
        }
        String key = "fg-refund-reversal-" + refund.refundId().value();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "INSERT INTO transfer_refund_reversals (refund_id, payment_request_id, tenant_id, stripe_transfer_id,"
                        + " amount_minor, currency, idempotency_key, status, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)",
                refund.refundId().value(),
                refund.paymentRequestId().value(),
                transfer.tenantId(),
                transfer.stripeTransferId().get(),
                amount,
                transfer.currency().getCurrencyCode(),
                key,
                now,
                now);
        jdbc.update(
                "UPDATE transfer_refund_reversals SET call_id = ? WHERE refund_id = ?",
                calls.intend(
                        transfer.tenantId(), REVERSAL, refund.refundId().value().toString(), key),
                refund.refundId().value());
        return Optional.of(new Call(
                refund.refundId().value(),
                refund.paymentRequestId().value(),
                transfer.stripeTransferId().get(),
                amount,
                key));
    }

    /**
     * Whether the transfer's amount already left this refund out: refunds count in the order they were made, and the
     * transfer deducted the refunds reserved when it was sent.
     */
    private boolean deductedBy(Transfer transfer, RefundOutcomeChanged refund) {
        long before = 0;
        for (RefundOutcomeChanged.RefundLine other : refund.refundsOfRequest()) {
            if (other.refundId().equals(refund.refundId())) {
                return before + other.amountMinor() <= transfer.refunded().minor();
            }
            if (other.outcome() != RefundOutcome.DECLINED) {
                before += other.amountMinor();
            }
        }
        return false;
    }

    private Optional<UUID> failed(RefundOutcomeChanged refund) {
        postings.refundFailed(
                refund.carrier().value(),
                refund.paymentRequestId(),
                refund.amount().currency(),
                refund.stripeRefundId().orElseThrow(),
                clock.instant());
        boolean reversedForIt = !jdbc.queryForList(
                        "SELECT 1 FROM transfer_refund_reversals WHERE refund_id = ?",
                        Integer.class,
                        refund.refundId().value())
                .isEmpty();
        if (!reversedForIt) {
            return topUp(refund);
        }
        String key = "fg-refund-restore-" + refund.refundId().value();
        int marked = jdbc.update(
                "UPDATE transfer_refund_reversals SET restore_status = 'PENDING', restore_key = ?, updated_at = ?"
                        + " WHERE refund_id = ? AND restore_status IS NULL AND status <> 'FAILED'",
                key,
                Timestamp.from(clock.instant()),
                refund.refundId().value());
        if (marked == 0) {
            return Optional.empty();
        }
        intendRestore(refund.carrier().value(), refund.refundId().value(), key);
        return Optional.of(refund.refundId().value());
    }

    /**
     * A refund the transfer had deducted (it was reserved before the transfer was sent) failed: the carrier is owed
     * that part again. Recorded like a reversal already made (nothing to take back) whose share is to be sent back, so
     * the restore machinery sends it.
     */
    private Optional<UUID> topUp(RefundOutcomeChanged refund) {
        @Nullable
        Transfer transfer = transfers
                .findByPaymentRequestId(refund.paymentRequestId().value())
                .orElse(null);
        long owed = postings.stillOwed(refund.paymentRequestId());
        if (transfer == null
                || transfer.status() != TransferState.SENT
                || transfer.stripeTransferId().isEmpty()
                || owed <= 0) {
            return Optional.empty(); // not sent yet: the transfer, when sent, counts the refund as given back
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "INSERT INTO transfer_refund_reversals (refund_id, payment_request_id, tenant_id, stripe_transfer_id,"
                        + " amount_minor, currency, idempotency_key, status, restore_status, restore_key, created_at,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'DONE', 'PENDING', ?, ?, ?)",
                refund.refundId().value(),
                refund.paymentRequestId().value(),
                transfer.tenantId(),
                transfer.stripeTransferId().get(),
                Math.min(owed, refund.amount().minor()),
                transfer.currency().getCurrencyCode(),
                "fg-refund-deducted-" + refund.refundId().value(),
                "fg-refund-restore-" + refund.refundId().value(),
                now,
                now);
        intendRestore(
                transfer.tenantId(),
                refund.refundId().value(),
                "fg-refund-restore-" + refund.refundId().value());
        return Optional.of(refund.refundId().value());
    }

    private void intendRestore(UUID tenantId, UUID refundId, String key) {
        jdbc.update(
                "UPDATE transfer_refund_reversals SET restore_call_id = ? WHERE refund_id = ?",
                calls.intend(tenantId, RESTORE, refundId.toString(), key),
                refundId);
    }

    private static LedgerPostings.Refund journal(RefundOutcomeChanged refund) {
        return new LedgerPostings.Refund(
                refund.carrier().value(),
                refund.paymentRequestId(),
                refund.loadReference(),
                refund.stripeRefundId().orElseThrow(),
                refund.amount());
    }
}
