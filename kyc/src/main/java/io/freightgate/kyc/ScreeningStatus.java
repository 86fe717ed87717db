package io.freightgate.kyc;

/** The sanctions screening state of a case. */
public enum ScreeningStatus {
    /** Not screened yet (before the first submission). */
    NOT_SCREENED,
    /** Screening could not run (no sanctions list imported); approval waits for a screening. */
    UNAVAILABLE,
    /** No listed name matched. */
    CLEAR,
    /** A name matched a listed name; approval waits until compliance dismisses it as a false positive. */
    HIT,
    /** Compliance looked at the hit and recorded why it is not the listed party. */
    HIT_DISMISSED
}
