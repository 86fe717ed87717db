package io.freightgate.disputes;

/** How a dispute ended. */
public enum DisputeOutcome {
    /** The merchant won the chargeback: the amount and the dispute fee came back. */
    WON,
    /** The chargeback was lost or accepted: the withdrawn amount is a loss. */
    LOST,
    /** An inquiry closed without becoming a chargeback; no money moved. */
    INQUIRY_CLOSED,
    /** The dispute was stopped upstream before it became a chargeback. */
    PREVENTED
}
