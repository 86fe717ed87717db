package io.freightgate.disputes;

import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.util.Optional;
import java.util.UUID;

/**
 * The port through which the dispute engine learns which payment a disputed charge paid (implemented in {@code
 * io.freightgate.flows}). A dispute on a PaymentIntent FreightGate did not make has no payment: it becomes an orphan
 * case for finance staff.
 */
public interface DisputedPayments {

    /** The payment request paid by {@code paymentIntentId}, in any tenant. */
    Optional<DisputedPayment> byPaymentIntent(String paymentIntentId);

    /**
     * A payment request a dispute concerns, with the tenants that see it and the load it billed.
     *
     * @param loadReference the carrier's reference of the load
     * @param loadId the load, when the request was issued for one FreightGate keeps
     */
    record DisputedPayment(
            PaymentRequestId paymentRequestId,
            TenantId carrier,
            TenantId shipper,
            String loadReference,
            Optional<UUID> loadId) {

        public DisputedPayment(PaymentRequestId paymentRequestId, TenantId carrier, TenantId shipper) {
            this(paymentRequestId, carrier, shipper, "", Optional.empty());
        }
    }
}
