package io.freightgate.fraud;

import io.freightgate.fraud.RuleChange.Position;
import io.freightgate.fraud.RuleChange.Refusal;
import io.freightgate.fraud.internal.FraudDecisions;
import io.freightgate.fraud.internal.FraudRuleRecords;
import io.freightgate.fraud.internal.RulesInForce;
import io.freightgate.fraud.internal.domain.FraudRule;
import io.freightgate.fraud.internal.domain.rules.AttributeRegistry;
import io.freightgate.fraud.internal.domain.rules.Rule;
import io.freightgate.fraud.internal.domain.rules.RuleProblem;
import io.freightgate.fraud.internal.domain.rules.RuleSet;
import io.freightgate.fraud.internal.domain.rules.Verdict;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * The fraud rules risk analysts write and put in force (docs/fraud.md). Every command is checked against the rule
 * language before anything is stored, and runs on the audited system path: the rules are the platform's, not a
 * tenant's. Who may call which command is the REST edge's concern (risk analysts only).
 */
@Service
public class FraudRules {

    private static final Reach ANALYSTS = Reach.acrossTenants("risk analysts manage the platform's fraud rules");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    /** A dry-run replays at most this many stored decisions. */
    public static final int DRY_RUN_LIMIT = 10_000;

    /** The rule under trial is named so no stored rule can be (names have no parentheses). */
    private static final String DRY_RUN = "(dry-run)";

    private final FraudRuleRecords records;
    private final AttributeRegistry attributes;
    private final RulesInForce inForce;
    private final FraudDecisions decisions;
    private final SystemAccess systemAccess;
    private final Clock clock;

    FraudRules(
            FraudRuleRecords records,
            AttributeRegistry attributes,
            RulesInForce inForce,
            FraudDecisions decisions,
            SystemAccess systemAccess,
            Clock clock) {
        this.records = records;
        this.attributes = attributes;
        this.inForce = inForce;
        this.decisions = decisions;
        this.systemAccess = systemAccess;
        this.clock = clock;
    }

    public List<RuleView> list() {
        return systemAccess.transaction(ANALYSTS, "list fraud rules", () -> records.findAllByOrderByNameAsc().stream()
                .map(FraudRules::view)
                .toList());
    }

    public Optional<RuleView> find(UUID id) {
        return systemAccess.transaction(
                ANALYSTS, "read fraud rule " + id, () -> records.findById(id).map(FraudRules::view));
    }

    /** The attributes rules may name, for the analysts' reference. */
    public List<AttributeView> attributes() {
        return attributes.all().stream()
                .map(a -> new AttributeView(
                        a.name(),
                        a.type().name(),
                        a.description(),
                        a.values().stream().sorted().toList(),
                        a.known().name()))
                .toList();
    }

    public RuleChange propose(ProposeRule command) {
        if (!NAME.matcher(command.name()).matches()) {
            return new RuleChange.Refused(
                    Refusal.INVALID_RULE,
                    "A rule's name is 1 to 63 lower-case letters, digits, '-' and '_', starting with a letter or digit.");
        }
        return switch (compile(command.name(), command.text())) {
            case Rule.Refused(RuleProblem problem) -> invalid(problem);
            case Rule.Compiled(Rule rule) -> {
                try {
                    yield systemAccess.transaction(ANALYSTS, "write fraud rule " + command.name(), () -> {
                        if (records.existsByName(command.name())) {
                            return new RuleChange.Refused(
                                    Refusal.NAME_TAKEN, "A rule named " + command.name() + " exists.");
                        }
                        FraudRule stored = records.saveAndFlush(FraudRule.draft(
                                UUID.randomUUID(), command.name(), rule, command.actor(), clock.instant()));
                        return new RuleChange.Done(view(stored));
                    });
                } catch (DataIntegrityViolationException raced) {
                    yield new RuleChange.Refused(Refusal.NAME_TAKEN, "A rule named " + command.name() + " exists.");
                }
            }
        };
    }

    /** Replaces the text of a rule that is not in force (a draft or a disabled rule). */
    public RuleChange edit(UUID id, String text, String actor) {
        return change(id, "edit", (rule, now) -> switch (compile(rule.name(), text)) {
            case Rule.Refused(RuleProblem problem) -> invalid(problem);
            case Rule.Compiled(Rule compiled) -> outcome(rule, rule.edit(compiled, actor, now));
        });
    }

    /** Puts a rule in force; a block rule waits for a second analyst's approval. */
    public RuleChange enable(UUID id, String actor) {
        return change(id, "enable", (rule, now) -> outcome(rule, rule.enable(actor, now)));
    }

    /**
     * A second analyst puts a block rule in force, as it was when they read it ({@code readVersion}): a rule changed
     * since (edited and asked again by its author) is refused, so no one approves a text they never saw.
     */
    public RuleChange approve(UUID id, long readVersion, String actor) {
        return change(id, "approve", (rule, now) -> {
            if (readVersion != rule.version()) {
                return new RuleChange.Refused(
                        Refusal.WRONG_STATE,
                        "The rule changed since version " + readVersion + " (it is version " + rule.version()
                                + " now): read it again before approving it.");
            }
            return outcome(rule, rule.approve(actor, now));
        });
    }

    public RuleChange disable(UUID id, String actor) {
        return change(id, "disable", (rule, now) -> outcome(rule, rule.disable(actor, now)));
    }

    /**
     * What {@code text} would have decided over the stored decisions of the last {@code days} days (1 to 90), against
     * the rules in force: each stored payment's facts are evaluated by the rules in force, then by the rules in force
     * with this rule added, and every difference is counted.
     */
    public DryRun dryRun(String text, int days) {
        if (days < 1 || days > 90) {
            throw new IllegalArgumentException("A dry-run looks back 1 to 90 days, not " + days);
        }
        Rule candidate;
        switch (compile(DRY_RUN, text)) {
            case Rule.Refused(RuleProblem problem) -> {
                return new DryRun.Invalid(
                        "Line " + problem.line() + ", column " + problem.column() + ": " + problem.message(),
                        problem.line(),
                        problem.column());
            }
            case Rule.Compiled(Rule rule) -> candidate = rule;
        }
        RuleSet current = inForce.rules();
        List<Rule> withCandidate = new ArrayList<>(current.rules());
        withCandidate.add(candidate);
        RuleSet proposed = new RuleSet(withCandidate);
        List<FraudDecisions.StoredDecision> history = systemAccess.transaction(
                ANALYSTS,
                "dry-run a fraud rule over " + days + " days",
                () -> decisions.since(clock.instant().minus(Duration.ofDays(days)), DRY_RUN_LIMIT, attributes));
        int hits = 0;
        Map<String, int[]> perRule = new java.util.LinkedHashMap<>();
        proposed.rules().forEach(rule -> perRule.put(rule.id(), new int[3]));
        Map<String, Integer> changes = new TreeMap<>();
        List<DryRun.Example> examples = new ArrayList<>();
        for (FraudDecisions.StoredDecision stored : history) {
            String method = stored.facts().value("method") instanceof String m ? m : "card";
            if (candidate.firesFor(stored.facts())) {
                hits++;
            }
            Verdict beforeVerdict = current.evaluate(stored.facts());
            var before = FraudScreening.decision(beforeVerdict, method);
            Verdict after = proposed.evaluate(stored.facts());
            after.fired().forEach(f -> perRule.computeIfAbsent(f.ruleId(), k -> new int[3])[0]++);
            beforeVerdict.deciding().ifPresent(f -> perRule.computeIfAbsent(f.ruleId(), k -> new int[3])[1]++);
            after.deciding().ifPresent(f -> perRule.computeIfAbsent(f.ruleId(), k -> new int[3])[2]++);
            var afterDecision = FraudScreening.decision(after, method);
            if (before != afterDecision) {
                changes.merge(before + " -> " + afterDecision, 1, Integer::sum);
                if (examples.size() < 5) {
                    examples.add(new DryRun.Example(
                            stored.id(),
                            stored.paymentRequestId(),
                            stored.at(),
                            before.name(),
                            afterDecision.name(),
                            after.fired().stream()
                                    .filter(f -> f.ruleId().equals(DRY_RUN))
                                    .map(Verdict.Firing::explanation)
                                    .findFirst()
                                    .orElse("")));
                }
            }
        }
        int changed = changes.values().stream().mapToInt(Integer::intValue).sum();
        List<DryRun.RuleCount> counts = new ArrayList<>();
        for (Rule rule : proposed.rules()) {
            int[] c = perRule.computeIfAbsent(rule.id(), k -> new int[3]);
            counts.add(new DryRun.RuleCount(rule.id(), rule.action().keyword(), c[0], c[1], c[2]));
        }
        counts.sort(
                java.util.Comparator.comparing((DryRun.RuleCount c) -> c.rule().equals(DRY_RUN))
                        .thenComparing(DryRun.RuleCount::rule));
        return new DryRun.Report(candidate.text(), days, history.size(), hits, changed, changes, examples, counts);
    }

    private RuleChange change(UUID id, String verb, BiFunction<FraudRule, java.time.Instant, RuleChange> work) {
        RuleChange change = systemAccess.transaction(ANALYSTS, verb + " fraud rule " + id, () -> records.findById(id)
                .map(rule -> {
                    RuleChange result = work.apply(rule, clock.instant());
                    records.flush();
                    // the view after the flush: it carries the version the change wrote (an approval names it)
                    return result instanceof RuleChange.Done ? new RuleChange.Done(view(rule)) : result;
                })
                .orElseGet(() -> new RuleChange.Refused(Refusal.NO_RULE, "No fraud rule " + id + ".")));
        if (change instanceof RuleChange.Done) {
            inForce.changed();
        }
        return change;
    }

    private static RuleChange outcome(FraudRule rule, FraudRule.Outcome outcome) {
        return switch (outcome) {
            case FraudRule.Outcome.Done done -> new RuleChange.Done(view(rule));
            case FraudRule.Outcome.Refused(FraudRule.Refusal refusal, String detail) ->
                new RuleChange.Refused(
                        switch (refusal) {
                            case WRONG_STATE -> Refusal.WRONG_STATE;
                            case SAME_ANALYST -> Refusal.SAME_ANALYST;
                        },
                        detail);
        };
    }

    private Rule.Compilation compile(String name, String text) {
        return Rule.compile(name, text, attributes);
    }

    private static RuleChange invalid(RuleProblem problem) {
        return new RuleChange.Refused(
                Refusal.INVALID_RULE,
                "Line " + problem.line() + ", column " + problem.column() + ": " + problem.message(),
                Optional.of(new Position(problem.line(), problem.column())));
    }

    static RuleView view(FraudRule rule) {
        return new RuleView(
                rule.id(),
                rule.name(),
                rule.text(),
                rule.action().keyword(),
                rule.state().name(),
                rule.createdBy(),
                rule.createdAt(),
                rule.requestedBy(),
                rule.updatedBy(),
                rule.updatedAt(),
                rule.version());
    }
}
