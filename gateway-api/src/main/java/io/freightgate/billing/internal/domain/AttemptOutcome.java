package io.freightgate.billing.internal.domain;

/**
 * The outcome taxonomy of a call to Stripe as a payment attempt records it: {@code APPROVED} (paid or authorized),
 * {@code DECLINED} (refused: card declined, authentication failed, debit failed, blocked by screening is
 * {@code NOT_ATTEMPTED}), {@code PENDING} (accepted and in progress: 3-D Secure to complete, SEPA debit processing),
 * {@code UNKNOWN} (no answer: it may have happened, so it is reconciled with the same idempotency key before anything
 * else is concluded) and {@code NOT_ATTEMPTED} (never sent: screening blocked it, or configuration).
 */
public enum AttemptOutcome {
    APPROVED,
    DECLINED,
    PENDING,
    UNKNOWN,
    NOT_ATTEMPTED;

    public boolean settled() {
        return this == APPROVED || this == DECLINED || this == NOT_ATTEMPTED;
    }
}
