package io.freightgate.billing.internal;

import io.freightgate.billing.internal.domain.PaymentRefund;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Refunds visible to the running transaction's tenant. */
public interface PaymentRefundRecords extends JpaRepository<PaymentRefund, UUID> {

    Optional<PaymentRefund> findByStripeRefundId(String stripeRefundId);

    List<PaymentRefund> findByPaymentRequestIdOrderByCreatedAt(UUID paymentRequestId);

    /**
     * Refunds whose Stripe answer was lost: {@code UNKNOWN}, or still {@code PENDING} without a Stripe refund (the
     * process stopped between the call and its record), untouched since {@code before}.
     */
    @Query("SELECT r FROM PaymentRefund r WHERE r.updatedAt < :before AND (r.outcome ="
            + " io.freightgate.billing.internal.domain.AttemptOutcome.UNKNOWN OR (r.outcome ="
            + " io.freightgate.billing.internal.domain.AttemptOutcome.PENDING AND r.stripeRefundId IS NULL))"
            + " ORDER BY r.updatedAt")
    List<PaymentRefund> unsettledBefore(@Param("before") Instant before);
}
