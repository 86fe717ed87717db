package io.freightgate.billing;

import io.freightgate.kernel.PaymentAttemptId;
import io.freightgate.kernel.PaymentRequestId;
import java.time.Instant;
import java.util.Optional;

/**
 * One payment attempt and its outcome: {@code APPROVED}, {@code DECLINED}, {@code PENDING}, {@code UNKNOWN} (being
 * reconciled; do not pay again) or {@code NOT_ATTEMPTED}. {@code nextActionUrl} is where the payer completes 3-D
 * Secure. The attempt's fraud screening is not part of it: the shipper and the carrier read the request, and a verdict
 * would tell them that a payment waits in review or which check refused it; risk analysts read the decisions by the
 * request ({@code /api/v1/fraud/decisions?payment_request_id=}).
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
        Instant createdAt) {}
