package io.freightgate.ledger;

/** What caused a ledger journal. */
public enum JournalKind {
    /** A shipper's payment succeeded: the platform's Stripe balance, the carrier's share and the platform's fee. */
    PAYMENT,
    /**
     * Stripe's processing fee on a payment, from the charge's balance transaction (posted with the payment when Stripe
     * already knows it, else when a later read of the payment carries it).
     */
    STRIPE_FEE,
    /** A refund succeeded: the carrier's share and our fee give back their part. */
    REFUND,
    /** A refund that had succeeded failed later (the money came back): the refund journal, mirrored. */
    REFUND_FAILURE,
    /** The carrier's share left the platform's balance for the carrier's connected account. */
    TRANSFER,
    /** A transfer (or part of it) came back from the carrier's connected account. */
    TRANSFER_REVERSAL,
    /** The card network withdrew a disputed amount and Stripe its dispute fee. */
    DISPUTE_WITHDRAWAL,
    /** A won dispute: the amount and the dispute fee came back. */
    DISPUTE_REINSTATEMENT,
    /** A lost dispute: the withdrawn amount is a loss. */
    DISPUTE_LOST,
    /** A payout left the carrier's Stripe balance for its bank. */
    PAYOUT,
    /** The payout reached the carrier's bank. */
    PAYOUT_PAID,
    /** The payout failed (or was canceled) and came back to the carrier's Stripe balance. */
    PAYOUT_FAILURE
}
