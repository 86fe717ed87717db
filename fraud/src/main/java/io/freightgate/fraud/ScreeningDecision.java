package io.freightgate.fraud;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What screening decided for one payment, and why.
 *
 * @param decisionId the stored decision (its facts and explanation can be read and replayed)
 * @param holdPayout whether a hold_payout rule fired: the carrier's payouts wait
 * @param decidingRule the name of the rule whose action decided; empty when no allow, block or review rule fired
 * @param explanations every rule that fired with the values it saw, the deciding one first
 */
public record ScreeningDecision(
        UUID decisionId,
        Decision decision,
        boolean holdPayout,
        Optional<String> decidingRule,
        List<String> explanations) {

    public ScreeningDecision {
        explanations = List.copyOf(explanations);
    }

    /** The payment's fate before confirmation. */
    public enum Decision {
        ALLOW,
        /** Confirm with 3-D Secure requested ({@code request_three_d_secure=any}). */
        REQUEST_3DS,
        /** Proceed, but a person decides before the money moves on. */
        REVIEW,
        /** Never reaches Stripe. */
        BLOCK
    }
}
