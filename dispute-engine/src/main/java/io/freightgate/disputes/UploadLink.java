package io.freightgate.disputes;

import java.time.Instant;
import java.util.UUID;

/**
 * A single-use upload link just made: the token is here once (only its SHA-256 is kept).
 *
 * @param token 32 random bytes, base64url
 */
public record UploadLink(UUID requestId, DisputeId disputeId, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "UploadLink[requestId=" + requestId + ", disputeId=" + disputeId + ", expiresAt=" + expiresAt + "]";
    }
}
