package io.freightgate.api;

/** A fraud rule that does not compile, answered as {@code rule-invalid} with the line and column of the problem. */
final class RuleRejected extends RuntimeException {

    private final int line;
    private final int column;

    RuleRejected(String detail, int line, int column) {
        super(detail, null, false, false);
        this.line = line;
        this.column = column;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }
}
