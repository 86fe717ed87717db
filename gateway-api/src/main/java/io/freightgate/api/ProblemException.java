package io.freightgate.api;

import io.freightgate.platform.problem.ProblemType;

/** A business rejection to answer with a given problem type; the detail is safe to show to the caller. */
class ProblemException extends RuntimeException {

    private final ProblemType type;

    ProblemException(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.type = type;
    }

    ProblemType type() {
        return type;
    }
}
