package io.freightgate.security.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** API clients visible to the running transaction's tenant. */
public interface ApiClientRecords extends JpaRepository<ApiClient, UUID> {

    List<ApiClient> findAllByOrderByCreatedAtAsc();

    Optional<ApiClient> findByClientId(String clientId);
}
