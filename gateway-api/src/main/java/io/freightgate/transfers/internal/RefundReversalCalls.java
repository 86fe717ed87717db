package io.freightgate.transfers.internal;

import io.freightgate.billing.BilledRequest;
import io.freightgate.ledger.LedgerPostings;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.transfers.internal.RefundReversals.Call;
import io.freightgate.transfers.internal.RefundReversals.Followup;
import io.freightgate.transfers.internal.domain.Transfer;
import io.freightgate.transfers.internal.domain.TransferState;
import io.freightgate.transfers.internal.stripe.StripeTransfers;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Stripe half of {@link RefundReversals}: after the commit of the transaction that planned them, sends the
 * reversal of the carrier's share (key {@code fg-refund-reversal-{refundId}}) or the restore of it (key
 * {@code fg-refund-restore-{refundId}}) and records the answer; {@link #retry} (the transfer retry job) repeats those
 * whose outcome is unknown, with the same keys.
 */
@Component
public class RefundReversalCalls {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("RefundReversalCalls on its own authority");

    private static final Logger log = LoggerFactory.getLogger(RefundReversalCalls.class);

    private final JdbcTemplate jdbc;
    private final TransferRecords transfers;
    private final StripeTransfers stripe;
    private final SystemAccess systemAccess;
    private final LedgerPostings postings;
    private final Clock clock;

    RefundReversalCalls(
            JdbcTemplate jdbc,
            TransferRecords transfers,
            StripeTransfers stripe,
            SystemAccess systemAccess,
            LedgerPostings postings,
            Clock clock) {
        this.jdbc = jdbc;
        this.transfers = transfers;
        this.stripe = stripe;
        this.systemAccess = systemAccess;
        this.postings = postings;
        this.clock = clock;
    }

    /** After the commit: sends what the transaction planned. Never throws (the retry job repeats what is left). */
    public void followUp(Followup followup) {
        try {
            followup.reversal().ifPresent(this::send);
            followup.restore().ifPresent(this::sendRestore);
        } catch (RuntimeException e) {
            log.error("A refund's follow-up with Stripe failed; the transfer retry job repeats it", e);
        }
    }

    /** Repeats reversals and restores whose outcome is unknown, with their own keys. Returns how many were repeated. */
    public int retry() {
        List<Call> open = systemAccess.transaction(
                ACROSS_TENANTS,
                "find open refund reversals",
                () -> jdbc.query(
                        "SELECT refund_id, payment_request_id, stripe_transfer_id, amount_minor, idempotency_key"
                                + " FROM transfer_refund_reversals WHERE status IN ('PENDING', 'UNKNOWN')"
                                + " ORDER BY created_at LIMIT 200",
                        (rs, n) -> new Call(
                                rs.getObject(1, UUID.class),
                                rs.getObject(2, UUID.class),
                                rs.getString(3),
                                rs.getLong(4),
                                rs.getString(5))));
        open.forEach(this::send);
        List<UUID> restores = systemAccess.transaction(
                ACROSS_TENANTS,
                "find open refund restores",
                () -> jdbc.queryForList(
                        "SELECT refund_id FROM transfer_refund_reversals WHERE status = 'DONE'"
                                + " AND restore_status IN ('PENDING', 'UNKNOWN') ORDER BY created_at LIMIT 200",
                        UUID.class));
        restores.forEach(this::sendRestore);
        return open.size() + restores.size();
    }

    private void send(Call call) {
        var outcome = stripe.reverse(
                call.transferId(),
                call.paymentRequestId(),
                call.amountMinor(),
                "Refund " + call.refundId() + " of payment request " + call.paymentRequestId(),
                call.key());
        String status;
        String error = null;
        switch (outcome) {
            case ProviderOutcome.Approved<StripeTransfers.Reversal> approved -> status = "DONE";
            case ProviderOutcome.Declined<StripeTransfers.Reversal> declined -> {
                status = "FAILED";
                error = declined.message();
                log.error(
                        "Stripe refused to reverse {} of transfer {} for refund {}: {}; finance must recover it",
                        call.amountMinor(),
                        call.transferId(),
                        call.refundId(),
                        declined.message());
            }
            case ProviderOutcome.Pending<StripeTransfers.Reversal> pending -> {
                status = "UNKNOWN";
                error = pending.reason();
            }
            case ProviderOutcome.Unknown<StripeTransfers.Reversal> unknown -> {
                status = "UNKNOWN";
                error = unknown.reason();
            }
            case ProviderOutcome.NotAttempted<StripeTransfers.Reversal> notAttempted -> {
                status = "UNKNOWN";
                error = notAttempted.reason();
            }
        }
        String finalStatus = status;
        String finalError = error;
        systemAccess.transaction(ACROSS_TENANTS, "record the transfer reversal of refund " + call.refundId(), () -> {
            Transfer transfer =
                    transfers.findByPaymentRequestId(call.paymentRequestId()).orElseThrow();
            if (outcome
                    instanceof ProviderOutcome.Approved<StripeTransfers.Reversal>(StripeTransfers.Reversal reversal)) {
                postings.reversed(
                        transfer.tenantId(),
                        call.paymentRequestId(),
                        Currency.getInstance(transfer.currency()),
                        transfer.destinationAccount().orElseThrow(),
                        reversal.id(),
                        reversal.destinationPaymentRefund(),
                        reversal.amountMinor(),
                        clock.instant());
            }
            return jdbc.update(
                    "UPDATE transfer_refund_reversals SET status = ?, stripe_reversal_id = ?, last_error = ?,"
                            + " updated_at = ? WHERE refund_id = ?",
                    finalStatus,
                    outcome
                                    instanceof
                                    ProviderOutcome.Approved<StripeTransfers.Reversal>(
                                            StripeTransfers.Reversal reversal)
                            ? reversal.id()
                            : null,
                    finalError,
                    Timestamp.from(clock.instant()),
                    call.refundId());
        });
    }

    private record Restore(UUID refundId, UUID paymentRequestId, long amountMinor, String key, Transfer transfer) {}

    private void sendRestore(UUID refundId) {
        Optional<Restore> restore =
                systemAccess.transaction(ACROSS_TENANTS, "read the restore of refund " + refundId, () -> jdbc
                        .query(
                                "SELECT payment_request_id, amount_minor, restore_key FROM transfer_refund_reversals"
                                        + " WHERE refund_id = ? AND status = 'DONE' AND restore_status IN ('PENDING', 'UNKNOWN')",
                                (rs, n) -> new Restore(
                                        refundId,
                                        rs.getObject(1, UUID.class),
                                        rs.getLong(2),
                                        rs.getString(3),
                                        transfers
                                                .findByPaymentRequestId(rs.getObject(1, UUID.class))
                                                .orElseThrow()),
                                refundId)
                        .stream()
                        .findFirst());
        if (restore.isEmpty()) {
            return;
        }
        Restore r = restore.get();
        if (r.transfer().status() != TransferState.SENT) {
            // finance reversed (or is reversing) the transfer: the share stays owed in the ledger and a restoration
            // sends it with the rest, so this one is not sent on its own
            systemAccess.transaction(
                    ACROSS_TENANTS,
                    "set aside the restore of refund " + refundId,
                    () -> jdbc.update(
                            "UPDATE transfer_refund_reversals SET restore_status = 'FAILED', restore_error = ?,"
                                    + " updated_at = ? WHERE refund_id = ?",
                            "The transfer is " + r.transfer().status() + "; a restoration sends what is owed",
                            Timestamp.from(clock.instant()),
                            refundId));
            return;
        }
        var outcome = stripe.create(new StripeTransfers.TransferCall(
                r.paymentRequestId(),
                r.key(),
                r.amountMinor(),
                r.transfer().currency(),
                r.transfer().destinationAccount().orElseThrow(),
                r.transfer().sourceTransaction().orElseThrow(),
                BilledRequest.transferGroup(r.paymentRequestId())));
        systemAccess.transaction(ACROSS_TENANTS, "record the restore of refund " + refundId, () -> {
            String status;
            String transferId = null;
            String error = null;
            switch (outcome) {
                case ProviderOutcome.Approved<StripeTransfers.Sent>(StripeTransfers.Sent sent) -> {
                    status = "DONE";
                    transferId = sent.id();
                    postings.transferred(
                            r.transfer().tenantId(),
                            r.paymentRequestId(),
                            Currency.getInstance(r.transfer().currency()),
                            r.transfer().destinationAccount().orElseThrow(),
                            sent.id(),
                            sent.destinationPayment(),
                            r.amountMinor(),
                            clock.instant());
                }
                case ProviderOutcome.Declined<StripeTransfers.Sent> declined -> {
                    status = "FAILED";
                    error = declined.message();
                    log.error(
                            "Stripe refused to send back {} to the carrier of payment request {} after refund {}"
                                    + " failed: {}; finance must pay it by hand",
                            r.amountMinor(),
                            r.paymentRequestId(),
                            refundId,
                            declined.message());
                }
                case ProviderOutcome.Pending<StripeTransfers.Sent> pending -> {
                    status = "UNKNOWN";
                    error = pending.reason();
                }
                case ProviderOutcome.Unknown<StripeTransfers.Sent> unknown -> {
                    status = "UNKNOWN";
                    error = unknown.reason();
                }
                case ProviderOutcome.NotAttempted<StripeTransfers.Sent> notAttempted -> {
                    status = "UNKNOWN";
                    error = notAttempted.reason();
                }
            }
            return jdbc.update(
                    "UPDATE transfer_refund_reversals SET restore_status = ?, stripe_restore_transfer_id = ?,"
                            + " restore_error = ?, updated_at = ? WHERE refund_id = ?",
                    status,
                    transferId,
                    error,
                    Timestamp.from(clock.instant()),
                    refundId);
        });
    }
}
