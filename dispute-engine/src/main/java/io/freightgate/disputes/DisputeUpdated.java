package io.freightgate.disputes;

import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.time.Instant;

/**
 * The dispute moved on without being decided (an inquiry answered or escalated to a chargeback, evidence under
 * review). Published once per status the case reaches; a decision is {@link DisputeClosed} instead.
 *
 * @param previous the status before
 * @param status the status now
 * @param at when FreightGate learnt it
 */
public record DisputeUpdated(
        DisputeId disputeId,
        String stripeDisputeId,
        String paymentIntentId,
        PaymentRequestId paymentRequestId,
        TenantId carrier,
        DisputeStatus previous,
        DisputeStatus status,
        Instant at)
        implements DisputeEvent {}
