package io.freightgate.kyc.internal.cases;

import io.freightgate.kyc.CaseState;
import io.freightgate.kyc.internal.domain.kyb.KybCase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** KYB cases visible to the running transaction's tenant (every tenant's in the system scope). */
public interface KybCases extends JpaRepository<KybCase, UUID> {

    Optional<KybCase> findByTenantId(UUID tenantId);

    List<KybCase> findByStateInOrderBySubmittedAtAsc(Collection<CaseState> states);

    @Query("select c.tenantId from KybCase c where c.vatNextCheckAt <= :now order by c.vatNextCheckAt")
    List<UUID> findTenantsDueForVatCheck(Instant now, Limit limit);

    @Query("select distinct c from KybCase c join c.documents d where c.state = io.freightgate.kyc.CaseState.VERIFIED"
            + " and d.status = io.freightgate.kyc.internal.domain.kyb.CaseDocument.Status.CURRENT"
            + " and d.expiresOn <= :limit")
    List<KybCase> findVerifiedWithDocumentsExpiringBy(LocalDate limit);
}
