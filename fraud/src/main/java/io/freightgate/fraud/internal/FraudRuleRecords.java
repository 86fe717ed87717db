package io.freightgate.fraud.internal;

import io.freightgate.fraud.internal.domain.FraudRule;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The rules analysts wrote. Read and written only on the system path. */
public interface FraudRuleRecords extends JpaRepository<FraudRule, UUID> {

    boolean existsByName(String name);

    List<FraudRule> findAllByOrderByNameAsc();

    List<FraudRule> findByState(FraudRule.State state);
}
