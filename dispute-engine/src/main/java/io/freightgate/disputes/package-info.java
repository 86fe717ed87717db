/**
 * The dispute engine (still to be built): a case per chargeback, an evidence plan chosen by dispute reason, the evidence
 * PDF package within the card networks' limits, submission to Stripe before {@code due_by}, and win-rate analytics. It
 * reads loads and payments only through ports it declares and {@code io.freightgate.flows} implements.
 */
package io.freightgate.disputes;
