package io.freightgate.disputes.internal;

import io.freightgate.disputes.internal.domain.DisputeCase;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Dispute cases visible to the running transaction's tenant (every tenant's in the system scope). */
public interface Disputes extends JpaRepository<DisputeCase, UUID>, JpaSpecificationExecutor<DisputeCase> {

    Optional<DisputeCase> findByStripeDisputeId(String stripeDisputeId);

    List<DisputeCase> findByPaymentRequestIdOrderByOpenedAt(UUID paymentRequestId);
}
