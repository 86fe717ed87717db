package io.freightgate.loads;

import java.time.Instant;
import java.util.Optional;

/**
 * A signed proof of delivery (PDF, JPEG or PNG): who signed, when and (optionally) where the uploader's device says
 * the delivery happened.
 */
public record UploadProofOfDelivery(
        String fileName,
        byte[] content,
        String signatoryName,
        Instant claimedAt,
        Optional<Double> lat,
        Optional<Double> lon) {}
