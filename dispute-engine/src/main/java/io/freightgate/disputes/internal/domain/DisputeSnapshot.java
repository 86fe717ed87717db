package io.freightgate.disputes.internal.domain;

import io.freightgate.disputes.DisputeStatus;
import io.freightgate.kernel.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Stripe's dispute object as one event carried it. Snapshots are cumulative (a later one lists every balance
 * transaction an earlier one did), but they may arrive late, twice or out of order; {@link DisputeCase#apply} decides
 * what is news.
 *
 * @param withdrawal the balance transaction of category {@code dispute}, once there is one
 * @param reinstatement the balance transaction of category {@code dispute_reversal}, once there is one
 */
public record DisputeSnapshot(
        String stripeDisputeId,
        String chargeId,
        String paymentIntentId,
        DisputeStatus status,
        Money amount,
        String reason,
        Optional<Instant> evidenceDueBy,
        Instant created,
        Optional<Movement> withdrawal,
        Optional<Movement> reinstatement) {

    public DisputeSnapshot {
        Objects.requireNonNull(stripeDisputeId, "stripeDisputeId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
    }

    /** Money that moved for the dispute: the amount and Stripe's fee, both positive. */
    public record Movement(Money amount, Money fee) {}
}
