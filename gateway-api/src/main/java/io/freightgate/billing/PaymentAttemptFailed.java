package io.freightgate.billing;

import io.freightgate.kernel.PaymentAttemptId;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;

/** A payment attempt was declined, failed authentication, or its debit failed; the request is open again. */
public record PaymentAttemptFailed(
        PaymentRequestId paymentRequestId,
        PaymentAttemptId attemptId,
        TenantId carrier,
        TenantId shipper,
        String declineCode) {}
