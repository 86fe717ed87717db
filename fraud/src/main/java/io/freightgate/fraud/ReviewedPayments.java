package io.freightgate.fraud;

import io.freightgate.kernel.PaymentRequestId;
import java.util.Optional;

/**
 * The port through which a closed review moves the payment's money (implemented in flows, by the payments module):
 * approving captures a kept authorization and approves Stripe's own review, rejecting cancels the authorization or
 * refunds the payment as fraudulent. Both are idempotent and called outside any transaction; a failure (Stripe did
 * not answer) leaves the review open, to be decided again.
 */
public interface ReviewedPayments {

    void approve(PaymentRequestId paymentRequestId, Optional<String> stripeReviewId);

    void reject(PaymentRequestId paymentRequestId);
}
