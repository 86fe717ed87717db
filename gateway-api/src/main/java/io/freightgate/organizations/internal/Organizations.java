package io.freightgate.organizations.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Organizations visible to the running transaction's tenant (all of them in the system scope). */
public interface Organizations extends JpaRepository<Organization, UUID> {

    List<Organization> findAllByOrderByCreatedAtAsc();
}
