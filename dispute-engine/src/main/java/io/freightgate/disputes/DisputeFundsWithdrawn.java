package io.freightgate.disputes;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.time.Instant;

/**
 * The card network withdrew the disputed amount from the platform's balance, and Stripe its dispute fee (Stripe's
 * balance transaction of category {@code dispute}). Published once per dispute.
 *
 * @param amount what was withdrawn (positive)
 * @param fee Stripe's dispute fee (positive)
 * @param at when FreightGate learnt it
 */
public record DisputeFundsWithdrawn(
        DisputeId disputeId,
        String stripeDisputeId,
        String paymentIntentId,
        PaymentRequestId paymentRequestId,
        TenantId carrier,
        Money amount,
        Money fee,
        Instant at)
        implements DisputeEvent {}
