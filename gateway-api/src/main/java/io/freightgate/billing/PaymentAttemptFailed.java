package io.freightgate.billing;

import io.freightgate.kernel.TenantId;
import java.util.UUID;

/** A payment attempt was declined, failed authentication, or its debit failed; the request is open again. */
public record PaymentAttemptFailed(
        UUID paymentRequestId, UUID attemptId, TenantId carrier, TenantId shipper, String declineCode) {}
