/**
 * Payments (still to be built): payment requests for loads, PaymentIntents on the platform account with 3-D Secure or
 * SEPA Direct Debit, Connect accounts of carriers, transfers released by policy and held by risk or disputes, payouts
 * with remittances, refunds, the double-entry ledger and its daily reconciliation with Stripe. Never calls Stripe inside
 * a database transaction; every outcome is Approved, Declined, Pending, Unknown or NotAttempted.
 */
package io.freightgate.payments;
