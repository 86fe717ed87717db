package io.freightgate.flows;

import io.freightgate.fraud.PaymentHeldForReview;
import io.freightgate.fraud.ReviewClosed;
import io.freightgate.payouts.PayoutHolds;
import io.freightgate.platform.tenancy.SystemAccess;
import java.util.Optional;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * A payment held for a fraud review holds its carrier's payouts (the connected account pays out manually) until the
 * review closes, either way: an approved payment's money moves on, a rejected one's is cancelled or refunded, and in
 * both cases nothing of it is left to protect by holding the carrier's other payouts. The hold's reference is the
 * review, so repeats change nothing (ADR 0014).
 */
@Component
class FraudReviewsHoldCarrierPayouts {

    private final PayoutHolds holds;
    private final SystemAccess systemAccess;

    FraudReviewsHoldCarrierPayouts(PayoutHolds holds, SystemAccess systemAccess) {
        this.holds = holds;
        this.systemAccess = systemAccess;
    }

    static String reference(UUID reviewId) {
        return "fraud-review:" + reviewId;
    }

    // Not in a transaction of its own: the facade binds the audited system scope and calls Stripe after its commit.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PaymentHeldForReview event) {
        systemAccess.callAs(
                "flow:fraud-review-holds-payouts",
                Optional.empty(),
                "hold the payouts of carrier " + event.carrier() + " for fraud review " + event.reviewId(),
                () -> holds.hold(
                        event.carrier(),
                        reference(event.reviewId()),
                        "Payment request " + event.paymentRequestId().value() + " is held for fraud review ("
                                + event.stage() + ")"));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ReviewClosed event) {
        systemAccess.callAs(
                "flow:fraud-review-releases-payouts",
                Optional.empty(),
                "release the payouts of carrier " + event.carrier() + " held for fraud review " + event.reviewId()
                        + " (" + event.outcome() + " by " + event.actor() + ")",
                () -> holds.causeEnded(event.carrier(), reference(event.reviewId())));
    }
}
