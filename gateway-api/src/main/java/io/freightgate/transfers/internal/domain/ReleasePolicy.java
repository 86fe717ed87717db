package io.freightgate.transfers.internal.domain;

import io.freightgate.billing.PaymentRequestStatus;
import io.freightgate.kernel.Money;
import io.freightgate.transfers.TransferHoldReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When the carrier's share of a payment request may leave the platform: the money is in (paid and, for SEPA debits,
 * settled: the request is {@code PAID} or {@code PARTIALLY_REFUNDED}, never while {@code PAYMENT_PENDING}), screening
 * allowed the payment, delivery is proven (or the carrier is trusted and released at payment), the carrier's payout
 * account can receive transfers, the carrier is verified, and nothing holds the transfer. Delivery evidence that is the
 * carrier's word alone (unplaced, undated, dated before the pickup or in the future) is recorded but proves nothing by
 * itself: the transfer waits for a second signal (the shipper's confirmation, a telematics arrival at the consignee or
 * a platform release), and the answer names what the evidence lacks. Every unmet condition is named in the answer, so
 * operators see all that a transfer waits for at once. A rejection is a value, not an exception.
 */
public final class ReleasePolicy {

    private ReleasePolicy() {}

    /** What is known about one transfer when the policy is asked. */
    public record Facts(
            TransferState state,
            PaymentRequestStatus request,
            boolean screeningAllowed,
            Delivery delivery,
            boolean trustedCarrier,
            boolean payoutAccountReady,
            boolean carrierVerified,
            Set<TransferHoldReason> activeHolds,
            Money share) {
        public Facts {
            activeHolds = Set.copyOf(activeHolds);
        }
    }

    /** What the evidence of the delivery recorded for the transfer proves. */
    public sealed interface Delivery {
        /** No evidence yet. */
        record NotConfirmed() implements Delivery {}

        /** Proven: placed and dated proof, the shipper's confirmation, telematics backing the proof, a platform release. */
        record Confirmed() implements Delivery {}

        /** The carrier's word alone; {@code reason} says what it lacks. */
        record AwaitsSecondSignal(String reason) implements Delivery {}
    }

    /** Why a transfer waits. */
    public enum Wait {
        NOT_WAITING_STATE,
        AWAITING_PAYMENT,
        DISPUTED,
        SCREENING_REVIEW,
        DELIVERY_NOT_CONFIRMED,
        SECOND_DELIVERY_SIGNAL,
        PAYOUT_ACCOUNT_NOT_READY,
        CARRIER_NOT_VERIFIED,
        HELD
    }

    /** The policy's answer. */
    public sealed interface Decision {}

    /** Send {@code amount} now. */
    public record Release(Money amount) implements Decision {}

    /**
     * Not now; every reason listed. {@code deliveryWait} names the wait for a second delivery signal ("waits for a
     * second delivery signal: the proof of delivery has no position") when that is one of the reasons.
     */
    public record Hold(List<Wait> reasons, Optional<String> deliveryWait) implements Decision {
        public Hold {
            reasons = List.copyOf(reasons);
        }

        public Hold(List<Wait> reasons) {
            this(reasons, Optional.empty());
        }
    }

    /** Nothing is left for the carrier (refunded in full, or the fee took it all). */
    public record NothingToTransfer() implements Decision {}

    public static Decision decide(Facts facts) {
        if (!facts.state().waiting()) {
            return new Hold(List.of(Wait.NOT_WAITING_STATE));
        }
        List<Wait> reasons = new ArrayList<>();
        switch (facts.request()) {
            case PAID, PARTIALLY_REFUNDED -> {}
            case DISPUTED -> reasons.add(Wait.DISPUTED);
            case REFUNDED -> {
                return new NothingToTransfer();
            }
            case OPEN, OVERDUE, PAYMENT_PENDING, AUTHORIZED, CANCELED -> reasons.add(Wait.AWAITING_PAYMENT);
        }
        if (!facts.screeningAllowed()) {
            reasons.add(Wait.SCREENING_REVIEW);
        }
        Optional<String> deliveryWait = Optional.empty();
        if (!facts.trustedCarrier()) {
            switch (facts.delivery()) {
                case Delivery.NotConfirmed notConfirmed -> reasons.add(Wait.DELIVERY_NOT_CONFIRMED);
                case Delivery.Confirmed confirmed -> {}
                case Delivery.AwaitsSecondSignal weak -> {
                    reasons.add(Wait.SECOND_DELIVERY_SIGNAL);
                    deliveryWait = Optional.of("waits for a second delivery signal (the shipper's confirmation, a"
                            + " telematics arrival at the consignee or a platform release): " + weak.reason());
                }
            }
        }
        if (!facts.payoutAccountReady()) {
            reasons.add(Wait.PAYOUT_ACCOUNT_NOT_READY);
        }
        if (!facts.carrierVerified()) {
            reasons.add(Wait.CARRIER_NOT_VERIFIED);
        }
        if (!facts.activeHolds().isEmpty()) {
            reasons.add(Wait.HELD);
        }
        if (!reasons.isEmpty()) {
            return new Hold(reasons, deliveryWait);
        }
        return facts.share().isPositive() ? new Release(facts.share()) : new NothingToTransfer();
    }
}
