package io.freightgate.kyc;

/**
 * Where a KYB case stands. Transitions (anything else is refused with {@code Refusal.WRONG_STATE}):
 *
 * <pre>
 * (open)                  -> COLLECTING
 * COLLECTING              -> IN_REVIEW               submit: required documents present and unexpired, references
 * RESUBMISSION_REQUESTED  -> IN_REVIEW               submit (same rules)
 * REVERIFICATION          -> IN_REVIEW               submit (same rules)
 * IN_REVIEW               -> VERIFIED                compliance approves (approval policy holds)
 * IN_REVIEW               -> RESUBMISSION_REQUESTED  compliance asks for more, with a reason
 * IN_REVIEW               -> REJECTED                compliance rejects, with a reason (final)
 * VERIFIED                -> REVERIFICATION          an insurance or licence expired (expiry monitor)
 * VERIFIED                -> IN_REVIEW               a sanctions hit on re-screening, or VIES now says INVALID
 * </pre>
 *
 * Documents and references can be added in COLLECTING, RESUBMISSION_REQUESTED and REVERIFICATION only.
 */
public enum CaseState {
    COLLECTING,
    IN_REVIEW,
    RESUBMISSION_REQUESTED,
    VERIFIED,
    REVERIFICATION,
    REJECTED;

    /** Whether the organization may add documents and references. */
    public boolean openForChanges() {
        return this == COLLECTING || this == RESUBMISSION_REQUESTED || this == REVERIFICATION;
    }
}
