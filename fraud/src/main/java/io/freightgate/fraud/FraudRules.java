package io.freightgate.fraud;

import io.freightgate.fraud.RuleChange.Position;
import io.freightgate.fraud.RuleChange.Refusal;
import io.freightgate.fraud.internal.FraudRuleRecords;
import io.freightgate.fraud.internal.RulesInForce;
import io.freightgate.fraud.internal.domain.FraudRule;
import io.freightgate.fraud.internal.domain.rules.AttributeRegistry;
import io.freightgate.fraud.internal.domain.rules.Rule;
import io.freightgate.fraud.internal.domain.rules.RuleProblem;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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

    private final FraudRuleRecords records;
    private final AttributeRegistry attributes;
    private final RulesInForce inForce;
    private final SystemAccess systemAccess;
    private final Clock clock;

    FraudRules(
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

    /** A second analyst puts a block rule in force. */
    public RuleChange approve(UUID id, String actor) {
        return change(id, "approve", (rule, now) -> outcome(rule, rule.approve(actor, now)));
    }

    public RuleChange disable(UUID id, String actor) {
        return change(id, "disable", (rule, now) -> outcome(rule, rule.disable(actor, now)));
    }

    private RuleChange change(UUID id, String verb, BiFunction<FraudRule, java.time.Instant, RuleChange> work) {
        RuleChange change = systemAccess.transaction(ANALYSTS, verb + " fraud rule " + id, () -> records.findById(id)
                .map(rule -> {
                    RuleChange result = work.apply(rule, clock.instant());
                    records.flush();
                    return result;
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
