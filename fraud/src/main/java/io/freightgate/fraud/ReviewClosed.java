package io.freightgate.fraud;

import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.util.UUID;

/**
 * A fraud review ended: {@link Outcome#APPROVED} lets the money move on (capture, transfer, payouts),
 * {@link Outcome#REJECTED} cancels the authorization or refunds the payment as fraudulent.
 *
 * @param actor who decided ({@code policy:...} when the automatic decision before the authorization's expiry did)
 */
public record ReviewClosed(
        UUID reviewId, PaymentRequestId paymentRequestId, TenantId carrier, Outcome outcome, String actor) {

    public enum Outcome {
        APPROVED,
        REJECTED
    }
}
