package io.freightgate.payouts;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a paid payout contains: one line per balance transaction of the carrier's Stripe account (a transfer for a
 * payment request, a reversal, an adjustment...), tied to the payment request and load it came from when there is one.
 * {@code balanced} says whether the lines' net amounts add up to the payout; {@code difference} is payout minus lines.
 */
public record RemittanceView(
        PayoutView payout, List<Line> lines, Money total, boolean balanced, Money difference, Instant builtAt) {

    public enum Kind {
        PAYMENT,
        REVERSAL,
        ADJUSTMENT,
        OTHER
    }

    /**
     * A line: {@code invoiceAmount} is what the shipper paid on the payment request, so for a payment
     * {@code platformFee} = invoice amount minus the amount transferred (FreightGate's fee and any refunds).
     */
    public record Line(
            Kind kind,
            String stripeType,
            String balanceTransactionId,
            Money amount,
            Money stripeFee,
            Money net,
            Optional<PaymentRequestId> paymentRequestId,
            Optional<String> loadReference,
            Optional<Money> invoiceAmount,
            Optional<Money> platformFee,
            Optional<String> description,
            Instant occurredAt) {}
}
