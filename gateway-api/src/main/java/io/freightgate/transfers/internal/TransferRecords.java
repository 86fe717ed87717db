package io.freightgate.transfers.internal;

import io.freightgate.transfers.internal.domain.Transfer;
import io.freightgate.transfers.internal.domain.TransferState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Carriers' transfers visible to the running transaction's tenant (the carrier; all of them in the system scope). */
public interface TransferRecords extends JpaRepository<Transfer, UUID> {

    Optional<Transfer> findByPaymentRequestId(UUID paymentRequestId);

    List<Transfer> findByTenantIdAndStatusIn(UUID tenantId, Collection<TransferState> states);

    @Query("select t from Transfer t where t.status in :states and t.updatedAt <= :before order by t.updatedAt")
    List<Transfer> openSince(Collection<TransferState> states, Instant before, Pageable page);
}
