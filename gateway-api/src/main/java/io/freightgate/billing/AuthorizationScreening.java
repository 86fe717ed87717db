package io.freightgate.billing;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The screening port asked once a card payment is authorized (every card PaymentIntent is confirmed with
 * {@code capture_method=manual}, ADR 0013), with the charge's Radar outcome, and once a SEPA debit that the first
 * screening sent to review is collected. The fraud module implements it (through flows) and stores the decision; a
 * {@link Outcome#REVIEW} also opens a review in its queue. Until it is implemented, billing's default allows everything
 * (a REVIEW of the first screening is kept).
 */
public interface AuthorizationScreening {

    Decision screen(Authorization authorization);

    /**
     * What is known once the payment is authorized (or a SEPA debit collected).
     *
     * @param method {@code card} or {@code sepa_debit}
     * @param reviewedBeforeConfirmation the screening before confirmation answered REVIEW: the decision is at least
     *     REVIEW
     * @param captureBefore when the authorization expires (a review is decided before, by a person or the policy)
     */
    record Authorization(
            UUID paymentRequestId,
            UUID attemptId,
            TenantId carrier,
            TenantId shipper,
            Money amount,
            String method,
            boolean reviewedBeforeConfirmation,
            Optional<Instant> captureBefore,
            Optional<String> paymentIntentId,
            Optional<String> chargeId,
            Radar radar) {}

    /**
     * The charge's Radar outcome and 3-D Secure result ({@code charge.outcome}, {@code charge.review},
     * {@code payment_method_details.card}).
     */
    record Radar(
            Optional<String> riskLevel,
            Optional<Long> riskScore,
            Optional<String> outcomeType,
            Optional<String> rule,
            Optional<String> networkStatus,
            Optional<String> sellerMessage,
            boolean threeDSecure,
            boolean threeDSecureAuthenticated,
            boolean liabilityShift,
            Optional<String> cvcCheck,
            Optional<String> stripeReviewId) {}

    enum Outcome {
        ALLOW,
        REVIEW,
        BLOCK
    }

    /** What the screening decided; {@code reviewId} is the review it opened for a REVIEW. */
    record Decision(Outcome outcome, Optional<UUID> reviewId, List<String> reasons) {
        public Decision {
            reasons = List.copyOf(reasons);
        }
    }
}
