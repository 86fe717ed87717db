package io.freightgate.fraud;

import java.util.Optional;

/**
 * The outcome of a command on a fraud rule: done, with the rule as it now is, or refused with a reason. The REST edge
 * maps {@link Refusal#NO_RULE} to 404, {@link Refusal#INVALID_RULE} to 422 (with the line and column),
 * {@link Refusal#NAME_TAKEN}, {@link Refusal#WRONG_STATE} and {@link Refusal#SAME_ANALYST} to 409.
 */
public sealed interface RuleChange {

    record Done(RuleView rule) implements RuleChange {}

    record Refused(Refusal refusal, String detail, Optional<Position> position) implements RuleChange {
        public Refused(Refusal refusal, String detail) {
            this(refusal, detail, Optional.empty());
        }
    }

    /** Where in a rule's text a problem is; both count from 1. */
    record Position(int line, int column) {}

    /** Why a command was refused; nothing was stored. */
    enum Refusal {
        NO_RULE,
        /** The text does not compile: bad syntax, an unknown attribute, a type mismatch. */
        INVALID_RULE,
        NAME_TAKEN,
        /** The rule's state does not allow the command. */
        WRONG_STATE,
        /** A block rule is enabled by two analysts; the one who asked cannot approve. */
        SAME_ANALYST
    }
}
