/**
 * Payments. Built so far: carriers' payout accounts (Stripe Connect accounts with platform-managed payouts: the
 * platform bears losses and fees, Express-style dashboard, {@code card_payments} and {@code transfers} requested, a
 * payout schedule), hosted onboarding links, and their state kept in sync from {@code account.updated} and
 * {@code capability.updated} webhooks (compared by {@code created}, re-fetched when in doubt). Facade:
 * {@link io.freightgate.payments.PayoutAccounts}. Publishes {@link io.freightgate.payments.PayoutAccountRestricted}
 * and {@link io.freightgate.payments.PayoutAccountRestored}. Never calls Stripe inside a database transaction (intent
 * recorded, then the call with an idempotency key derived from the account's identity, then the outcome); every
 * provider outcome is Approved, Declined, Pending, Unknown or NotAttempted. Never names loads, disputes, KYC or fraud.
 * Payment requests, PaymentIntents and refunds ({@link io.freightgate.payments.PaymentRequests},
 * {@link io.freightgate.payments.Payments}); carriers' transfers released by policy, held, reversed and restored
 * ({@link io.freightgate.payments.Transfers}, publishing {@link io.freightgate.payments.TransferReleased},
 * {@link io.freightgate.payments.TransferHeld}, {@link io.freightgate.payments.TransferReversed} and
 * {@link io.freightgate.payments.TransferFailed}); payouts and their remittances
 * ({@link io.freightgate.payments.Payouts}); the double-entry ledger, posted in the transaction of every money movement
 * ({@code internal.LedgerPostings}); carriers' monthly fee statements read from the ledger
 * ({@link io.freightgate.payments.FeeStatements}; the reverse charge asks the port
 * {@link io.freightgate.payments.CarrierVatStatus}) and finance's reads of the ledger's entries and balances
 * ({@link io.freightgate.payments.LedgerReports}); the daily reconciliation of the ledger with Stripe's balance
 * transactions ({@link io.freightgate.payments.Reconciliations}: a Spring Batch job per day, once across instances, and
 * on demand), which reads Stripe and never changes it.
 */
package io.freightgate.payments;
