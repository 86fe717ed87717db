package io.freightgate.ledger.internal.reconciliation;

import io.freightgate.ledger.ReconciliationView.DifferenceKind;

/** A source whose Stripe net and ledger net disagree on one account, in one currency, with a sentence saying how. */
public record Difference(
        StripeAccount account,
        String source,
        String currency,
        DifferenceKind kind,
        long stripeNetMinor,
        long ledgerNetMinor,
        String detail) {}
