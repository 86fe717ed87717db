package io.freightgate.disputes.internal.domain;

import io.freightgate.disputes.DisputeReason;
import io.freightgate.disputes.DisputeStatus;
import io.freightgate.kernel.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Stripe's dispute object as one event (or one read) carried it. Snapshots are cumulative (a later one lists every
 * balance transaction an earlier one did), but they may arrive late, twice or out of order; {@link DisputeCase#apply}
 * decides what is news.
 *
 * @param paymentIntentId the PaymentIntent of the disputed charge; empty when Stripe names none
 * @param reason Stripe's reason; {@link DisputeReason#GENERAL} for a name this version does not know
 * @param evidenceDueBy the evidence deadline; empty when {@code due_by} is 0 (the issuer allows no response)
 * @param withdrawal the balance transaction of category {@code dispute}, once there is one
 * @param reinstatement the balance transaction of category {@code dispute_reversal}, once there is one
 * @param network the card network ({@code visa}, {@code mastercard}...) or the payment method's type where no card
 * @param paymentMethodType the disputed payment's method ({@code card}, {@code sepa_debit}...)
 */
public record DisputeSnapshot(
        String stripeDisputeId,
        String chargeId,
        Optional<String> paymentIntentId,
        DisputeStatus status,
        Money amount,
        DisputeReason reason,
        Optional<Instant> evidenceDueBy,
        Instant created,
        Optional<Movement> withdrawal,
        Optional<Movement> reinstatement,
        Optional<String> network,
        Optional<String> paymentMethodType) {

    public DisputeSnapshot {
        Objects.requireNonNull(stripeDisputeId, "stripeDisputeId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
    }

    /** A card dispute's snapshot on a known PaymentIntent (the network and method unknown). */
    public DisputeSnapshot(
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
        this(
                stripeDisputeId,
                chargeId,
                Optional.of(paymentIntentId),
                status,
                amount,
                DisputeReason.ofStripe(reason).orElse(DisputeReason.GENERAL),
                evidenceDueBy,
                created,
                withdrawal,
                reinstatement,
                Optional.empty(),
                Optional.empty());
    }

    /** Money that moved for the dispute: the amount and Stripe's fee, both positive. */
    public record Movement(Money amount, Money fee) {}
}
