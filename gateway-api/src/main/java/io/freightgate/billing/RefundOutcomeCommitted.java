package io.freightgate.billing;

import io.freightgate.kernel.PaymentRefundId;

/**
 * The transaction that recorded a refund's outcome ({@link RefundOutcomeChanged}) has committed. Published
 * synchronously, outside any transaction, by the thread that recorded it, before that caller goes on; transfers sends
 * to Stripe the reversal or the restore that transaction planned. A listener must not throw.
 */
public record RefundOutcomeCommitted(PaymentRefundId refundId) {}
