package io.freightgate.kernel;

import java.util.Objects;
import java.util.UUID;

/** A refund of a payment request, referenced beyond billing by transfers (the reversal of the carrier's share it calls for). */
public record PaymentRefundId(UUID value) {

    public PaymentRefundId {
        Objects.requireNonNull(value, "value");
    }

    public static PaymentRefundId of(String value) {
        return new PaymentRefundId(UUID.fromString(value));
    }

    public static PaymentRefundId random() {
        return new PaymentRefundId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
