package io.freightgate.transfers;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;

/** The carrier's share of a payment request was transferred to its connected account (Stripe made the transfer). */
public record TransferReleased(
        PaymentRequestId paymentRequestId,
        TenantId carrier,
        Money amount,
        Money fee,
        String stripeTransferId,
        String transferGroup) {}
