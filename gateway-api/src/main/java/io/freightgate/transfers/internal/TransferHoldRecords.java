package io.freightgate.transfers.internal;

import io.freightgate.transfers.internal.domain.TransferHold;
import io.freightgate.transfers.internal.domain.TransferId;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Holds on transfers visible to the running transaction's tenant. */
public interface TransferHoldRecords extends JpaRepository<TransferHold, UUID> {

    List<TransferHold> findByTransferIdOrderByPlacedAt(UUID transferId);

    /** The holds of a transfer, in the order they were placed. */
    default List<TransferHold> of(TransferId transfer) {
        return findByTransferIdOrderByPlacedAt(transfer.value());
    }
}
