package io.freightgate.disputes;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * The shipper's bank opened a dispute (an inquiry or a chargeback) on the charge of a payment request. Published once
 * per dispute, when FreightGate first hears of it, whatever status that first news carries.
 *
 * @param at when FreightGate learnt it
 */
public record DisputeOpened(
        DisputeId disputeId,
        String stripeDisputeId,
        String paymentIntentId,
        PaymentRequestId paymentRequestId,
        TenantId carrier,
        DisputeStatus status,
        Money amount,
        String reason,
        Optional<Instant> evidenceDueBy,
        Instant at)
        implements DisputeEvent {}
