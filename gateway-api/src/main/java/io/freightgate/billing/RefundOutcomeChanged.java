package io.freightgate.billing;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRefundId;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * A refund's outcome was recorded (it may be unchanged: {@code before == after}), published inside the transaction
 * that records it. Transfers listens synchronously and, in that same transaction, posts the {@code REFUND} or
 * {@code REFUND_FAILURE} journal and records the reversal or the restore of the carrier's share the change calls for;
 * the Stripe calls follow on {@link RefundOutcomeCommitted}. {@code refundsOfRequest} lists every refund of the request
 * in the order they were made, as this transaction sees them.
 */
public record RefundOutcomeChanged(
        PaymentRefundId refundId,
        PaymentRequestId paymentRequestId,
        TenantId carrier,
        String loadReference,
        Money amount,
        Optional<String> stripeRefundId,
        RefundOutcome before,
        RefundOutcome after,
        List<RefundLine> refundsOfRequest) {

    /** One refund of the request. */
    public record RefundLine(PaymentRefundId refundId, long amountMinor, RefundOutcome outcome) {}
}
