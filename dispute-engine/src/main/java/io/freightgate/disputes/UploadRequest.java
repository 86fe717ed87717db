package io.freightgate.disputes;

import java.time.Instant;
import java.util.UUID;

/**
 * A request to the carrier to upload what the evidence is missing, as its single-use link opens it.
 *
 * @param id the request
 * @param disputeId the case it serves
 * @param loadId the load whose proof of delivery is asked for
 * @param loadReference the carrier's reference of the load
 * @param what what is asked for, in the finance agent's words (encode where rendered)
 * @param expiresAt when the link stops opening
 */
public record UploadRequest(
        UUID id, DisputeId disputeId, UUID loadId, String loadReference, String what, Instant expiresAt) {}
