package io.freightgate.billing;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A payment request became paid, published inside the transaction that records it (before {@link PaymentRequestPaid}
 * is delivered to after-commit listeners). Transfers listens synchronously and, in that same transaction, creates the
 * carrier's transfer (gross and fee fixed, a {@code FRAUD_REVIEW} hold when screening answered REVIEW) and posts the
 * {@code PAYMENT} journal; the request's change and the transfer commit or roll back together.
 * {@link PaidRequestCommitted} follows after the commit.
 */
public record PaymentCollected(
        PaymentRequestId paymentRequestId,
        TenantId carrier,
        Optional<UUID> loadId,
        String loadReference,
        Money amountPaid,
        String stripeChargeId,
        boolean screenedForReview,
        Instant collectedAt) {}
