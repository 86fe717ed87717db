package io.freightgate.billing;

import java.util.UUID;

/** No such payment request visible to the caller (unknown, or another organization's: existence does not leak). */
public class PaymentRequestNotFound extends RuntimeException {

    public PaymentRequestNotFound(UUID id) {
        super("Payment request " + id);
    }
}
