package io.freightgate.billing;

/** What Stripe's answer to a refund came to, as far as FreightGate knows. */
public enum RefundOutcome {
    APPROVED,
    DECLINED,
    PENDING,
    UNKNOWN,
    NOT_ATTEMPTED
}
