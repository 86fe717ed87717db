package io.freightgate.loads;

import io.freightgate.kernel.LoadId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A proof of delivery and what its file says about itself: the photo's EXIF capture time, position and orientation,
 * its distance to the consignee and the gap to the claimed time, and the flags raised.
 */
public record DeliveryConfirmationView(
        UUID id,
        LoadId loadId,
        UUID documentId,
        String contentType,
        long sizeBytes,
        String sha256,
        String signatoryName,
        Instant claimedAt,
        Optional<Double> claimedLat,
        Optional<Double> claimedLon,
        Optional<Integer> imageWidth,
        Optional<Integer> imageHeight,
        Optional<Instant> exifCapturedAt,
        Optional<Double> exifLat,
        Optional<Double> exifLon,
        Optional<Integer> exifOrientation,
        Optional<Long> distanceToConsigneeMeters,
        Optional<Long> timeGapSeconds,
        List<String> flags,
        boolean confirmsDelivery,
        String channel,
        String uploadedBy,
        Instant createdAt) {}
