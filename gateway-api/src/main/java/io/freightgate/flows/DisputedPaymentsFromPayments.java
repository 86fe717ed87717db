package io.freightgate.flows;

import io.freightgate.billing.PaymentRequests;
import io.freightgate.disputes.DisputedPayments;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The dispute engine learns which payment request a disputed PaymentIntent paid from the payments facade. */
@Component
class DisputedPaymentsFromPayments implements DisputedPayments {

    private final PaymentRequests requests;

    DisputedPaymentsFromPayments(PaymentRequests requests) {
        this.requests = requests;
    }

    @Override
    public Optional<DisputedPayment> byPaymentIntent(String paymentIntentId) {
        return requests.findByPaymentIntent(paymentIntentId)
                .map(request -> new DisputedPayment(
                        request.id(), request.carrier(), request.shipper(), request.loadReference(), request.loadId()));
    }
}
