package io.freightgate.transfers;

/** Why a carrier's transfer is held. A held transfer waits until every hold on it is released. */
public enum TransferHoldReason {
    /** Screening answered REVIEW for the payment (placed automatically), or risk staff want a look. */
    FRAUD_REVIEW,
    /** A dispute is open on the charge (placed automatically when Stripe reports it; released when it is won). */
    DISPUTE,
    /** The carrier's verification (KYB) was revoked. */
    KYC_REVOKED,
    /** Finance staff held it by hand. */
    MANUAL
}
