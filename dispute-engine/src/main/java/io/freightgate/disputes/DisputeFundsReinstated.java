package io.freightgate.disputes;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.time.Instant;

/**
 * The withdrawn amount and the dispute fee came back to the platform's balance (Stripe's balance transaction of
 * category {@code dispute_reversal}). Published once per dispute.
 *
 * @param amount what came back (positive)
 * @param fee the dispute fee given back (positive)
 * @param at when FreightGate learnt it
 */
public record DisputeFundsReinstated(
        DisputeId disputeId,
        String stripeDisputeId,
        String paymentIntentId,
        PaymentRequestId paymentRequestId,
        TenantId carrier,
        Money amount,
        Money fee,
        Instant at)
        implements DisputeEvent {}
