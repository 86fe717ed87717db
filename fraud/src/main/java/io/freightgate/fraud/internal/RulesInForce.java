package io.freightgate.fraud.internal;

import io.freightgate.fraud.internal.domain.FraudRule;
import io.freightgate.fraud.internal.domain.rules.AttributeRegistry;
import io.freightgate.fraud.internal.domain.rules.Rule;
import io.freightgate.fraud.internal.domain.rules.RuleSet;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The enabled rules, compiled once and kept for screening. A change made on this instance takes effect at once; a
 * change made on another instance within {@code freightgate.fraud.rules.refresh} (default 10 s). A stored rule that no
 * longer compiles (an attribute was removed) is left out and logged as an error, never guessed at.
 */
@Component
public class RulesInForce {

    private static final Logger log = LoggerFactory.getLogger(RulesInForce.class);
    private static final Reach SCREENING = Reach.acrossTenants("fraud screening reads the platform's rules");

    private final FraudRuleRecords records;
    private final AttributeRegistry attributes;
    private final SystemAccess systemAccess;
    private final Clock clock;
    private final Duration refresh;

    private volatile @Nullable Loaded loaded;

    private record Loaded(RuleSet rules, Instant at) {}

    RulesInForce(
            FraudRuleRecords records,
            AttributeRegistry attributes,
            SystemAccess systemAccess,
            Clock clock,
            @Value("${freightgate.fraud.rules.refresh:PT10S}") Duration refresh) {
        this.records = records;
        this.attributes = attributes;
        this.systemAccess = systemAccess;
        this.clock = clock;
        this.refresh = refresh;
    }

    public RuleSet rules() {
        Loaded current = loaded;
        Instant now = clock.instant();
        if (current == null || current.at().plus(refresh).isBefore(now)) {
            current = new Loaded(load(), now);
            loaded = current;
        }
        return current.rules();
    }

    /** A rule changed on this instance: the next screening reads the rules again. */
    public void changed() {
        loaded = null;
    }

    private RuleSet load() {
        List<FraudRule> enabled = systemAccess.transaction(
                SCREENING, "load the fraud rules in force", () -> records.findByState(FraudRule.State.ENABLED));
        List<Rule> rules = new ArrayList<>(enabled.size());
        for (FraudRule stored : enabled) {
            switch (Rule.compile(stored.name(), stored.text(), attributes)) {
                case Rule.Compiled(Rule rule) -> rules.add(rule);
                case Rule.Refused refused ->
                    log.error(
                            "Fraud rule {} no longer compiles and is left out of screening: {}",
                            stored.name(),
                            refused.problem());
            }
        }
        return new RuleSet(rules);
    }
}
