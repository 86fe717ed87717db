package io.freightgate.payouts;

import java.util.Objects;
import java.util.UUID;

/**
 * A carrier's payout (on demand or by its Connect schedule), as FreightGate records it; not Stripe's {@code po_} id.
 */
public record PayoutId(UUID value) {

    public PayoutId {
        Objects.requireNonNull(value, "value");
    }

    public static PayoutId of(String value) {
        return new PayoutId(UUID.fromString(value));
    }

    public static PayoutId random() {
        return new PayoutId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
