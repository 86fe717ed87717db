package io.freightgate.billing;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;
import java.util.UUID;

/** A carrier billed a shipper. */
public record PaymentRequestCreated(UUID paymentRequestId, TenantId carrier, TenantId shipper, Money amount) {}
