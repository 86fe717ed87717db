package io.freightgate.billing;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;

/** A carrier billed a shipper. */
public record PaymentRequestCreated(
        PaymentRequestId paymentRequestId, TenantId carrier, TenantId shipper, Money amount) {}
