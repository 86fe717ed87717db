package io.freightgate.transfers.internal;

import io.freightgate.billing.BilledRequest;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.ledger.LedgerPostings;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.stripe.calls.StripeCall;
import io.freightgate.platform.stripe.calls.StripeCalls;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.transfers.internal.RefundReversals.Call;
import io.freightgate.transfers.internal.RefundReversals.Followup;
import io.freightgate.transfers.internal.domain.Transfer;
import io.freightgate.transfers.internal.domain.TransferState;
import io.freightgate.transfers.internal.stripe.StripeTransfers;
import java.sql.Timestamp;
import java.time.Clock;
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
 * {@code fg-refund-restore-{refundId}}) and records the answer, on the row and on its Stripe call; those whose answer was
 * lost are settled by the Stripe-call janitor (ADR 0008) through {@link TransferCallLookups}: a reversal is looked up
 * among the transfer's reversals, a restore among the request's transfer group, by the {@code freightgate_call}
 * metadata, and sent again with the same key only when Stripe has none.
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
    private final StripeCalls calls;

    RefundReversalCalls(
            JdbcTemplate jdbc,
            TransferRecords transfers,
            StripeTransfers stripe,
            SystemAccess systemAccess,
            LedgerPostings postings,
            Clock clock,
            StripeCalls calls) {
        this.calls = calls;
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

    /** The operations the janitor settles for refunds' reversals and restores. */
    public static final List<String> OPERATIONS = List.of(RefundReversals.REVERSAL, RefundReversals.RESTORE);

    private Optional<Call> reversal(UUID refundId, boolean open) {
        return systemAccess.transaction(ACROSS_TENANTS, "read the reversal of refund " + refundId, () -> jdbc
                .query(
                        "SELECT refund_id, payment_request_id, stripe_transfer_id, amount_minor, idempotency_key"
                                + " FROM transfer_refund_reversals WHERE refund_id = ?"
                                + (open ? " AND status IN ('PENDING', 'UNKNOWN')" : ""),
                        (rs, n) -> new Call(
                                rs.getObject(1, UUID.class),
                                rs.getObject(2, UUID.class),
                                rs.getString(3),
                                rs.getLong(4),
                                rs.getString(5)),
                        refundId)
                .stream()
                .findFirst());
    }

    /** The janitor's look-up of a refund's reversal: the transfer's reversal that carries the call's key. */
    ProviderOutcome<Optional<StripeTransfers.Reversal>> findReversal(StripeCall call) {
        return reversal(UUID.fromString(call.businessKey()), false)
                .map(c -> stripe.findReversal(c.transferId(), call.idempotencyKey()))
                .orElseGet(() -> new ProviderOutcome.Approved<>(Optional.empty()));
    }

    /** The janitor sends a refund's reversal again, while it is open. */
    ProviderOutcome<StripeTransfers.Reversal> resendReversal(StripeCall call) {
        return reversal(UUID.fromString(call.businessKey()), true)
                .map(this::reverse)
                .orElseGet(() -> new ProviderOutcome.NotAttempted<>("The reversal is no longer open"));
    }

    /** The janitor's outcome of a refund's reversal. */
    void settleReversal(StripeCall call, ProviderOutcome<StripeTransfers.Reversal> outcome) {
        reversal(UUID.fromString(call.businessKey()), false)
                .ifPresentOrElse(c -> recordReversal(c, call.id(), outcome), () -> recordCallOnly(call, outcome));
    }

    /** The janitor's look-up of a restore: the transfer in the request's group that carries the call's key. */
    ProviderOutcome<Optional<StripeTransfers.Sent>> findRestore(StripeCall call) {
        return restore(UUID.fromString(call.businessKey()), false)
                .map(r -> stripe.findTransfer(
                        BilledRequest.transferGroup(new PaymentRequestId(r.paymentRequestId())), call.idempotencyKey()))
                .orElseGet(() -> new ProviderOutcome.Approved<>(Optional.empty()));
    }

    /** The janitor sends a restore again, while it is open and the transfer stands (else it is set aside). */
    ProviderOutcome<StripeTransfers.Sent> resendRestore(StripeCall call) {
        Optional<Restore> restore = restore(UUID.fromString(call.businessKey()), true);
        if (restore.isEmpty()) {
            return new ProviderOutcome.NotAttempted<>("The restore is no longer open");
        }
        if (setAside(restore.get())) {
            return new ProviderOutcome.NotAttempted<>("The transfer is not standing; a restoration sends what is owed");
        }
        return create(restore.get());
    }

    /** The janitor's outcome of a restore. */
    void settleRestore(StripeCall call, ProviderOutcome<StripeTransfers.Sent> outcome) {
        restore(UUID.fromString(call.businessKey()), false)
                .ifPresentOrElse(r -> recordRestore(r, call.id(), outcome), () -> recordCallOnly(call, outcome));
    }

    private <T> void recordCallOnly(StripeCall call, ProviderOutcome<T> outcome) {
        systemAccess.transaction(
                ACROSS_TENANTS,
                "record Stripe call " + call.id(),
                () -> calls.record(
                        call.id(),
                        outcome,
                        result -> result instanceof StripeTransfers.Sent sent
                                ? sent.id()
                                : ((StripeTransfers.Reversal) result).id()));
    }

    private UUID callOf(UUID refundId, String column) {
        return systemAccess.transaction(
                ACROSS_TENANTS,
                "read the Stripe call of refund " + refundId,
                () -> jdbc.queryForObject(
                        "SELECT " + column + " FROM transfer_refund_reversals WHERE refund_id = ?",
                        UUID.class,
                        refundId));
    }

    private void send(Call call) {
        UUID callId = callOf(call.refundId(), "call_id");
        var outcome = calls.send(() -> reverse(call));
        recordReversal(call, callId, outcome);
    }

    private ProviderOutcome<StripeTransfers.Reversal> reverse(Call call) {
        return stripe.reverse(
                call.transferId(),
                call.paymentRequestId(),
                call.amountMinor(),
                "Refund " + call.refundId() + " of payment request " + call.paymentRequestId(),
                call.key());
    }

    private void recordReversal(Call call, UUID callId, ProviderOutcome<StripeTransfers.Reversal> outcome) {
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
            calls.record(callId, outcome, StripeTransfers.Reversal::id);
            Transfer transfer =
                    transfers.findByPaymentRequestId(call.paymentRequestId()).orElseThrow();
            if (outcome
                    instanceof ProviderOutcome.Approved<StripeTransfers.Reversal>(StripeTransfers.Reversal reversal)) {
                postings.reversed(
                        transfer.tenantId(),
                        new PaymentRequestId(call.paymentRequestId()),
                        transfer.destinationAccount().orElseThrow(),
                        reversal.id(),
                        reversal.destinationPaymentRefund(),
                        new Money(reversal.amountMinor(), transfer.currency()),
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

    private Optional<Restore> restore(UUID refundId, boolean open) {
        return systemAccess.transaction(ACROSS_TENANTS, "read the restore of refund " + refundId, () -> jdbc
                .query(
                        "SELECT payment_request_id, amount_minor, restore_key FROM transfer_refund_reversals"
                                + " WHERE refund_id = ? AND restore_key IS NOT NULL"
                                + (open ? " AND status = 'DONE' AND restore_status IN ('PENDING', 'UNKNOWN')" : ""),
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
    }

    /**
     * While finance has the transfer reversed (or is reversing it), the share stays owed in the ledger and a
     * restoration sends it with the rest, so a restore is not sent on its own: it is set aside. Returns whether it was.
     */
    private boolean setAside(Restore r) {
        if (r.transfer().status() == TransferState.SENT) {
            return false;
        }
        systemAccess.transaction(
                ACROSS_TENANTS,
                "set aside the restore of refund " + r.refundId(),
                () -> jdbc.update(
                        "UPDATE transfer_refund_reversals SET restore_status = 'FAILED', restore_error = ?,"
                                + " updated_at = ? WHERE refund_id = ?",
                        "The transfer is " + r.transfer().status() + "; a restoration sends what is owed",
                        Timestamp.from(clock.instant()),
                        r.refundId()));
        return true;
    }

    private ProviderOutcome<StripeTransfers.Sent> create(Restore r) {
        return stripe.create(new StripeTransfers.TransferCall(
                r.paymentRequestId(),
                r.key(),
                new Money(r.amountMinor(), r.transfer().currency()),
                r.transfer().destinationAccount().orElseThrow(),
                r.transfer().sourceTransaction().orElseThrow(),
                BilledRequest.transferGroup(new PaymentRequestId(r.paymentRequestId()))));
    }

    private void sendRestore(UUID refundId) {
        Optional<Restore> restore = restore(refundId, true);
        if (restore.isEmpty()) {
            return;
        }
        Restore r = restore.get();
        UUID callId = callOf(refundId, "restore_call_id");
        if (setAside(r)) {
            recordRestore(r, callId, new ProviderOutcome.NotAttempted<>("Set aside: a restoration sends what is owed"));
            return;
        }
        var outcome = calls.send(() -> create(r));
        recordRestore(r, callId, outcome);
    }

    private void recordRestore(Restore r, UUID callId, ProviderOutcome<StripeTransfers.Sent> outcome) {
        UUID refundId = r.refundId();
        systemAccess.transaction(ACROSS_TENANTS, "record the restore of refund " + refundId, () -> {
            calls.record(callId, outcome, StripeTransfers.Sent::id);
            String status;
            String transferId = null;
            String error = null;
            switch (outcome) {
                case ProviderOutcome.Approved<StripeTransfers.Sent>(StripeTransfers.Sent sent) -> {
                    status = "DONE";
                    transferId = sent.id();
                    postings.transferred(
                            r.transfer().tenantId(),
                            new PaymentRequestId(r.paymentRequestId()),
                            r.transfer().destinationAccount().orElseThrow(),
                            sent.id(),
                            sent.destinationPayment(),
                            new Money(r.amountMinor(), r.transfer().currency()),
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
                            + " restore_error = ?, updated_at = ? WHERE refund_id = ?"
                            + " AND restore_status IN ('PENDING', 'UNKNOWN')",
                    status,
                    transferId,
                    error,
                    Timestamp.from(clock.instant()),
                    refundId);
        });
    }
}
