package io.freightgate.api;

import io.freightgate.platform.problem.ProblemType;
import org.jspecify.annotations.Nullable;

/** A business rejection to answer with a given problem type; the detail is safe to show to the caller. */
class ProblemException extends RuntimeException {

    private final ProblemType type;

    /** Without a detail when there is none to give (a refusal whose exception had no message). */
    ProblemException(ProblemType type, @Nullable String detail) {
        super(detail, null, false, false);
        this.type = type;
    }

    ProblemType type() {
        return type;
    }
}
