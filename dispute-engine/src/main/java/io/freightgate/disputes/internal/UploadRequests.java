package io.freightgate.disputes.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Upload requests visible to the running transaction's tenant (every tenant's in the system scope). */
public interface UploadRequests extends JpaRepository<UploadRequestRecord, UUID> {

    Optional<UploadRequestRecord> findByTokenSha256(String tokenSha256);

    /** Marks the request used if it was still usable; 1 when this call claimed it, 0 otherwise. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("UPDATE UploadRequestRecord r SET r.usedAt = ?2 WHERE r.id = ?1 AND r.usedAt IS NULL AND r.expiresAt > ?2")
    int claim(UUID id, Instant now);

    /** Gives a claimed request back (the upload was refused), while it has not expired. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("UPDATE UploadRequestRecord r SET r.usedAt = NULL WHERE r.id = ?1 AND r.expiresAt > ?2")
    int giveBack(UUID id, Instant now);
}
