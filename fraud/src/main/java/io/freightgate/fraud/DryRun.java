package io.freightgate.fraud;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a rule would have decided over stored history, against the rules in force: the report, or why the rule could
 * not be run.
 */
public sealed interface DryRun {

    /**
     * @param evaluated stored decisions replayed (the newest first, at most {@link FraudRules#DRY_RUN_LIMIT})
     * @param hits how many of them the rule fired for
     * @param changed how many would have been decided differently with the rule added to the rules in force
     * @param changes how many moved from one decision to another, as {@code "ALLOW -> REVIEW"}
     * @param examples up to five changed decisions, the newest first
     * @param rules what each rule would have done over the same decisions: every rule in force, by name, then the
     *     candidate (named {@code (dry-run)})
     */
    record Report(
            String text,
            int days,
            int evaluated,
            int hits,
            int changed,
            Map<String, Integer> changes,
            List<Example> examples,
            List<RuleCount> rules)
            implements DryRun {
        public Report {
            changes = Map.copyOf(changes);
            examples = List.copyOf(examples);
            rules = List.copyOf(rules);
        }
    }

    /**
     * One rule over the replayed decisions.
     *
     * @param fired how many it fired for
     * @param decidedInForce how many it decided with the rules in force (none for the candidate)
     * @param decidedWithCandidate how many it decided with the candidate added
     */
    record RuleCount(String rule, String action, int fired, int decidedInForce, int decidedWithCandidate) {}

    /** One stored decision the rule would have changed, with the rule's explanation for it. */
    record Example(
            UUID decisionId,
            UUID paymentRequestId,
            Instant decidedAt,
            String before,
            String after,
            String explanation) {}

    /** The rule does not compile; nothing ran. */
    record Invalid(String detail, int line, int column) implements DryRun {}
}
