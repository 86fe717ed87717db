package io.freightgate.billing;

import io.freightgate.kernel.PaymentAttemptId;
import io.freightgate.kernel.PaymentRequestId;
import java.time.Instant;
import java.util.Optional;

/**
 * One payment attempt and its outcome: {@code APPROVED}, {@code DECLINED}, {@code PENDING}, {@code UNKNOWN} (being
 * reconciled; do not pay again) or {@code NOT_ATTEMPTED}. {@code nextActionUrl} is where the payer completes 3-D
 * Secure.
 */
public record PaymentAttemptView(
        PaymentAttemptId id,
        PaymentRequestId paymentRequestId,
        int number,
        String method,
        String outcome,
        Optional<String> stripeStatus,
        Optional<String> stripePaymentIntentId,
        Optional<String> nextActionUrl,
        Optional<String> declineCode,
        Optional<String> failureMessage,
        String screening,
        Instant createdAt) {}
