package io.freightgate.payouts.internal.domain;

import java.util.Locale;

/**
 * Where a payout is. FreightGate's own states come first ({@code REQUESTED} before Stripe answered,
 * {@code REQUEST_UNKNOWN} when the answer was lost, {@code DECLINED} when Stripe refused); the rest are Stripe's.
 * Webhooks arrive late, twice and out of order, so a state only moves forward: pending, in transit, then paid, failed
 * or canceled. The one way back Stripe knows is a paid payout failing later (the bank returned it).
 */
public enum PayoutState {
    REQUESTED(0),
    REQUEST_UNKNOWN(0),
    DECLINED(3),
    PENDING(1),
    IN_TRANSIT(2),
    PAID(3),
    FAILED(4),
    CANCELED(4);

    private final int rank;

    PayoutState(int rank) {
        this.rank = rank;
    }

    /** Stripe's {@code status} of a payout. */
    public static PayoutState fromStripe(String status) {
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "pending" -> PENDING;
            case "in_transit" -> IN_TRANSIT;
            case "paid" -> PAID;
            case "failed" -> FAILED;
            case "canceled" -> CANCELED;
            default -> throw new IllegalArgumentException("Unknown payout status " + status);
        };
    }

    /** Whether Stripe's {@code next} moves a payout in this state forward (anything else is a stale report). */
    public boolean advancesTo(PayoutState next) {
        if (this == DECLINED || this == FAILED || this == CANCELED) {
            return false;
        }
        if (this == PAID) {
            return next == FAILED;
        }
        return next.rank > rank;
    }

    public boolean terminal() {
        return this == DECLINED || this == FAILED || this == CANCELED;
    }
}
