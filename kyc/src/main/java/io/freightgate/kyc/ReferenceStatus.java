package io.freightgate.kyc;

/** What compliance found when it contacted a commercial reference. */
public enum ReferenceStatus {
    UNVERIFIED,
    CONFIRMED,
    NOT_CONFIRMED
}
