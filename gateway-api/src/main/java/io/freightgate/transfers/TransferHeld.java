package io.freightgate.transfers;

import io.freightgate.kernel.TenantId;
import java.util.UUID;

/** A hold was placed on the carrier's transfer of a payment request; it waits until every hold is released. */
public record TransferHeld(UUID paymentRequestId, TenantId carrier, TransferHoldReason reason) {}
