package io.freightgate.billing;

import io.freightgate.kernel.PaymentRequestId;

/**
 * The transaction that recorded a payment request as paid has committed. Published synchronously, outside any
 * transaction, by the thread that made the change (an API call, a webhook or a reconciliation), so a listener runs
 * right after the commit, before that caller goes on; transfers offers the request's transfer to the release policy.
 * A listener must not throw: the payment's change stands whatever it does.
 */
public record PaidRequestCommitted(PaymentRequestId paymentRequestId) {}
