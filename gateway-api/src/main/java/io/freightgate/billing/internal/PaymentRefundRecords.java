package io.freightgate.billing.internal;

import io.freightgate.billing.internal.domain.PaymentRefund;
import io.freightgate.kernel.PaymentRefundId;
import io.freightgate.kernel.PaymentRequestId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Refunds visible to the running transaction's tenant. */
public interface PaymentRefundRecords extends JpaRepository<PaymentRefund, UUID> {

    /** The refund, if visible (the typed id unwrapped here, where Spring Data wants the column's UUID). */
    default Optional<PaymentRefund> find(PaymentRefundId id) {
        return findById(id.value());
    }

    /** The request's refunds, oldest first. */
    default List<PaymentRefund> ofRequest(PaymentRequestId paymentRequestId) {
        return findByPaymentRequestIdOrderByCreatedAt(paymentRequestId.value());
    }

    Optional<PaymentRefund> findByStripeRefundId(String stripeRefundId);

    List<PaymentRefund> findByPaymentRequestIdOrderByCreatedAt(UUID paymentRequestId);
}
