package io.freightgate.kernel;

import java.util.Objects;
import java.util.UUID;

/**
 * A payment request (a carrier bills a shipper for a load), referenced by transfers, the ledger, disputes and loads as
 * well as by billing itself. A transfer is keyed by the payment request it pays out.
 */
public record PaymentRequestId(UUID value) {

    public PaymentRequestId {
        Objects.requireNonNull(value, "value");
    }

    public static PaymentRequestId of(String value) {
        return new PaymentRequestId(UUID.fromString(value));
    }

    public static PaymentRequestId random() {
        return new PaymentRequestId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
