package io.freightgate.billing.internal;

import io.freightgate.billing.internal.domain.AttemptOutcome;
import io.freightgate.billing.internal.domain.PaymentAttempt;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Payment attempts visible to the running transaction's tenant (carrier or shipper; all in the system scope). */
public interface PaymentAttemptRecords extends JpaRepository<PaymentAttempt, UUID> {

    Optional<PaymentAttempt> findByStripePaymentIntentId(String paymentIntentId);

    List<PaymentAttempt> findByPaymentRequestIdOrderByNumber(UUID paymentRequestId);

    /** Attempts begun before {@code before} whose PaymentIntent was never recorded as a Stripe call. */
    List<PaymentAttempt> findByOutcomeAndCallIdIsNullAndCreatedAtBefore(AttemptOutcome outcome, Instant before);
}
