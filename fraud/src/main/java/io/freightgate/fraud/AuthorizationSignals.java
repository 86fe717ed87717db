package io.freightgate.fraud;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What is known once a card payment is authorized (or a SEPA debit collected), as the payments side sees it: the
 * charge's Radar outcome and 3-D Secure result. The screening adds them to the facts of the screening before
 * confirmation.
 *
 * @param method {@code card} or {@code sepa_debit}
 * @param reviewedBeforeConfirmation the first screening answered REVIEW: the decision is at least REVIEW
 * @param captureBefore when the authorization expires: the review is decided before (by a person, else the policy)
 * @param stripeReviewId Stripe's own review of the charge ({@code prv_...}), if Radar opened one
 */
public record AuthorizationSignals(
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
        Optional<String> riskLevel,
        Optional<Long> riskScore,
        Optional<String> outcomeType,
        Optional<String> radarRule,
        Optional<String> networkStatus,
        Optional<String> sellerMessage,
        boolean threeDSecure,
        boolean threeDSecureAuthenticated,
        boolean liabilityShift,
        Optional<String> cvcCheck,
        Optional<String> stripeReviewId) {

    /** Radar itself blocked the charge (it never reached the card network). */
    public boolean blockedByRadar() {
        return outcomeType.filter("blocked"::equals).isPresent();
    }
}
