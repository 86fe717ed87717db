package io.freightgate.payouts.internal;

import io.freightgate.payouts.internal.domain.PayoutAccount;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Payout accounts visible to the running transaction's tenant (all of them in the system scope). */
public interface PayoutAccountRecords extends JpaRepository<PayoutAccount, UUID> {

    Optional<PayoutAccount> findByTenantId(UUID tenantId);

    Optional<PayoutAccount> findByStripeAccountId(String stripeAccountId);
}
