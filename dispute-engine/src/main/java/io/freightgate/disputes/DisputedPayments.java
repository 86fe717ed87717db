package io.freightgate.disputes;

import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.util.Optional;

/**
 * The port through which the dispute engine learns which payment a disputed charge paid (implemented in {@code
 * io.freightgate.flows}). A dispute on a PaymentIntent FreightGate did not make has no payment and is not recorded.
 */
public interface DisputedPayments {

    /** The payment request paid by {@code paymentIntentId}, in any tenant. */
    Optional<DisputedPayment> byPaymentIntent(String paymentIntentId);

    /** A payment request a dispute concerns, with the tenants that see it. */
    record DisputedPayment(PaymentRequestId paymentRequestId, TenantId carrier, TenantId shipper) {}
}
