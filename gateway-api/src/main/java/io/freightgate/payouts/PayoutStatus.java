package io.freightgate.payouts;

/**
 * Where a carrier's payout is: {@code REQUESTED} while Stripe is being asked, {@code REQUEST_UNKNOWN} when its answer
 * was lost (Stripe's webhook completes it), {@code DECLINED} when Stripe refused; then Stripe's own pending, in
 * transit, paid, failed (the bank returned it; the funds go back to the carrier's Stripe balance) or canceled.
 */
public enum PayoutStatus {
    REQUESTED,
    REQUEST_UNKNOWN,
    DECLINED,
    PENDING,
    IN_TRANSIT,
    PAID,
    FAILED,
    CANCELED
}
