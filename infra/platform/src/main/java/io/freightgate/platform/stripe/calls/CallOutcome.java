package io.freightgate.platform.stripe.calls;

import io.freightgate.platform.stripe.ProviderOutcome;

/**
 * Where a recorded Stripe call stands: {@code INTENDED} until its answer is recorded, then the kind of the {@link
 * ProviderOutcome} it came to. {@code UNKNOWN}, {@code PENDING} and a stale {@code INTENDED} are open: the janitor
 * looks them up.
 */
public enum CallOutcome {
    INTENDED,
    APPROVED,
    DECLINED,
    PENDING,
    UNKNOWN,
    NOT_ATTEMPTED;

    /** Whether the janitor still has to find out what the call came to. */
    public boolean open() {
        return this == INTENDED || this == PENDING || this == UNKNOWN;
    }

    /** The kind of a provider outcome. */
    public static CallOutcome of(ProviderOutcome<?> outcome) {
        return switch (outcome) {
            case ProviderOutcome.Approved<?> a -> APPROVED;
            case ProviderOutcome.Declined<?> d -> DECLINED;
            case ProviderOutcome.Pending<?> p -> PENDING;
            case ProviderOutcome.Unknown<?> u -> UNKNOWN;
            case ProviderOutcome.NotAttempted<?> n -> NOT_ATTEMPTED;
        };
    }
}
