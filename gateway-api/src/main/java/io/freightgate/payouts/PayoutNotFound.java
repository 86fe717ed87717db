package io.freightgate.payouts;

import java.util.UUID;

/** No such payout, or not the caller's. */
public class PayoutNotFound extends RuntimeException {
    public PayoutNotFound(UUID id) {
        super("Payout " + id);
    }
}
