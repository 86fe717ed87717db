package io.freightgate.fraud.internal.domain.rules;

/** Raised inside the lexer and parser to stop at the first problem; never leaves this package. */
final class RuleTextException extends Exception {

    private final RuleProblem problem;

    RuleTextException(RuleProblem problem) {
        super(problem.toString(), null, false, false);
        this.problem = problem;
    }

    RuleProblem problem() {
        return problem;
    }
}
