package io.freightgate.kyc.internal.domain.vat;

/** What one member state's rule says about a number body (prefix and separators already removed). */
sealed interface RuleOutcome {

    /** Passed; {@code body} is the canonical form (for example an old 9-digit Belgian number padded to 10). */
    record Pass(String body) implements RuleOutcome {}

    /** Failed, with the part that failed and a short reason for people. */
    record Fail(Part part, String reason) implements RuleOutcome {}

    /** The part of a number that failed. */
    enum Part {
        FORMAT,
        LENGTH,
        CHECK_DIGIT
    }

    static RuleOutcome pass(String body) {
        return new Pass(body);
    }

    static RuleOutcome format(String reason) {
        return new Fail(Part.FORMAT, reason);
    }

    static RuleOutcome length(String reason) {
        return new Fail(Part.LENGTH, reason);
    }

    static RuleOutcome checkDigit(String reason) {
        return new Fail(Part.CHECK_DIGIT, reason);
    }
}
