package io.freightgate.disputes;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * The dispute was decided. Published once per dispute, after {@link DisputeFundsWithdrawn} and {@link
 * DisputeFundsReinstated} when the same news carried them.
 *
 * @param outcome how it ended
 * @param amount the disputed amount
 * @param withdrawn what the card network had withdrawn by then; empty for an inquiry
 * @param at when FreightGate learnt it
 */
public record DisputeClosed(
        DisputeId disputeId,
        String stripeDisputeId,
        String paymentIntentId,
        PaymentRequestId paymentRequestId,
        TenantId carrier,
        DisputeOutcome outcome,
        Money amount,
        Optional<Money> withdrawn,
        Instant at)
        implements DisputeEvent {}
