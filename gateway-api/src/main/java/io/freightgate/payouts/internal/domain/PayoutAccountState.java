package io.freightgate.payouts.internal.domain;

/**
 * The life of a payout account: {@code CREATING} (intent recorded, Stripe not yet answered) then {@code ONBOARDING}
 * (the account exists, the carrier has not completed Stripe's onboarding), {@code ACTIVE} (payouts enabled,
 * {@code transfers} active, nothing past due: transfers allowed) and {@code RESTRICTED} (onboarded, but Stripe
 * disabled payouts or requirements are past due: no transfers until they are met again). {@code CREATION_UNKNOWN}
 * when Stripe's answer was lost (retried with the same idempotency key), {@code DECLINED} when Stripe refused.
 */
public enum PayoutAccountState {
    CREATING,
    CREATION_UNKNOWN,
    DECLINED,
    ONBOARDING,
    ACTIVE,
    RESTRICTED;

    /** The state a synchronized account is in, from what Stripe reports. */
    static PayoutAccountState of(AccountSnapshot snapshot) {
        if (transfersAllowed(snapshot)) {
            return ACTIVE;
        }
        return snapshot.detailsSubmitted() ? RESTRICTED : ONBOARDING;
    }

    static boolean transfersAllowed(AccountSnapshot snapshot) {
        return snapshot.payoutsEnabled()
                && snapshot.capability("transfers").map("active"::equals).orElse(false)
                && snapshot.requirements().pastDue().isEmpty();
    }
}
