package io.freightgate.billing;

import java.util.UUID;

/** Stripe declined the payment; {@code declineCode} is Stripe's ({@code insufficient_funds}, {@code generic_decline}...). */
public class PaymentDeclined extends RuntimeException {

    private final String declineCode;
    private final UUID attemptId;

    public PaymentDeclined(String declineCode, String message, UUID attemptId) {
        super(message);
        this.declineCode = declineCode;
        this.attemptId = attemptId;
    }

    public String declineCode() {
        return declineCode;
    }

    public UUID attemptId() {
        return attemptId;
    }
}
