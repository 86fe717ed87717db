package io.freightgate.transfers;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;

/** A transfer already made was taken back from the carrier's connected account in full (a Stripe transfer reversal). */
public record TransferReversed(
        PaymentRequestId paymentRequestId,
        TenantId carrier,
        Money amount,
        String stripeTransferId,
        String stripeReversalId) {}
