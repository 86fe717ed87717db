package io.freightgate.billing;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRefundId;
import io.freightgate.kernel.PaymentRequestId;
import java.time.Instant;
import java.util.Optional;

/** A refund of a payment request and where it stands ({@code APPROVED}, {@code PENDING}, {@code DECLINED}...). */
public record RefundView(
        PaymentRefundId id,
        PaymentRequestId paymentRequestId,
        Money amount,
        Optional<String> reason,
        String outcome,
        Optional<String> stripeRefundId,
        Optional<String> stripeStatus,
        Optional<String> failureMessage,
        Instant createdAt) {}
