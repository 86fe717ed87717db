package io.freightgate.fraud.internal.domain.rules;

import io.freightgate.kernel.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What a rule set decided for one payment and why.
 *
 * @param action {@link RuleAction#ALLOW}, {@link RuleAction#BLOCK} or {@link RuleAction#REVIEW}: the first of them in
 *     precedence that a rule fired, or ALLOW when none did
 * @param deciding the rule whose action decided; empty when no allow, block or review rule fired
 * @param requestThreeDSecure whether a request_3ds rule fired
 * @param holdPayout whether a hold_payout rule fired
 * @param fired every rule that fired, in the rule set's order, with the values it saw
 */
public record Verdict(
        RuleAction action,
        Optional<Firing> deciding,
        boolean requestThreeDSecure,
        boolean holdPayout,
        List<Firing> fired) {

    public Verdict {
        if (!action.decides()) {
            throw new IllegalArgumentException("A verdict allows, blocks or reviews, it cannot be " + action);
        }
        fired = List.copyOf(fired);
    }

    /** One rule that fired, and the value of each attribute it names ("unknown" where there was none). */
    public record Firing(String ruleId, String text, RuleAction action, List<Observed> observed) {

        public Firing {
            observed = List.copyOf(observed);
        }

        /** "block if :risk_level: = 'highest' (:risk_level: = 'highest')". */
        public String explanation() {
            return text + " (" + observed.stream().map(Observed::toString).collect(Collectors.joining(", ")) + ")";
        }
    }

    /** An attribute and the value a rule saw. */
    public record Observed(String attribute, String value) {

        static Observed of(Attribute attribute, @Nullable Object value) {
            return new Observed(attribute.name(), render(value));
        }

        private static String render(@Nullable Object value) {
            return switch (value) {
                case null -> "unknown";
                case String text -> "'" + text.replace("'", "''") + "'";
                case BigDecimal number -> number.toPlainString();
                case Money amount -> amount.toString();
                default -> value.toString();
            };
        }

        @Override
        public String toString() {
            return ":" + attribute + ": = " + value;
        }
    }

    /** The explanations of every rule that fired, the deciding one first; empty when nothing fired. */
    public List<String> explanations() {
        return fired.stream()
                .sorted((a, b) -> Boolean.compare(isDeciding(b), isDeciding(a)))
                .map(Firing::explanation)
                .toList();
    }

    private boolean isDeciding(Firing firing) {
        return deciding.map(rule -> rule.ruleId().equals(firing.ruleId())).orElse(false);
    }
}
