package io.freightgate.payments.internal.domain;

import io.freightgate.kernel.Money;
import io.freightgate.payments.TransferHoldReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * When the carrier's share of a payment request may leave the platform: the money is in (paid and, for SEPA debits,
 * settled: the request is {@code PAID} or {@code PARTIALLY_REFUNDED}, never while {@code PAYMENT_PENDING}), screening
 * allowed the payment, delivery is confirmed (or the carrier is trusted and released at payment), the carrier's payout
 * account can receive transfers, the carrier is verified, and nothing holds the transfer. Every unmet condition is named
 * in the answer, so operators see all that a transfer waits for at once. A rejection is a value, not an exception.
 */
public final class ReleasePolicy {

    private ReleasePolicy() {}

    /** What is known about one transfer when the policy is asked. */
    public record Facts(
            TransferState state,
            PaymentRequestState request,
            boolean screeningAllowed,
            boolean deliveryConfirmed,
            boolean trustedCarrier,
            boolean payoutAccountReady,
            boolean carrierVerified,
            Set<TransferHoldReason> activeHolds,
            Money share) {
        public Facts {
            activeHolds = Set.copyOf(activeHolds);
        }
    }

    /** Why a transfer waits. */
    public enum Wait {
        NOT_WAITING_STATE,
        AWAITING_PAYMENT,
        DISPUTED,
        SCREENING_REVIEW,
        DELIVERY_NOT_CONFIRMED,
        PAYOUT_ACCOUNT_NOT_READY,
        CARRIER_NOT_VERIFIED,
        HELD
    }

    /** The policy's answer. */
    public sealed interface Decision {}

    /** Send {@code amount} now. */
    public record Release(Money amount) implements Decision {}

    /** Not now; every reason listed. */
    public record Hold(List<Wait> reasons) implements Decision {
        public Hold {
            reasons = List.copyOf(reasons);
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
            case OPEN, PAYMENT_PENDING, AUTHORIZED, CANCELED -> reasons.add(Wait.AWAITING_PAYMENT);
        }
        if (!facts.screeningAllowed()) {
            reasons.add(Wait.SCREENING_REVIEW);
        }
        if (!facts.deliveryConfirmed() && !facts.trustedCarrier()) {
            reasons.add(Wait.DELIVERY_NOT_CONFIRMED);
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
            return new Hold(reasons);
        }
        return facts.share().isPositive() ? new Release(facts.share()) : new NothingToTransfer();
    }
}
