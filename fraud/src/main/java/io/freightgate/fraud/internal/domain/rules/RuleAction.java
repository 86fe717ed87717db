package io.freightgate.fraud.internal.domain.rules;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a rule does when it fires, declared in Radar's order: request 3-D Secure, allow, block, review, then hold the
 * carrier's payouts. As at Radar, a request for 3-D Secure is asked before anything else and does not end the
 * evaluation (the payment's fate is still decided by the allow, block and review rules, which see the authenticated
 * charge after authorization); among allow, block and review the first in this order decides, so an allow rule beats
 * block and review rules; holding payouts adds to whatever was decided.
 */
public enum RuleAction {
    REQUEST_3DS("request_3ds"),
    ALLOW("allow"),
    BLOCK("block"),
    REVIEW("review"),
    HOLD_PAYOUT("hold_payout");

    private final String keyword;

    RuleAction(String keyword) {
        this.keyword = keyword;
    }

    /** Whether this action decides the payment's fate (allow, block, review) rather than adding to it. */
    public boolean decides() {
        return this == ALLOW || this == BLOCK || this == REVIEW;
    }

    /** The word a rule starts with. */
    public String keyword() {
        return keyword;
    }

    public static Optional<RuleAction> byKeyword(String word) {
        return Arrays.stream(values())
                .filter(action -> action.keyword.equals(word))
                .findFirst();
    }
}
