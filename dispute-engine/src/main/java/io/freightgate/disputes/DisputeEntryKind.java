package io.freightgate.disputes;

/**
 * What a line of a case's timeline records. Lines of the kinds that are {@link #feed()} also appear in the
 * notification feed; {@link #internal()} lines (finance staff's notes and assignments) are never shown to the carrier.
 */
public enum DisputeEntryKind {
    /** The case was opened from Stripe's first news of the dispute. */
    OPENED(true, false),
    /** Stripe's status moved on (an inquiry answered or escalated, evidence under review). */
    UPDATED(true, false),
    /** The card network withdrew the amount and Stripe its fee. */
    FUNDS_WITHDRAWN(false, false),
    /** The withdrawn amount came back. */
    FUNDS_REINSTATED(false, false),
    /** The dispute was decided. */
    CLOSED(true, false),
    /** A dispute on a charge FreightGate knows no payment for: an alert for finance staff. */
    ORPHAN(true, true),
    /** The case was given to a finance agent. */
    ASSIGNED(false, true),
    /** A finance agent's note. */
    NOTE(false, true),
    /** A notification mail was recorded for sending. */
    MAILED(false, true),
    /** The carrier was asked to upload what the evidence is missing. */
    UPLOAD_REQUESTED(true, false),
    /** The carrier uploaded a document through its link. */
    UPLOAD_RECEIVED(true, false);

    private final boolean feed;
    private final boolean internal;

    DisputeEntryKind(boolean feed, boolean internal) {
        this.feed = feed;
        this.internal = internal;
    }

    /** Whether lines of this kind appear in the notification feed. */
    public boolean feed() {
        return feed;
    }

    /** Whether lines of this kind are for platform staff only. */
    public boolean internal() {
        return internal;
    }
}
