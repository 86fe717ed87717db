package io.freightgate.fraud.internal;

import io.freightgate.fraud.internal.domain.FraudRule;
import io.freightgate.fraud.internal.domain.rules.AttributeRegistry;
import io.freightgate.fraud.internal.domain.rules.Rule;
import io.freightgate.fraud.internal.domain.rules.RuleSet;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Puts the default rule set ({@code fraud/default-rules.txt}, explained in docs/fraud.md) in force on a platform that
 * has no rules yet, named {@code default-<line>}. Once any rule exists (an analyst's, or the defaults from an earlier
 * start or another instance), it does nothing: analysts own the rules from then on.
 */
@Component
class DefaultRules {

    static final String RESOURCE = "/fraud/default-rules.txt";
    static final String ACTOR = "system:default-rules";

    private static final Logger log = LoggerFactory.getLogger(DefaultRules.class);
    private static final Reach PLATFORM = Reach.acrossTenants("the platform installs its default fraud rules");

    private final FraudRuleRecords records;
    private final AttributeRegistry attributes;
    private final RulesInForce inForce;
    private final SystemAccess systemAccess;
    private final Clock clock;

    DefaultRules(
            FraudRuleRecords records,
            AttributeRegistry attributes,
            RulesInForce inForce,
            SystemAccess systemAccess,
            Clock clock) {
        this.records = records;
        this.attributes = attributes;
        this.inForce = inForce;
        this.systemAccess = systemAccess;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void installWhenThereAreNoRules() {
        RuleSet defaults =
                switch (RuleSet.parse("default", text(), attributes)) {
                    case RuleSet.Parsed.Valid valid -> valid.rules();
                    case RuleSet.Parsed.Invalid invalid ->
                        throw new IllegalStateException("The default fraud rules do not compile: " + invalid.problem());
                };
        try {
            int installed = systemAccess.transaction(PLATFORM, "install the default fraud rules", () -> {
                if (records.count() > 0) {
                    return 0;
                }
                for (Rule rule : defaults.rules()) {
                    records.save(FraudRule.shipped(UUID.randomUUID(), rule.id(), rule, ACTOR, clock.instant()));
                }
                records.flush();
                return defaults.rules().size();
            });
            if (installed > 0) {
                log.info("Installed the {} default fraud rules", installed);
                inForce.changed();
            }
        } catch (DataIntegrityViolationException anotherInstanceWasFirst) {
            log.info("Another instance installed the default fraud rules");
        }
    }

    static String text() {
        try (InputStream in = Objects.requireNonNull(DefaultRules.class.getResourceAsStream(RESOURCE), RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
