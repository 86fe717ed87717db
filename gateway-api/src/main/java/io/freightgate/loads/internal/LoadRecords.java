package io.freightgate.loads.internal;

import io.freightgate.loads.internal.domain.Load;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Loads visible to the running transaction's tenant: its own (carrier) and those it ships (shipper). */
public interface LoadRecords extends JpaRepository<Load, UUID> {

    @Query("select l from Load l order by l.createdAt desc")
    List<Load> newestFirst(Pageable page);

    @Query("select l from Load l where l.driverUserId = :driver order by l.createdAt desc")
    List<Load> assignedTo(String driver, Pageable page);

    @Query("select l from Load l where l.tenantId = :carrier and l.loadNumber = :loadNumber")
    Optional<Load> findByNumber(UUID carrier, String loadNumber);

    /** The load, locked until the transaction ends: appends to its communication log are serialized on it. */
    @Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from Load l where l.id = :id")
    Optional<Load> lockById(UUID id);
}
