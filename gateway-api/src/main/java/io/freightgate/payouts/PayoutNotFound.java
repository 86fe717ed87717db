package io.freightgate.payouts;

/** No such payout, or not the caller's. */
public class PayoutNotFound extends RuntimeException {
    public PayoutNotFound(PayoutId id) {
        super("Payout " + id);
    }
}
