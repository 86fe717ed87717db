package io.freightgate.transfers.internal;

import io.freightgate.transfers.internal.domain.TransferHold;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Holds on transfers visible to the running transaction's tenant. */
public interface TransferHoldRecords extends JpaRepository<TransferHold, UUID> {

    List<TransferHold> findByTransferIdOrderByPlacedAt(UUID transferId);
}
