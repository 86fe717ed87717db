package io.freightgate.kyc.internal.domain.kyb;

import io.freightgate.kyc.CaseChange.Refusal;
import java.util.Objects;

/** What a command did to a case: applied, or rejected with a reason (nothing changed). */
public sealed interface Outcome permits Outcome.Applied, Outcome.Rejected {

    Outcome APPLIED = new Applied();

    static Outcome rejected(Refusal refusal, String detail) {
        return new Rejected(refusal, detail);
    }

    record Applied() implements Outcome {}

    record Rejected(Refusal refusal, String detail) implements Outcome {
        public Rejected {
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
