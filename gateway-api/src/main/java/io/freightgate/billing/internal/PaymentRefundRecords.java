package io.freightgate.billing.internal;

import io.freightgate.billing.internal.domain.PaymentRefund;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Refunds visible to the running transaction's tenant. */
public interface PaymentRefundRecords extends JpaRepository<PaymentRefund, UUID> {

    Optional<PaymentRefund> findByStripeRefundId(String stripeRefundId);

    List<PaymentRefund> findByPaymentRequestIdOrderByCreatedAt(UUID paymentRequestId);
}
