package io.freightgate.fraud.internal.domain.rules;

import java.util.List;
import java.util.Objects;

/**
 * A compiled rule: its action, its condition, and the attributes it names (what an explanation reports). Made only by
 * {@link #compile}, so every rule that exists has passed the type check.
 *
 * @param id the rule's stable name in its rule set
 * @param text the rule as the analyst wrote it
 */
public record Rule(String id, String text, RuleAction action, Expression condition, List<Attribute> attributes) {

    public Rule {
        Objects.requireNonNull(id, "id");
        attributes = List.copyOf(attributes);
    }

    /** The result of compiling a rule's text: the rule, or the first problem with where it is. */
    public sealed interface Compilation {}

    public record Compiled(Rule rule) implements Compilation {}

    public record Refused(RuleProblem problem) implements Compilation {}

    public static Compilation compile(String id, String text, AttributeRegistry registry) {
        try {
            Parser.Parsed parsed = Parser.rule(registry, text);
            return new Compiled(new Rule(id, text.strip(), parsed.action(), parsed.condition(), parsed.attributes()));
        } catch (RuleTextException refused) {
            return new Refused(refused.problem());
        }
    }

    /** Whether the rule fires for these facts: only when its condition is true, never when it is unknown. */
    public boolean firesFor(Facts facts) {
        return Boolean.TRUE.equals(condition.value(facts));
    }
}
