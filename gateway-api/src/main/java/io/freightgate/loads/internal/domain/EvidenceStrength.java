package io.freightgate.loads.internal.domain;

import io.freightgate.loads.DeliveryEvidence;
import io.freightgate.loads.DeliveryEvidence.Weakness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a proof of delivery proves the delivery by itself. The carrier uploads it, so it is the carrier's word; it
 * moves money alone only when it is placed (a photo's own GPS position, or the position the uploading device gave for
 * a PDF, at the consignee: a proof far from the consignee is flagged before this is asked) and dated between the pickup
 * and now (a photo also needs its own capture time). Anything less is weak: kept as evidence, waiting for a second
 * signal. A telematics arrival at the consignee recorded before the proof is that second signal.
 */
public final class EvidenceStrength {

    /** How far in the future a claimed time may lie (clock skew of phones and telematics boxes). */
    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private EvidenceStrength() {}

    /** What the uploaded proof says about itself. */
    public record Proof(
            boolean photo, boolean placed, boolean photoDated, Instant claimedAt, Optional<Instant> deliveryArrival) {}

    public static DeliveryEvidence weigh(Proof proof, Instant pickupAt, Instant now) {
        List<Weakness> weaknesses = new ArrayList<>();
        if (!proof.placed()) {
            weaknesses.add(Weakness.NO_POSITION);
        }
        if (proof.photo() && !proof.photoDated()) {
            weaknesses.add(Weakness.NO_TIME);
        }
        if (proof.claimedAt().isBefore(pickupAt)) {
            weaknesses.add(Weakness.BEFORE_PICKUP);
        }
        if (proof.claimedAt().isAfter(now.plus(FUTURE_TOLERANCE))) {
            weaknesses.add(Weakness.IN_FUTURE);
        }
        if (weaknesses.isEmpty()) {
            return DeliveryEvidence.strong("pod");
        }
        return proof.deliveryArrival().isPresent()
                ? DeliveryEvidence.strong("pod+telematics")
                : DeliveryEvidence.weak("pod", weaknesses);
    }

    /** When the load was picked up as far as anyone knows: the telematics arrival, else the planned time. */
    public static Instant pickupAt(Load load) {
        return load.pickupArrivedAt().orElse(load.pickup().plannedAt());
    }
}
