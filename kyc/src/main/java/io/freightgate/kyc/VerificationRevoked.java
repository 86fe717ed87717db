package io.freightgate.kyc;

import io.freightgate.kernel.TenantId;
import java.time.Instant;

/**
 * Event: a verified organization is no longer verified: payment requests stop and pending transfers are held until it
 * is verified again. Also the notification to the organization (flows sends the email).
 */
public record VerificationRevoked(TenantId organization, Reason reason, String detail, Instant revokedAt) {

    public enum Reason {
        /** Insurance or licence expired: the case is in REVERIFICATION until a new one is submitted and approved. */
        DOCUMENT_EXPIRED,
        /** A name matched a sanctions list on re-screening: the case is back in review. */
        SANCTIONS_HIT,
        /** VIES now answers {@code valid=false} for the VAT number: the case is back in review. */
        VAT_INVALID
    }
}
