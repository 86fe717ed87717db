package io.freightgate.kernel;

import java.util.Objects;
import java.util.UUID;

/** One attempt to pay a payment request (a PaymentIntent confirmed or refused), referenced beyond billing by its events and the API's problems. */
public record PaymentAttemptId(UUID value) {

    public PaymentAttemptId {
        Objects.requireNonNull(value, "value");
    }

    public static PaymentAttemptId of(String value) {
        return new PaymentAttemptId(UUID.fromString(value));
    }

    public static PaymentAttemptId random() {
        return new PaymentAttemptId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
