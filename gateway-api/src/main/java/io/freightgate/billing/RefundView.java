package io.freightgate.billing;

import io.freightgate.kernel.Money;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A refund of a payment request and where it stands ({@code APPROVED}, {@code PENDING}, {@code DECLINED}...). */
public record RefundView(
        UUID id,
        UUID paymentRequestId,
        Money amount,
        Optional<String> reason,
        String outcome,
        Optional<String> stripeRefundId,
        Optional<String> stripeStatus,
        Optional<String> failureMessage,
        Instant createdAt) {}
