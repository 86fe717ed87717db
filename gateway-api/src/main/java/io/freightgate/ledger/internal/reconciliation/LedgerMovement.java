package io.freightgate.ledger.internal.reconciliation;

import java.time.Instant;

/**
 * One ledger entry on a Stripe balance account (the platform's {@code PLATFORM_STRIPE_BALANCE} or a carrier's
 * {@code CARRIER_STRIPE_BALANCE}): the Stripe object it mirrors, its amount (debit positive) and when it occurred.
 */
public record LedgerMovement(String source, String currency, long amountMinor, Instant occurredAt) {}
