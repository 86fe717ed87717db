/**
 * Payouts: carriers' payout accounts (Stripe Connect accounts with platform-managed payouts: the platform bears losses
 * and fees, Express-style dashboard, {@code card_payments} and {@code transfers} requested, a payout schedule), hosted
 * onboarding links, and their state kept in sync from {@code account.updated} and {@code capability.updated} webhooks
 * (compared by {@code created}, re-fetched when in doubt) ({@link io.freightgate.payouts.PayoutAccounts}, publishing
 * {@link io.freightgate.payouts.PayoutAccountRestricted} and {@link io.freightgate.payouts.PayoutAccountRestored});
 * payouts and their remittances ({@link io.freightgate.payouts.Payouts}, publishing
 * {@link io.freightgate.payouts.PayoutPaid} and {@link io.freightgate.payouts.PayoutFailed}). Never calls Stripe inside
 * a database transaction (intent recorded, then the call with an idempotency key derived from the account's identity,
 * then the outcome).
 */
@ApplicationModule(
        displayName = "Payouts",
        allowedDependencies = {"billing", "ledger", "kernel", "platform"})
@NullMarked
package io.freightgate.payouts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
