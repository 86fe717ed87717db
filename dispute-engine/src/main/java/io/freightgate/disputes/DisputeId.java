package io.freightgate.disputes;

import java.util.Objects;
import java.util.UUID;

/** The identity of a dispute case in FreightGate (Stripe's {@code dp_...} id is a property of the case). */
public record DisputeId(UUID value) {

    public DisputeId {
        Objects.requireNonNull(value, "value");
    }

    public static DisputeId random() {
        return new DisputeId(UUID.randomUUID());
    }
}
