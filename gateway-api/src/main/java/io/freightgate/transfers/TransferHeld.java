package io.freightgate.transfers;

import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;

/** A hold was placed on the carrier's transfer of a payment request; it waits until every hold is released. */
public record TransferHeld(PaymentRequestId paymentRequestId, TenantId carrier, TransferHoldReason reason) {}
