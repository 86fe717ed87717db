package io.freightgate.flows;

import io.freightgate.billing.PaymentRequests;
import io.freightgate.fraud.FraudPayments;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Fraud learns which payment request a warned PaymentIntent paid from the payments facade. */
@Component
class FraudPaymentsFromPayments implements FraudPayments {

    private final PaymentRequests requests;

    FraudPaymentsFromPayments(PaymentRequests requests) {
        this.requests = requests;
    }

    @Override
    public Optional<WarnedPayment> byPaymentIntent(String paymentIntentId) {
        return requests.findByPaymentIntent(paymentIntentId)
                .map(request ->
                        new WarnedPayment(request.id(), request.carrier(), request.shipper(), request.amount()));
    }
}
