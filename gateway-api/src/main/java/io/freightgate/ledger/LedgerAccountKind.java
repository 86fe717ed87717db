package io.freightgate.ledger;

/**
 * The kinds of ledger accounts. Each account is one kind for one organization (or the platform) and one currency. A
 * debit is a positive amount, a credit a negative one; the normal side says which sign a healthy balance has.
 */
public enum LedgerAccountKind {
    /** The platform's balance at Stripe (asset). Mirrors the platform account's balance transactions. */
    PLATFORM_STRIPE_BALANCE(true, true),
    /** Stripe's processing and dispute fees the platform paid (expense). */
    STRIPE_FEES(true, true),
    /** The platform's fee earned from one carrier (revenue, per carrier). */
    PLATFORM_FEE_REVENUE(false, false),
    /** What the platform owes one carrier and has not transferred yet (liability, per carrier). */
    CARRIER_PAYABLE(false, false),
    /** Money the card network withdrew for an open dispute (asset of the platform, per carrier). */
    DISPUTE_RESERVE(true, false),
    /** Disputes lost (expense of the platform, per carrier). */
    DISPUTE_LOSSES(true, false),
    /** The carrier's balance at Stripe, on its connected account (asset of the carrier). */
    CARRIER_STRIPE_BALANCE(true, false),
    /** What the carrier received from the platform by transfer (the carrier's side of transfers and reversals). */
    CARRIER_TRANSFERS_RECEIVED(false, false),
    /** Payouts debited from the carrier's Stripe balance and not yet at its bank. */
    CARRIER_PAYOUTS_IN_TRANSIT(true, false),
    /** Payouts that reached the carrier's bank account. */
    CARRIER_BANK(true, false);

    private final boolean debitNormal;
    private final boolean platformOnly;

    LedgerAccountKind(boolean debitNormal, boolean platformOnly) {
        this.debitNormal = debitNormal;
        this.platformOnly = platformOnly;
    }

    /** Whether a positive (debit) balance is this account's normal state. */
    public boolean debitNormal() {
        return debitNormal;
    }

    /** Whether the account belongs to the platform alone (no organization). */
    public boolean platformOnly() {
        return platformOnly;
    }

    /** Whether entries on this account mirror a Stripe balance and name their Stripe source. */
    public boolean stripeBalance() {
        return this == PLATFORM_STRIPE_BALANCE || this == CARRIER_STRIPE_BALANCE;
    }
}
