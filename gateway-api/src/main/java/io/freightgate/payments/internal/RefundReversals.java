package io.freightgate.payments.internal;

import io.freightgate.payments.internal.domain.ProviderOutcome;
import io.freightgate.payments.internal.domain.Transfer;
import io.freightgate.payments.internal.domain.TransferState;
import io.freightgate.payments.internal.stripe.StripeTransfers;
import io.freightgate.platform.tenancy.SystemAccess;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * A refund of a payment request whose transfer was already made takes back the carrier's share in proportion:
 * {@code transferred × refund ÷ amount paid}, rounded half up, never more than what is left of the transfer. The
 * reversal is recorded first (key {@code fg-refund-reversal-{refundId}}), Stripe is called outside any transaction and
 * the outcome recorded; an unknown outcome is repeated with the same key by {@link #retry} (the transfer retry job),
 * a refusal (e.g. the carrier's Stripe balance is already paid out) is recorded for finance with Stripe's message.
 * A refund before the transfer needs none of this: the share is computed net of refunds when it is sent.
 */
@Component
public class RefundReversals {

    private static final Logger log = LoggerFactory.getLogger(RefundReversals.class);

    private final JdbcTemplate jdbc;
    private final TransferRecords transfers;
    private final StripeTransfers stripe;
    private final SystemAccess systemAccess;
    private final Clock clock;

    RefundReversals(
            JdbcTemplate jdbc,
            TransferRecords transfers,
            StripeTransfers stripe,
            SystemAccess systemAccess,
            Clock clock) {
        this.jdbc = jdbc;
        this.transfers = transfers;
        this.stripe = stripe;
        this.systemAccess = systemAccess;
        this.clock = clock;
    }

    record Call(UUID refundId, UUID paymentRequestId, String transferId, long amountMinor, String key) {}

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

    /** After Stripe approved a refund: reverses the transfer in proportion when it was made. Never throws. */
    public void refunded(UUID paymentRequestId, UUID refundId, long refundMinor) {
        try {
            Optional<Call> call = systemAccess.transaction(
                    true,
                    "plan the transfer reversal of refund " + refundId,
                    () -> plan(paymentRequestId, refundId, refundMinor));
            call.ifPresent(this::send);
        } catch (RuntimeException e) {
            log.error(
                    "The transfer reversal of refund {} (payment request {}) could not be started; finance must reverse"
                            + " the carrier's share by hand",
                    refundId,
                    paymentRequestId,
                    e);
        }
    }

    /** Repeats the reversals whose outcome is unknown, with their own keys. Returns how many were repeated. */
    public int retry() {
        List<Call> open = systemAccess.transaction(
                true,
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
        return open.size();
    }

    private Optional<Call> plan(UUID paymentRequestId, UUID refundId, long refundMinor) {
        if (!jdbc.queryForList(
                        "SELECT status FROM transfer_refund_reversals WHERE refund_id = ?", String.class, refundId)
                .isEmpty()) {
            return Optional.empty();
        }
        Transfer transfer = transfers.findByPaymentRequestId(paymentRequestId).orElse(null);
        if (transfer == null
                || transfer.status() != TransferState.SENT
                || transfer.stripeTransferId().isEmpty()) {
            return Optional.empty();
        }
        long transferred = transfer.amount().minor();
        long taken = jdbc.queryForObject(
                "SELECT coalesce(sum(amount_minor), 0) FROM transfer_refund_reversals"
                        + " WHERE payment_request_id = ? AND status <> 'FAILED'",
                Long.class,
                paymentRequestId);
        long amount =
                Math.min(proportional(transferred, refundMinor, transfer.gross().minor()), transferred - taken);
        if (amount <= 0) {
            return Optional.empty();
        }
        String key = "fg-refund-reversal-" + refundId;
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "INSERT INTO transfer_refund_reversals (refund_id, payment_request_id, tenant_id, stripe_transfer_id,"
                        + " amount_minor, currency, idempotency_key, status, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)",
                refundId,
                paymentRequestId,
                transfer.tenantId(),
                transfer.stripeTransferId().get(),
                amount,
                transfer.gross().currency().getCurrencyCode(),
                key,
                now,
                now);
        return Optional.of(
                new Call(refundId, paymentRequestId, transfer.stripeTransferId().get(), amount, key));
    }

    private void send(Call call) {
        var outcome = stripe.reverse(
                call.transferId(),
                call.paymentRequestId(),
                call.amountMinor(),
                "Refund " + call.refundId() + " of payment request " + call.paymentRequestId(),
                call.key());
        String status;
        String reversal = null;
        String error = null;
        switch (outcome) {
            case ProviderOutcome.Approved<String>(String id) -> {
                status = "DONE";
                reversal = id;
            }
            case ProviderOutcome.Declined<String> declined -> {
                status = "FAILED";
                error = declined.message();
                log.error(
                        "Stripe refused to reverse {} of transfer {} for refund {}: {}; finance must recover it",
                        call.amountMinor(),
                        call.transferId(),
                        call.refundId(),
                        declined.message());
            }
            case ProviderOutcome.Pending<String> pending -> {
                status = "UNKNOWN";
                error = pending.reason();
            }
            case ProviderOutcome.Unknown<String> unknown -> {
                status = "UNKNOWN";
                error = unknown.reason();
            }
            case ProviderOutcome.NotAttempted<String> notAttempted -> {
                status = "UNKNOWN";
                error = notAttempted.reason();
            }
        }
        String finalStatus = status;
        String finalReversal = reversal;
        String finalError = error;
        systemAccess.transaction(
                true,
                "record the transfer reversal of refund " + call.refundId(),
                () -> jdbc.update(
                        "UPDATE transfer_refund_reversals SET status = ?, stripe_reversal_id = ?, last_error = ?,"
                                + " updated_at = ? WHERE refund_id = ?",
                        finalStatus,
                        finalReversal,
                        finalError,
                        Timestamp.from(clock.instant()),
                        call.refundId()));
    }
}
