package io.freightgate.disputes;

/**
 * What FreightGate can do about a dispute: answer it with evidence by its due date, or nothing at all, in which case
 * the money is to be recovered from the carrier (the recovery itself comes with the dispute engine's liability work).
 */
public enum DisputeResponse {
    /** Evidence can be submitted until {@code evidence_details.due_by}. */
    EVIDENCE_BY_DUE_DATE(false),
    /** The issuer allows no response ({@code evidence_details.due_by} is 0): straight to recovery. */
    NO_RESPONSE_ALLOWED(true),
    /**
     * Stripe has no evidence process for this dispute (a SEPA Direct Debit disputed as {@code debit_not_authorized}):
     * straight to recovery.
     */
    NO_EVIDENCE_PROCESS(true);

    private final boolean recovery;

    DisputeResponse(boolean recovery) {
        this.recovery = recovery;
    }

    /** Whether the case goes straight to recovery from the carrier. */
    public boolean recovery() {
        return recovery;
    }

    /** The response possible for a dispute of {@code reason} on a payment of {@code paymentMethodType}. */
    public static DisputeResponse of(
            DisputeReason reason, java.util.Optional<String> paymentMethodType, boolean hasDueDate) {
        if (!reason.hasEvidenceProcess(paymentMethodType)) {
            return NO_EVIDENCE_PROCESS;
        }
        return hasDueDate ? EVIDENCE_BY_DUE_DATE : NO_RESPONSE_ALLOWED;
    }
}
