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
 * @param snoozed every rule whose condition was true but that was snoozed for this payment (it did not fire)
 */
public record Verdict(
        RuleAction action,
        Optional<Firing> deciding,
        boolean requestThreeDSecure,
        boolean holdPayout,
        List<Firing> fired,
        List<Snoozed> snoozed) {

    public Verdict {
        if (!action.decides()) {
            throw new IllegalArgumentException("A verdict allows, blocks or reviews, it cannot be " + action);
        }
        fired = List.copyOf(fired);
        snoozed = List.copyOf(snoozed);
    }

    /** A verdict with no rule snoozed. */
    public Verdict(
            RuleAction action,
            Optional<Firing> deciding,
            boolean requestThreeDSecure,
            boolean holdPayout,
            List<Firing> fired) {
        this(action, deciding, requestThreeDSecure, holdPayout, fired, List.of());
    }

    /** A rule that would have fired but is snoozed for this payment, and the snooze's note. */
    public record Snoozed(Firing firing, String note) {

        /** "review if :card_on_watch_list: (:card_on_watch_list: = true) snoozed for CARD 'fp_1' until ...". */
        public String explanation() {
            return firing.explanation() + " snoozed " + note;
        }
    }

    /** The names of the rules that fired, in the rule set's order. */
    public List<String> firedRules() {
        return fired.stream().map(Firing::ruleId).toList();
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

    /**
     * The explanations of every rule that fired, the deciding one first, then of every rule snoozed for this payment
     * (saying so); empty when nothing fired and nothing was snoozed.
     */
    public List<String> explanations() {
        var firedFirst = fired.stream()
                .sorted((a, b) -> Boolean.compare(isDeciding(b), isDeciding(a)))
                .map(Firing::explanation);
        if (snoozed.isEmpty()) {
            return firedFirst.toList();
        }
        return java.util.stream.Stream.concat(firedFirst, snoozed.stream().map(Snoozed::explanation))
                .toList();
    }

    private boolean isDeciding(Firing firing) {
        return deciding.map(rule -> rule.ruleId().equals(firing.ruleId())).orElse(false);
    }
}
