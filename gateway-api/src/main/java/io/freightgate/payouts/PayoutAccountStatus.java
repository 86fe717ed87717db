package io.freightgate.payouts;

/**
 * A payout account's status as carriers and staff see it. {@code ACTIVE} is the only status in which the carrier
 * receives transfers; {@code RESTRICTED} means Stripe wants something past due (see the requirements) or disabled
 * payouts. {@code PENDING} while FreightGate waits for Stripe's answer to the creation (retry the request);
 * {@code DECLINED} when Stripe refused it.
 */
public enum PayoutAccountStatus {
    PENDING,
    DECLINED,
    ONBOARDING,
    ACTIVE,
    RESTRICTED
}
