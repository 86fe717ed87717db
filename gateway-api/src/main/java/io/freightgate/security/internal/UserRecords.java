package io.freightgate.security.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Users visible to the running transaction's tenant (all of them in the system scope). */
public interface UserRecords extends JpaRepository<User, UUID> {

    List<User> findAllByTenantIdOrderByCreatedAtAsc(UUID tenantId);

    Optional<User> findByEmailHash(byte[] emailHash);

    Optional<User> findByInvitationTokenHash(byte[] invitationTokenHash);
}
