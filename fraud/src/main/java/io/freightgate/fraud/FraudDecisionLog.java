package io.freightgate.fraud;

import io.freightgate.fraud.internal.DecisionQueries;
import io.freightgate.fraud.internal.FraudRuleRecords;
import io.freightgate.fraud.internal.domain.FraudRule;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The stored screening decisions as risk analysts read them (docs/fraud.md): a filtered list, one decision with its
 * explanation and facts, and per-rule hit rates over a window joined with the disputes and early fraud warnings the
 * payments met later. Read on the audited system path.
 */
@Service
public class FraudDecisionLog {

    /** At most this many decisions in one list. */
    public static final int LIMIT = 500;

    /** Hit rates look back 1 to this many days. */
    public static final int LONGEST_WINDOW_DAYS = 365;

    private static final Reach ANALYSTS = Reach.acrossTenants("risk analysts read the fraud decisions");

    private final DecisionQueries queries;
    private final FraudRuleRecords rules;
    private final SystemAccess systemAccess;
    private final Clock clock;

    FraudDecisionLog(DecisionQueries queries, FraudRuleRecords rules, SystemAccess systemAccess, Clock clock) {
        this.queries = queries;
        this.rules = rules;
        this.systemAccess = systemAccess;
        this.clock = clock;
    }

    /**
     * Which decisions to list, every part optional.
     *
     * @param decision {@code ALLOW}, {@code REQUEST_3DS}, {@code REVIEW} or {@code BLOCK}
     * @param rule a rule's name: decisions it decided or fired for
     * @param from decided at or after; {@code to}: before
     * @param limit 1 to {@link #LIMIT}
     */
    public record Filter(
            Optional<UUID> paymentRequestId,
            Optional<ScreeningDecision.Decision> decision,
            Optional<String> rule,
            Optional<Instant> from,
            Optional<Instant> to,
            int limit) {

        public Filter {
            if (limit < 1 || limit > LIMIT) {
                throw new IllegalArgumentException("A list holds 1 to " + LIMIT + " decisions, not " + limit);
            }
        }
    }

    /** The decisions matching the filter, newest first, without their facts. */
    public List<DecisionView> decisions(Filter filter) {
        return systemAccess.transaction(
                ANALYSTS,
                "list fraud decisions",
                () -> queries.list(new DecisionQueries.Filter(
                        filter.paymentRequestId(),
                        filter.decision(),
                        filter.rule(),
                        filter.from(),
                        filter.to(),
                        filter.limit())));
    }

    /** One decision with its explanation and the facts it was made on. */
    public Optional<DecisionView> decision(UUID id) {
        return systemAccess.transaction(ANALYSTS, "read fraud decision " + id, () -> queries.find(id));
    }

    /** Every rule's hit rates over the last {@code days} days, by name. */
    public List<RuleHitRate> hitRates(int days) {
        return hitRates(Optional.empty(), days);
    }

    /** One rule's hit rates over the last {@code days} days; empty when there is no such rule. */
    public Optional<RuleHitRate> hitRate(UUID ruleId, int days) {
        return hitRates(Optional.of(ruleId), days).stream().findFirst();
    }

    private List<RuleHitRate> hitRates(Optional<UUID> only, int days) {
        if (days < 1 || days > LONGEST_WINDOW_DAYS) {
            throw new IllegalArgumentException(
                    "Hit rates look back 1 to " + LONGEST_WINDOW_DAYS + " days, not " + days);
        }
        Instant since = clock.instant().minus(Duration.ofDays(days));
        return systemAccess.transaction(ANALYSTS, "fraud rule hit rates over " + days + " days", () -> {
            List<FraudRule> chosen =
                    only.map(id -> rules.findById(id).stream().toList()).orElseGet(rules::findAllByOrderByNameAsc);
            if (chosen.isEmpty()) {
                return List.<RuleHitRate>of();
            }
            long evaluated = queries.evaluated(since);
            Map<String, DecisionQueries.Counts> counts =
                    queries.counts(chosen.stream().map(FraudRule::name).toList(), since);
            return chosen.stream()
                    .map(rule -> {
                        DecisionQueries.Counts c = counts.getOrDefault(
                                rule.name(), new DecisionQueries.Counts(rule.name(), 0, 0, 0, 0, 0, 0, 0));
                        return new RuleHitRate(
                                rule.id(),
                                rule.name(),
                                rule.action().keyword(),
                                rule.state().name(),
                                days,
                                evaluated,
                                c.fired(),
                                c.decided(),
                                c.allowed(),
                                c.allowedThenDisputed(),
                                c.allowedThenEarlyFraudWarning(),
                                c.allowedThenEither(),
                                c.firedThenEither(),
                                rate(c.fired(), evaluated),
                                rate(c.allowedThenEither(), c.allowed()));
                    })
                    .toList();
        });
    }

    private static Optional<BigDecimal> rate(long part, long whole) {
        return whole == 0
                ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP));
    }
}
