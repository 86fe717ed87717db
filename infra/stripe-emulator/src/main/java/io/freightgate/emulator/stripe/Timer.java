package io.freightgate.emulator.stripe;

/**
 * Work that becomes due at an emulated time: capture expiry, refund transitions, funds becoming available.
 *
 * @param due unix seconds on the emulator clock
 * @param scopeKey the owning {@link Scope#key()}
 * @param kind what to do
 * @param objectId the object it applies to
 */
record Timer(long due, String scopeKey, Kind kind, String objectId) {

    /** The kinds of timed work. */
    enum Kind {
        CAPTURE_EXPIRY,
        REFUND_SETTLE,
        REFUND_FAIL,
        FUNDS_AVAILABLE,
        ASYNC_CAPTURE_SETTLED,
        ACCOUNT_DEADLINE,
        PAYOUT_SCHEDULE,
        PAYOUT_IN_TRANSIT,
        PAYOUT_ARRIVAL,
        SEPA_SETTLE,
        DISPUTE_OPEN,
        DISPUTE_DECIDE,
        DISPUTE_DUE
    }
}
