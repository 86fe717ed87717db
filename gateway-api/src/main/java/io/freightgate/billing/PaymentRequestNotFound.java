package io.freightgate.billing;

import io.freightgate.kernel.PaymentRequestId;

/** No such payment request visible to the caller (unknown, or another organization's: existence does not leak). */
public class PaymentRequestNotFound extends RuntimeException {

    public PaymentRequestNotFound(PaymentRequestId id) {
        super("Payment request " + id);
    }
}
