package io.freightgate.kyc;

/** What VIES last said about an organization's VAT number. */
public enum VatStatus {
    /** The organization gave no VAT number. */
    NOT_PROVIDED,
    /** Offline-valid, VIES not asked yet. */
    NOT_CHECKED,
    VALID,
    INVALID,
    /** VIES gave no answer (fault, timeout, circuit open); re-checked with backoff unless an operator is alerted. */
    UNKNOWN
}
