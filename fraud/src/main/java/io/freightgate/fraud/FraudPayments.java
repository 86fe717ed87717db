package io.freightgate.fraud;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.util.Optional;

/**
 * The port through which fraud learns which payment a Stripe object belongs to (an early fraud warning names a charge
 * and a PaymentIntent). Implemented in {@code io.freightgate.flows}: fraud never names the payments module's types.
 */
public interface FraudPayments {

    /** The payment request a PaymentIntent paid, its carrier, shipper and amount. */
    record WarnedPayment(PaymentRequestId paymentRequestId, TenantId carrier, TenantId shipper, Money amount) {}

    Optional<WarnedPayment> byPaymentIntent(String paymentIntentId);
}
