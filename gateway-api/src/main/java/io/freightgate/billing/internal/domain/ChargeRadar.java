package io.freightgate.billing.internal.domain;

import java.util.Optional;

/**
 * What Stripe's Radar and the card's authentication said of a PaymentIntent's latest charge ({@code charge.outcome},
 * {@code charge.review} and {@code payment_method_details.card}): the facts the screening after the authorization adds.
 *
 * @param outcomeType {@code authorized}, {@code manual_review}, {@code issuer_declined}, {@code blocked} or
 *     {@code invalid}
 * @param rule the Radar rule that acted (its id), if any
 * @param threeDSecureResult {@code three_d_secure.result} ({@code authenticated}, {@code attempt_acknowledged}, ...)
 *     when the payment went through 3-D Secure
 * @param stripeReviewId Stripe's own review ({@code prv_...}) of the charge, if Radar opened one
 */
public record ChargeRadar(
        Optional<String> riskLevel,
        Optional<Long> riskScore,
        Optional<String> outcomeType,
        Optional<String> rule,
        Optional<String> networkStatus,
        Optional<String> sellerMessage,
        Optional<String> threeDSecureResult,
        Optional<String> cvcCheck,
        Optional<String> stripeReviewId) {

    /** No charge was read (a PaymentIntent without one, or its charge not expanded). */
    public static final ChargeRadar NONE = new ChargeRadar(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    /** Radar itself blocked the charge: it never reached the card network. */
    public boolean blockedByRadar() {
        return outcomeType.filter("blocked"::equals).isPresent();
    }

    /** Fraud liability shifted to the issuer: 3-D Secure authenticated (or the issuer acknowledged the attempt). */
    public boolean liabilityShift() {
        return threeDSecureResult
                .filter(result -> result.equals("authenticated") || result.equals("attempt_acknowledged"))
                .isPresent();
    }
}
