package io.freightgate.flows;

import io.freightgate.billing.Payments;
import io.freightgate.fraud.ReviewedPayments;
import io.freightgate.kernel.PaymentRequestId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A closed fraud review moves the payment's money through the payments facade: approving captures the kept
 * authorization and approves Stripe's review, rejecting cancels it or refunds as fraudulent.
 */
@Component
class ReviewedPaymentsFromPayments implements ReviewedPayments {

    private final Payments payments;

    ReviewedPaymentsFromPayments(Payments payments) {
        this.payments = payments;
    }

    @Override
    public void approve(PaymentRequestId paymentRequestId, Optional<String> stripeReviewId) {
        payments.approveReviewed(paymentRequestId, stripeReviewId);
    }

    @Override
    public void reject(PaymentRequestId paymentRequestId) {
        payments.rejectReviewed(paymentRequestId);
    }
}
