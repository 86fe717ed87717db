package io.freightgate.transfers.internal.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * A carrier transfer (the row that sends one payment request's share to the carrier), not Stripe's {@code tr_...} id.
 * No other module holds one: others name a transfer by its {@link io.freightgate.kernel.PaymentRequestId}.
 */
public record TransferId(UUID value) {

    public TransferId {
        Objects.requireNonNull(value, "value");
    }

    public static TransferId of(String value) {
        return new TransferId(UUID.fromString(value));
    }

    public static TransferId random() {
        return new TransferId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
