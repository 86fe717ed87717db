package io.freightgate.billing;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * A payment request was paid (captured). {@code reclaimableUntil} is set for SEPA debits, which the payer's bank may
 * reclaim for 8 weeks; the release policy of transfers uses it.
 */
public record PaymentRequestPaid(
        PaymentRequestId paymentRequestId,
        TenantId carrier,
        TenantId shipper,
        Money amount,
        String method,
        String stripeChargeId,
        Optional<Instant> reclaimableUntil) {}
