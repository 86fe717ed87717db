package io.freightgate.transfers;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;

/**
 * Stripe refused the carrier's transfer ({@code code}, e.g. the destination cannot receive transfers). Nothing moved;
 * the transfer waits and the retry job sends it again (with a new idempotency key) once the release policy is met.
 */
public record TransferFailed(
        PaymentRequestId paymentRequestId, TenantId carrier, Money amount, String code, String message) {}
