package io.freightgate.disputes;

import java.util.Arrays;
import java.util.Optional;

/**
 * A dispute's status, as Stripe reports it on the dispute object. A dispute lives in two phases:
 *
 * <pre>
 *  inquiry (no money moved)                         chargeback (the amount and a fee are withdrawn)
 *  WARNING_NEEDS_RESPONSE ─▶ WARNING_UNDER_REVIEW   NEEDS_RESPONSE ─▶ UNDER_REVIEW ─▶ WON | LOST
 *        │            │              │                    ▲                  ▲
 *        │            └──────────────┴─ escalated ────────┘                  │
 *        └─▶ WARNING_CLOSED (closed without a chargeback)       PREVENTED (stopped upstream, no fee)
 * </pre>
 *
 * A status only moves forward: a snapshot whose status ranks below the case's is older news and is not applied. The
 * four closed statuses are final.
 */
public enum DisputeStatus {
    /** An inquiry (retrieval request) the merchant should answer; no money has moved. */
    WARNING_NEEDS_RESPONSE("warning_needs_response", 0),
    /** The inquiry's answer is with the issuer. */
    WARNING_UNDER_REVIEW("warning_under_review", 1),
    /** A chargeback: the money was (or is about to be) withdrawn; evidence is due by {@code evidence_due_by}. */
    NEEDS_RESPONSE("needs_response", 2),
    /** Evidence was submitted (or the chargeback needs none); the issuer decides. */
    UNDER_REVIEW("under_review", 3),
    /** Closed: the inquiry ended without a chargeback. */
    WARNING_CLOSED("warning_closed", 4),
    /** Closed: the merchant won; the money comes back ({@code charge.dispute.funds_reinstated}). */
    WON("won", 4),
    /** Closed: the merchant lost (or accepted); the withdrawn money is gone. */
    LOST("lost", 4),
    /** Closed: stopped upstream before becoming a chargeback (e.g. Visa RDR); no fee. */
    PREVENTED("prevented", 4);

    private final String stripe;
    private final int rank;

    DisputeStatus(String stripe, int rank) {
        this.stripe = stripe;
        this.rank = rank;
    }

    /** Stripe's name of the status. */
    public String stripe() {
        return stripe;
    }

    /** Whether the dispute is decided; a closed case never changes status again. */
    public boolean closed() {
        return rank == 4;
    }

    /** Whether a snapshot with {@code next} is news for a case in this status (same or later in the lifecycle). */
    public boolean mayBeFollowedBy(DisputeStatus next) {
        return closed() ? next == this : next.rank >= rank;
    }

    /** The outcome of a closed status. */
    public Optional<DisputeOutcome> outcome() {
        return switch (this) {
            case WON -> Optional.of(DisputeOutcome.WON);
            case LOST -> Optional.of(DisputeOutcome.LOST);
            case WARNING_CLOSED -> Optional.of(DisputeOutcome.INQUIRY_CLOSED);
            case PREVENTED -> Optional.of(DisputeOutcome.PREVENTED);
            case WARNING_NEEDS_RESPONSE, WARNING_UNDER_REVIEW, NEEDS_RESPONSE, UNDER_REVIEW -> Optional.empty();
        };
    }

    /** The status Stripe calls {@code name}, if it is one this version knows. */
    public static Optional<DisputeStatus> ofStripe(String name) {
        return Arrays.stream(values()).filter(s -> s.stripe.equals(name)).findFirst();
    }
}
