/**
 * The dispute engine. Today it owns the dispute case: one record per Stripe dispute ({@code dp_...}, {@code du_...})
 * on a FreightGate charge, kept in step with Stripe's dispute object on every {@code charge.dispute.*} event (applied by
 * comparison, so late, repeated and out-of-order events change nothing wrong), read through {@link
 * io.freightgate.disputes.DisputeDesk}. It publishes {@link io.freightgate.disputes.DisputeOpened}, {@link
 * io.freightgate.disputes.DisputeFundsWithdrawn}, {@link io.freightgate.disputes.DisputeFundsReinstated} and {@link
 * io.freightgate.disputes.DisputeClosed}, each once per dispute; the carrier's transfer, the payment request and the
 * ledger react to them in {@code io.freightgate.flows}. It reads payments only through the {@link
 * io.freightgate.disputes.DisputedPayments} port that {@code flows} implements, and never names payments, loads, KYC or
 * fraud. Still to come: an evidence plan per dispute reason, the evidence PDF package within the networks' limits,
 * submission to Stripe before the due date, and win-rate analytics.
 */
@NullMarked
package io.freightgate.disputes;

import org.jspecify.annotations.NullMarked;
