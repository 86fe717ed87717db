package io.freightgate.billing;

import java.util.UUID;

/** Screening blocked the payment before Stripe was called; nothing was charged. */
public class PaymentBlocked extends RuntimeException {

    private final UUID attemptId;

    public PaymentBlocked(String message, UUID attemptId) {
        super(message);
        this.attemptId = attemptId;
    }

    public UUID attemptId() {
        return attemptId;
    }
}
