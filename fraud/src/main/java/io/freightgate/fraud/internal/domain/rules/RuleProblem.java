package io.freightgate.fraud.internal.domain.rules;

/**
 * Why a rule's text was refused, and where: line and column count from 1, as an editor shows them.
 *
 * @param line the line of the rule's text
 * @param column the column of the first character the problem is about
 * @param message what is wrong, in words an analyst can act on
 */
public record RuleProblem(int line, int column, String message) {

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + message;
    }
}
