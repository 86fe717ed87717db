package io.freightgate.disputes.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Timeline lines visible to the running transaction's tenant (every tenant's in the system scope). */
interface DisputeEntries extends JpaRepository<DisputeEntryRecord, UUID> {

    @Query("SELECT e FROM DisputeEntryRecord e WHERE e.disputeId = ?1 AND (?2 = true OR e.internal = false)"
            + " ORDER BY e.at, e.id")
    List<DisputeEntryRecord> timeline(UUID disputeId, boolean withInternal);

    @Query("SELECT e FROM DisputeEntryRecord e WHERE e.feed = true AND (?1 = true OR e.internal = false)"
            + " ORDER BY e.at DESC, e.id")
    List<DisputeEntryRecord> feed(boolean withInternal, Pageable page);
}
