package io.freightgate.fraud.internal.domain.rules;

import io.freightgate.fraud.internal.domain.velocity.Counter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The velocity counters as attributes (issue 21): one number per measure, dimension and window, such as
 * {@code :distinct_cards_per_pay_link_1h:}, known before confirmation.
 */
public final class VelocityAttributes {

    private VelocityAttributes() {}

    public static final List<Attribute> ALL = Counter.ALL.stream()
            .map(counter -> Attribute.of(
                    counter.attribute(),
                    AttributeType.NUMBER,
                    Attribute.Known.BEFORE_CONFIRMATION,
                    counter.description()))
            .toList();

    /** The names of the velocity attributes: a rule naming one needs the counters. */
    public static final Set<String> NAMES = ALL.stream().map(Attribute::name).collect(Collectors.toUnmodifiableSet());

    /**
     * The block and review rules of a set that name a velocity counter, by id: when no counters can be had, they answer
     * REVIEW (docs/fraud.md), so a payment they might have stopped is never allowed unseen.
     */
    public static List<String> rulesNeedingThem(RuleSet rules) {
        return rules.rules().stream()
                .filter(rule -> rule.action() == RuleAction.BLOCK || rule.action() == RuleAction.REVIEW)
                .filter(rule -> rule.attributes().stream().anyMatch(attribute -> NAMES.contains(attribute.name())))
                .map(Rule::id)
                .toList();
    }
}
