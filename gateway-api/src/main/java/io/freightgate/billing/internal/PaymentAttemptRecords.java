package io.freightgate.billing.internal;

import io.freightgate.billing.internal.domain.AttemptOutcome;
import io.freightgate.billing.internal.domain.PaymentAttempt;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Payment attempts visible to the running transaction's tenant (carrier or shipper; all in the system scope). */
public interface PaymentAttemptRecords extends JpaRepository<PaymentAttempt, UUID> {

    Optional<PaymentAttempt> findByStripePaymentIntentId(String paymentIntentId);

    List<PaymentAttempt> findByPaymentRequestIdOrderByNumber(UUID paymentRequestId);

    @Query(
            "select a from PaymentAttempt a where a.outcome in :outcomes and a.updatedAt <= :before order by a.updatedAt")
    List<PaymentAttempt> unsettledSince(Collection<AttemptOutcome> outcomes, Instant before, Pageable page);
}
