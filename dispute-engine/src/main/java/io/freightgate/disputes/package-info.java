/**
 * The dispute engine. It owns the dispute case: one record per Stripe dispute ({@code dp_...}, {@code du_...}) on a
 * charge, kept in step with Stripe's dispute object on every {@code charge.dispute.*} event of the platform's and the
 * Connect endpoint (applied by comparison, re-read from Stripe when stale or incomplete, so late, repeated and
 * out-of-order events change nothing wrong), linked to the payment request, load, carrier and shipper, or an orphan
 * when FreightGate knows no payment for the charge. Finance staff work a case through {@link
 * io.freightgate.disputes.DisputeDesk}: owner, internal notes, a timeline, a notification feed, single-use upload links
 * for the carrier. It publishes {@link io.freightgate.disputes.DisputeOpened}, {@link
 * io.freightgate.disputes.DisputeUpdated}, {@link io.freightgate.disputes.DisputeFundsWithdrawn}, {@link
 * io.freightgate.disputes.DisputeFundsReinstated} and {@link io.freightgate.disputes.DisputeClosed}, each once per
 * case; the carrier's transfer, the payment request, the ledger, mails and integrator webhooks react to them in {@code
 * io.freightgate.flows}. It reads payments only through the {@link io.freightgate.disputes.DisputedPayments} port that
 * {@code flows} implements, and never names payments, loads, KYC or fraud. It never changes anything at Stripe yet:
 * the carrier's liability (reversals, receivables, restores) and the evidence file (plans, PDF, submission) are the
 * next parts (docs/disputes.md).
 */
@NullMarked
package io.freightgate.disputes;

import org.jspecify.annotations.NullMarked;
